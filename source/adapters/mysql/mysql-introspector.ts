// Schema browsing through information_schema. MySQL's databases play the part of schemas:
// schemas() lists databases, and a table's schema is its database (default: the current one).
// describe() reads the rest of information_schema (mysql-describe.ts).
import type {
  ColumnInfo,
  FunctionInfo,
  IndexInfo,
  Introspector,
  RunOptions,
  SchemaInfo,
  StatementResult,
  TableInfo,
  Value,
} from '../adapter.js';
import { describeMysqlRelation } from './mysql-describe.js';

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
        schema === undefined ? [] : [schema],
        options,
      );
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
        [schema ?? null, table],
        options,
      );
      return result.rows.map((row): ColumnInfo => ({ name: String(row[0]), type: String(row[1]), nullable: row[2] === 'YES' }));
    },
    // Table names compare without case on Windows and macOS, and \dt patterns are typed in any case.
    nameCase: 'caseless',
    describe: (relation, options) => describeMysqlRelation(query, relation, options),
    async indexes(options) {
      const result = await query(
        `SELECT DISTINCT TABLE_SCHEMA, INDEX_NAME, TABLE_NAME FROM information_schema.STATISTICS
          WHERE TABLE_SCHEMA NOT IN ${SYSTEM_SCHEMAS} ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME`,
        [],
        options,
      );
      return result.rows.map((row): IndexInfo => ({ schema: String(row[0]), name: String(row[1]), table: String(row[2]) }));
    },
    async functions(options) {
      const result = await query(
        `SELECT r.ROUTINE_SCHEMA, r.ROUTINE_NAME, COALESCE(r.DTD_IDENTIFIER, ''), r.ROUTINE_TYPE,
                COALESCE((SELECT GROUP_CONCAT(CONCAT_WS(' ', IF(r.ROUTINE_TYPE = 'PROCEDURE', p.PARAMETER_MODE, NULL), p.PARAMETER_NAME, p.DTD_IDENTIFIER)
                                              ORDER BY p.ORDINAL_POSITION SEPARATOR ', ')
                            FROM information_schema.PARAMETERS p
                           WHERE p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA AND p.SPECIFIC_NAME = r.SPECIFIC_NAME AND p.ORDINAL_POSITION > 0), '')
           FROM information_schema.ROUTINES r
          WHERE r.ROUTINE_SCHEMA NOT IN ${SYSTEM_SCHEMAS} ORDER BY r.ROUTINE_SCHEMA, r.ROUTINE_NAME`,
        [],
        options,
      );
      return result.rows.map((row): FunctionInfo => ({
        schema: String(row[0]),
        name: String(row[1]),
        result: String(row[2]),
        arguments: String(row[4]),
        kind: row[3] === 'PROCEDURE' ? 'procedure' : 'function',
      }));
    },
  };
}
