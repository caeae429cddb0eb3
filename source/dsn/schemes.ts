// The scheme table (usql/dburl style): every DSN prefix dsnsh accepts, with its backend and
// default port. Aliases are rows, not code paths.
import type { Backend } from './types.js';

export interface SchemeRow {
  /** Text before `://` (lower-case) */
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
  { scheme: 'cockroach', backend: 'cockroach', defaultPort: 26257 },
  { scheme: 'cockroachdb', backend: 'cockroach', defaultPort: 26257, aliasOf: 'cockroach' },
  { scheme: 'crdb', backend: 'cockroach', defaultPort: 26257, aliasOf: 'cockroach' },
  { scheme: 'mysql', backend: 'mysql', defaultPort: 3306 },
];

/** The whole DSN that selects the ephemeral in-memory database. */
export const MEMORY_DSN = 'memory';

export function findScheme(scheme: string): SchemeRow | undefined {
  const lower = scheme.toLowerCase();
  return SCHEMES.find((row) => row.scheme === lower);
}

export function supportedSchemesText(): string {
  return ['memory', ...SCHEMES.map((row) => `${row.scheme}://`)].join(', ');
}
