// The scheme table (usql/dburl style): every DSN prefix dsnsh accepts, with its backend and
// default port. Aliases are rows, not code paths. Ory's prefix checks are case-sensitive, so a
// scheme written in another case is refused with what the service would do with it.
import type { Backend } from './types.js';

export interface SchemeRow {
  /** Text before `://`, exactly as the service requires it */
  scheme: string;
  backend: Backend;
  defaultPort: number | null;
  /** The name Ory's documentation uses, when this row is an alias */
  aliasOf?: string;
}

export const SCHEMES: readonly SchemeRow[] = [
  { scheme: 'sqlite', backend: 'sqlite', defaultPort: null },
  { scheme: 'sqlite3', backend: 'sqlite', defaultPort: null, aliasOf: 'sqlite' },
  { scheme: 'postgres', backend: 'postgres', defaultPort: 5432 },
  { scheme: 'postgresql', backend: 'postgres', defaultPort: 5432, aliasOf: 'postgres' },
  // pop rewrites cockroach URLs to postgres:// and pgx then defaults the port to 5432.
  { scheme: 'cockroach', backend: 'cockroach', defaultPort: 5432 },
  { scheme: 'cockroachdb', backend: 'cockroach', defaultPort: 5432, aliasOf: 'cockroach' },
  { scheme: 'crdb', backend: 'cockroach', defaultPort: 5432, aliasOf: 'cockroach' },
  { scheme: 'mysql', backend: 'mysql', defaultPort: 3306 },
];

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
  return folded?.backend === 'cockroach' ? folded : undefined;
}

/** What the service does with a scheme that differs from a supported one only in case. */
export function wrongCaseConsequence(scheme: string): string | null {
  const row = SCHEMES.find((candidate) => candidate.scheme === scheme.toLowerCase());
  if (!row || row.scheme === scheme) return null;
  switch (row.backend) {
    case 'postgres':
      return `the service's driver (pgx) only reads URLs starting with ${row.scheme}:// in lower case and fails to parse this DSN`;
    case 'mysql':
      return `Ory does not recognise it as MySQL: its parameters are not rewritten and the driver logs in as the user "${scheme}"`;
    case 'sqlite':
      return `pop does not strip it, so the service opens a file literally named "${scheme}://…"`;
    default:
      return null;
  }
}

export function supportedSchemesText(): string {
  return ['memory', ...SCHEMES.map((row) => `${row.scheme}://`)].join(', ');
}
