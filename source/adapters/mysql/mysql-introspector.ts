// Schema browsing through information_schema. MySQL's databases play the part of schemas:
// schemas() lists databases, and a table's schema is its database (default: the current one).
import type { ColumnInfo, Introspector, RunOptions, SchemaInfo, StatementResult, TableInfo, Value } from '../adapter.js';

type Run = (sql: string, options: RunOptions) => Promise<StatementResult>;

const SYSTEM_SCHEMAS = "('information_schema', 'performance_schema', 'mysql', 'sys')";

export function mysqlIntrospector(run: Run): Introspector {
  const query = (sql: string, params: Value[], options: RunOptions = {}) => run(sql, { ...options, params });
  return {
    async schemas(options) {
      const result = await query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME', [], options);
      return result.rows.map((row): SchemaInfo => ({ name: String(row[0]) }));
    },
    async tables(schema, options) {
      const where = schema === undefined ? `TABLE_SCHEMA NOT IN ${SYSTEM_SCHEMAS}` : 'TABLE_SCHEMA = ?';
      const result = await query(
        `SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE ${where} ORDER BY TABLE_SCHEMA, TABLE_NAME`,
        schema === undefined ? [] : [schema], options);
      return result.rows.map((row): TableInfo => ({
        schema: String(row[0]),
        name: String(row[1]),
        kind: String(row[2]).includes('VIEW') ? 'view' : 'table',
      }));
    },
    async columns(table, schema, options) {
      const result = await query(
        `SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS
         WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
        [schema ?? null, table], options);
      return result.rows.map((row): ColumnInfo => ({ name: String(row[0]), type: String(row[1]), nullable: row[2] === 'YES' }));
    },
  };
}
