// Schemas, tables and columns from information_schema only: the portable catalog that both
// PostgreSQL and CockroachDB provide (CockroachDB lacks several pg_catalog details).
// describe(), indexes() and functions() read pg_catalog (pg-describe.ts), as psql's \d family does.
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
import { describePostgresRelation } from './pg-describe.js';

export type RunQuery = (sql: string, options?: RunOptions) => Promise<StatementResult>;

const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'crdb_internal', 'pg_extension', 'pg_toast'];
const USER_NAMESPACE = "n.nspname <> ALL ($1::text[]) AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast%'";
const FUNCTION_KINDS: Record<string, FunctionInfo['kind']> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };
const HIDDEN_SCHEMA = "(schema_name LIKE 'pg\\_toast%' OR schema_name LIKE 'pg\\_temp\\_%')";

function text(value: Value | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function postgresIntrospector(run: RunQuery): Introspector {
  return {
    async schemas(options) {
      const result = await run(
        `SELECT schema_name FROM information_schema.schemata WHERE NOT ${HIDDEN_SCHEMA} ORDER BY schema_name`,
        options,
      );
      return result.rows.map((row): SchemaInfo => ({ name: text(row[0]) }));
    },

    async tables(schema, options) {
      // All tables means the user's: system schemas only when asked for by name.
      const filter = schema === undefined ? 'NOT (table_schema = ANY ($1::text[]))' : 'table_schema = $1';
      const result = await run(
        `SELECT table_schema, table_name, table_type FROM information_schema.tables
          WHERE ${filter} AND table_schema NOT LIKE 'pg\\_temp\\_%' ORDER BY table_schema, table_name`,
        { ...options, params: [schema ?? `{${SYSTEM_SCHEMAS.join(',')}}`] },
      );
      return result.rows.map((row): TableInfo => ({
        schema: text(row[0]),
        name: text(row[1]),
        kind: text(row[2]) === 'VIEW' ? 'view' : 'table',
      }));
    },

    async columns(table, schema, options) {
      // Without a schema, the first schema on the search path that has the table wins.
      const result = await run(
        `SELECT c.column_name,
                CASE WHEN c.data_type IN ('USER-DEFINED', 'ARRAY') THEN c.udt_name ELSE c.data_type END,
                c.is_nullable
           FROM information_schema.columns c
          WHERE c.table_name = $1
            AND c.table_schema = COALESCE($2, (
                  SELECT t.table_schema FROM information_schema.tables t
                   WHERE t.table_name = $1 AND t.table_schema = ANY (current_schemas(true))
                   ORDER BY array_position(current_schemas(true), t.table_schema::text) LIMIT 1))
          ORDER BY c.ordinal_position`,
        { ...options, params: [table, schema ?? null] },
      );
      return result.rows.map((row): ColumnInfo => ({ name: text(row[0]), type: text(row[1]), nullable: text(row[2]) === 'YES' }));
    },

    nameCase: 'folded',

    describe: (relation, options) => describePostgresRelation(run, relation, options),

    async indexes(options) {
      const result = await run(
        `SELECT n.nspname, c.relname, t.relname
           FROM pg_catalog.pg_index i
           JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
           JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE ${USER_NAMESPACE} ORDER BY 1, 2`,
        { ...options, params: [`{${SYSTEM_SCHEMAS.join(',')}}`] },
      );
      return result.rows.map((row): IndexInfo => ({ schema: text(row[0]), name: text(row[1]), table: text(row[2]) }));
    },

    async functions(options) {
      const result = await run(
        `SELECT n.nspname, p.proname, COALESCE(pg_catalog.pg_get_function_result(p.oid), ''),
                pg_catalog.pg_get_function_arguments(p.oid), p.prokind::text
           FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
          WHERE ${USER_NAMESPACE} ORDER BY 1, 2, 4`,
        { ...options, params: [`{${SYSTEM_SCHEMAS.join(',')}}`] },
      );
      return result.rows.map((row): FunctionInfo => ({
        schema: text(row[0]),
        name: text(row[1]),
        result: text(row[2]),
        arguments: text(row[3]),
        kind: FUNCTION_KINDS[text(row[4])] ?? 'function',
      }));
    },
  };
}
