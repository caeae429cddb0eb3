// The migration dialects of Ory's file layout (pop's dialect names) and their suffix aliases.
// Which dialect a backend uses is data, so callers never branch on backend names.
import type { Backend } from '../dsn/types.js';

export type MigrationDialect = 'postgres' | 'cockroach' | 'mysql' | 'sqlite3';

export const MIGRATION_DIALECTS: readonly MigrationDialect[] = ['postgres', 'cockroach', 'mysql', 'sqlite3'];

/** File-name suffix → dialect (pop's synonyms: `pg`, `crdb`, `sqlite`, `mariadb`, ...). */
const SUFFIX_ALIASES: Readonly<Record<string, MigrationDialect>> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
  pgx: 'postgres',
  cockroach: 'cockroach',
  cockroachdb: 'cockroach',
  crdb: 'cockroach',
  mysql: 'mysql',
  mariadb: 'mysql',
  sqlite3: 'sqlite3',
  sqlite: 'sqlite3',
};

export const KNOWN_DIALECT_SUFFIXES: readonly string[] = Object.keys(SUFFIX_ALIASES);

/** The canonical dialect of a file-name suffix (without the dot), or null when unknown. */
export function canonicalDialect(suffix: string): MigrationDialect | null {
  return Object.hasOwn(SUFFIX_ALIASES, suffix) ? SUFFIX_ALIASES[suffix]! : null;
}

const DIALECT_OF_BACKEND: Readonly<Record<Backend, MigrationDialect>> = {
  postgres: 'postgres',
  cockroach: 'cockroach',
  mysql: 'mysql',
  sqlite: 'sqlite3',
  memory: 'sqlite3',
};

/** Which migration files a backend runs (memory is SQLite; cockroach keeps its own dialect). */
export function migrationDialectOf(backend: Backend): MigrationDialect {
  return DIALECT_OF_BACKEND[backend];
}
