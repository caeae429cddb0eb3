// The tables of the current schema with their size on disk and an estimated row count, per
// migration dialect (data, as in migrations/dialect-sql.ts). Estimates come from the catalog
// (PostgreSQL reltuples, InnoDB TABLE_ROWS); SQLite counts exactly (no estimates), CockroachDB
// reports neither here. `exactCounts` counts every table with COUNT(*).
import type { RunOptions, StatementResult, Value } from '../adapters/adapter.js';
import type { MigrationDialect } from '../migrations/index.js';

type Run = (sql: string, options?: RunOptions) => Promise<StatementResult>;

export interface TableStats {
  name: string;
  /** Bytes, indexes included; null when the server does not say */
  bytes: number | null;
  rows: number | null;
  rowsExact: boolean;
}

const STATS_SQL: Record<MigrationDialect, string> = {
  postgres: `SELECT c.relname, pg_total_relation_size(c.oid), CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  cockroach: `SELECT table_name, NULL, NULL FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  mysql: `SELECT TABLE_NAME, DATA_LENGTH + INDEX_LENGTH, TABLE_ROWS FROM information_schema.TABLES
    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
  // dbstat (compiled into better-sqlite3) gives pages per table and index; indexes belong to their table.
  sqlite3: `SELECT m.name, (SELECT SUM(d.pgsize) FROM dbstat d WHERE d.name = m.name OR d.name IN (SELECT i.name FROM sqlite_master i WHERE i.type = 'index' AND i.tbl_name = m.name)), NULL
    FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name`,
};

const QUOTE: Record<MigrationDialect, (name: string) => string> = {
  postgres: (name) => `"${name.replaceAll('"', '""')}"`,
  cockroach: (name) => `"${name.replaceAll('"', '""')}"`,
  mysql: (name) => `\`${name.replaceAll('`', '``')}\``,
  sqlite3: (name) => `"${name.replaceAll('"', '""')}"`,
};

function number(value: Value | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

// A SQLite library built without dbstat: the tables without their sizes.
const SQLITE_NAMES_SQL = `SELECT name, NULL, NULL FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`;

async function statsRows(run: Run, dialect: MigrationDialect, options?: RunOptions): Promise<StatementResult> {
  try {
    return await run(STATS_SQL[dialect], options);
  } catch (error) {
    if (dialect !== 'sqlite3') throw error;
    return run(SQLITE_NAMES_SQL, options);
  }
}

export async function readTableStats(
  run: Run,
  dialect: MigrationDialect,
  exactCounts: boolean,
  options?: RunOptions,
): Promise<TableStats[]> {
  const tables = (await statsRows(run, dialect, options)).rows.map((row): TableStats => ({
    name: String(row[0]),
    bytes: number(row[1]),
    rows: number(row[2]),
    rowsExact: false,
  }));
  if (exactCounts || dialect === 'sqlite3') {
    for (const table of tables) {
      table.rows = number((await run(`SELECT COUNT(*) FROM ${QUOTE[dialect](table.name)}`, options)).rows[0]?.[0]);
      table.rowsExact = true;
    }
  }
  return tables;
}

export function quoteIdentifier(dialect: MigrationDialect, name: string): string {
  return QUOTE[dialect](name);
}
