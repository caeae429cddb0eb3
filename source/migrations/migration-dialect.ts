// The migration dialects of Ory's file layout (pop's dialect names) and their suffix aliases.
// Which dialect a backend uses is its module's data, so callers never branch on backend names.
import { descriptorOfBackend } from '../adapters/backend-descriptors.js';
import type { Backend } from '../dsn/types.js';

export type MigrationDialect = 'postgres' | 'cockroach' | 'mysql' | 'sqlite3';

export const MIGRATION_DIALECTS: readonly MigrationDialect[] = ['postgres', 'cockroach', 'mysql', 'sqlite3'];

/**
 * A dialect a file can be written for: the four above, and pop's `mariadb`, a dialect of its own
 * that no Ory DSN selects (`mysql://` is pop's mysql dialect, which never reads `.mariadb.` files).
 */
export type FileDialect = MigrationDialect | 'mariadb';

/** File-name suffix → dialect (pop's synonyms: `pg`, `crdb`, `sqlite`, ...). */
const SUFFIX_ALIASES: Readonly<Record<string, FileDialect>> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
  pgx: 'postgres',
  cockroach: 'cockroach',
  cockroachdb: 'cockroach',
  crdb: 'cockroach',
  mysql: 'mysql',
  mariadb: 'mariadb',
  sqlite3: 'sqlite3',
  sqlite: 'sqlite3',
};

export const KNOWN_DIALECT_SUFFIXES: readonly string[] = Object.keys(SUFFIX_ALIASES);

/** The canonical dialect of a file-name suffix (without the dot), or null when unknown. */
export function canonicalDialect(suffix: string): FileDialect | null {
  return Object.hasOwn(SUFFIX_ALIASES, suffix) ? SUFFIX_ALIASES[suffix]! : null;
}

/** Which migration files a backend runs, as its descriptor says (memory is SQLite; cockroach keeps its own dialect). */
export function migrationDialectOf(backend: Backend): MigrationDialect {
  const dialects: Readonly<Record<string, MigrationDialect>> = descriptorOfBackend(backend).migrationDialects;
  return dialects[backend]!;
}
