// The scheme table (usql/dburl style): every DSN prefix dsnsh accepts, with its backend and
// default port. Aliases are rows, not code paths. Ory's prefix checks are case-sensitive, so a
// scheme written in another case is refused with what the service would do with it. Each
// backend's descriptor lists its own rows and says what a wrong case does.
import { BACKEND_DESCRIPTORS, descriptorOfBackend } from '../adapters/backend-descriptors.js';
import type { Backend } from './types.js';

export interface SchemeRow {
  /** Text before `://`, exactly as the service requires it */
  scheme: string;
  backend: Backend;
  defaultPort: number | null;
  /** The name Ory's documentation uses, when this row is an alias */
  aliasOf?: string;
  /** The service accepts it in any case (pop lower-cases the cockroach names) */
  anyCase?: boolean;
}

/** Every backend's schemes, as its descriptor lists them (adapters/NAME/NAME-descriptor.ts). */
export const SCHEMES: readonly SchemeRow[] = BACKEND_DESCRIPTORS.flatMap((descriptor): readonly SchemeRow[] => descriptor.schemes);

/** The whole DSN that selects the ephemeral in-memory database. */
export const MEMORY_DSN = 'memory';

/** CockroachDB's own default port, which a cockroach:// DSN must write out. */
export const COCKROACH_PORT = 26257;

/**
 * The row for a scheme as written. pop lower-cases the dialect name and rewrites every cockroach
 * URL to postgres://, so the cockroach names work in any case; the others must be lower-case.
 */
export function findScheme(scheme: string): SchemeRow | undefined {
  const exact = SCHEMES.find((row) => row.scheme === scheme);
  if (exact) return exact;
  const folded = SCHEMES.find((row) => row.scheme === scheme.toLowerCase());
  return folded?.anyCase ? folded : undefined;
}

/** What the service does with a scheme that differs from a supported one only in case. */
export function wrongCaseConsequence(scheme: string): string | null {
  const row = SCHEMES.find((candidate) => candidate.scheme === scheme.toLowerCase());
  if (!row || row.scheme === scheme || row.anyCase) return null;
  return descriptorOfBackend(row.backend).wrongCaseConsequence(scheme, row);
}

export function supportedSchemesText(): string {
  return ['memory', ...SCHEMES.map((row) => `${row.scheme}://`)].join(', ');
}
