// SQL that differs between migration dialects, as data: catalog queries, the run lock, and how a
// migration transaction begins. Everything else the migrator sends is portable SQL.
import type { MigrationDialect } from './migration-dialect.js';

/** How concurrent runners are kept apart. */
export type RunLock =
  /** A lock held by the migrating session for the whole run (advisory lock, GET_LOCK). */
  | {
      kind: 'session';
      /** Returns one value: granted (true/1) or not, without waiting */
      tryAcquire: string;
      release: string;
      waitingMessage: string;
    }
  /**
   * The database's write lock, taken by each migration's transaction (SQLite: BEGIN IMMEDIATE);
   * each migration re-checks its version inside that transaction.
   */
  | {
      kind: 'write-transaction';
      /** Error codes (prefixes) meaning "another connection holds the write lock": wait and retry */
      busyCodes: readonly string[];
      waitingMessage: string;
    };

export interface DialectSql {
  /** Lists (table, column) pairs of the named tables in the current schema/database. */
  columnsOf(tables: readonly string[]): string;
  lock: RunLock;
  /** Said before a run when the lock is weaker than it looks */
  lockWarning: string | null;
  /** Starts a migration's transaction */
  begin: string;
  /** `DROP INDEX` of the legacy table's index before it is renamed; null where index names are per table */
  dropLegacyIndex: string | null;
  /**
   * Foreign keys the migrator turns off for its run (popx does on SQLite: a table rebuild would
   * cascade or stop on a mismatch), and the check run afterwards. The setting is per connection
   * and ignored inside a transaction.
   */
  foreignKeys: { read: string; off: string; on: string; check: string } | null;
  /** A string of several statements sent at once runs as one implicit transaction (PostgreSQL's simple query) */
  oneStringIsOneTransaction: boolean;
  /** popx's VerifyDialect: the query, and whether its answer must name CockroachDB; null: not checked */
  serverCheck: { query: string; cockroach: boolean } | null;
}

function inList(tables: readonly string[]): string {
  // Table names here are the migrator's own constants, never user input.
  return tables.map((t) => `'${t.replaceAll("'", "''")}'`).join(', ');
}

// An arbitrary, fixed 63-bit key: advisory locks are per database, so one key per database suffices.
const PG_LOCK_KEY = '7365216093821104733';

const postgresLike = (): Omit<DialectSql, 'begin' | 'lockWarning' | 'serverCheck'> => ({
  columnsOf: (tables) =>
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name IN (${inList(tables)})`,
  lock: {
    kind: 'session',
    tryAcquire: `SELECT pg_try_advisory_lock(${PG_LOCK_KEY})`,
    release: `SELECT pg_advisory_unlock(${PG_LOCK_KEY})`,
    waitingMessage: 'waiting for another migration run (PostgreSQL advisory lock)',
  },
  dropLegacyIndex: 'DROP INDEX IF EXISTS schema_migration_version_idx',
  foreignKeys: null,
  oneStringIsOneTransaction: true,
});

const DIALECT_SQL: Readonly<Record<MigrationDialect, DialectSql>> = {
  postgres: { ...postgresLike(), begin: 'BEGIN', lockWarning: null, serverCheck: { query: 'SELECT version()', cockroach: false } },
  cockroach: {
    ...postgresLike(),
    begin: 'BEGIN',
    // Real CockroachDB accepts pg_try_advisory_lock but implements it as a stub that always grants it.
    lockWarning: 'CockroachDB does not enforce advisory locks: make sure no other migration run is active',
    serverCheck: { query: 'SELECT version()', cockroach: true },
  },
  mysql: {
    columnsOf: (tables) =>
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name IN (${inList(tables)})`,
    lock: {
      kind: 'session',
      // GET_LOCK names are server-wide: scope the lock to this database.
      tryAcquire: `SELECT GET_LOCK(CONCAT('dsnsh_migrate:', DATABASE()), 0)`,
      release: `SELECT RELEASE_LOCK(CONCAT('dsnsh_migrate:', DATABASE()))`,
      waitingMessage: 'waiting for another migration run (MySQL GET_LOCK)',
    },
    begin: 'START TRANSACTION',
    lockWarning: null,
    dropLegacyIndex: null,
    foreignKeys: null,
    oneStringIsOneTransaction: false,
    serverCheck: null,
  },
  sqlite3: {
    columnsOf: (tables) =>
      `SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table' AND m.name IN (${inList(tables)})`,
    lock: {
      kind: 'write-transaction',
      busyCodes: ['SQLITE_BUSY', 'SQLITE_LOCKED'],
      waitingMessage: 'waiting for another writer (SQLite write lock)',
    },
    begin: 'BEGIN IMMEDIATE',
    lockWarning: null,
    dropLegacyIndex: 'DROP INDEX IF EXISTS schema_migration_version_idx',
    foreignKeys: {
      read: 'PRAGMA foreign_keys',
      off: 'PRAGMA foreign_keys = OFF',
      on: 'PRAGMA foreign_keys = ON',
      check: 'PRAGMA foreign_key_check',
    },
    oneStringIsOneTransaction: false,
    serverCheck: null,
  },
};

export function dialectSql(dialect: MigrationDialect): DialectSql {
  return DIALECT_SQL[dialect];
}
