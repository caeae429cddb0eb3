// Reads what the database records: which migration tools' tables exist and what they say.
// A missing table means nothing applied; nothing here writes.
import { dialectSql } from './dialect-sql.js';
import type { MigrationDialect } from './migration-dialect.js';
import { ORY_TABLE, TOOL_TABLES, readToolTables, type SqlRunner, type ToolReport } from './tool-tables.js';

export interface AppliedState {
  /** Every tool table found, Ory's first */
  tools: ToolReport[];
  /** Ory's table, when present */
  ory: ToolReport | null;
}

/** Columns of the tool tables that exist in the current schema/database (lower-case names). */
export async function readToolTableColumns(db: SqlRunner, dialect: MigrationDialect): Promise<Map<string, Set<string>>> {
  const result = await db.run(dialectSql(dialect).columnsOf(TOOL_TABLES));
  const columns = new Map<string, Set<string>>();
  for (const row of result.rows) {
    const table = String(row[0]);
    const column = String(row[1]).toLowerCase();
    if (!columns.has(table)) columns.set(table, new Set());
    columns.get(table)!.add(column);
  }
  return columns;
}

export async function readAppliedState(db: SqlRunner, dialect: MigrationDialect): Promise<AppliedState> {
  const tools = await readToolTables(db, await readToolTableColumns(db, dialect));
  return { tools, ory: tools.find((t) => t.table === ORY_TABLE) ?? null };
}
