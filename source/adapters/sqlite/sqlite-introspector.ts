// Schemas are `main` plus attached databases; tables and views from each one's sqlite_master;
// columns from pragma_table_info.
// describe() reads the pragmas and sqlite_master (sqlite-describe.ts).
import type { ColumnInfo, IndexInfo, Introspector, RunOptions, SchemaInfo, StatementResult, TableInfo } from '../adapter.js';
import { describeSqliteRelation } from './sqlite-describe.js';

type Run = (sql: string, options?: RunOptions) => Promise<StatementResult>;

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;

export function createSqliteIntrospector(run: Run): Introspector {
  const schemas = async (options?: RunOptions): Promise<SchemaInfo[]> => {
    const result = await run('SELECT name FROM pragma_database_list ORDER BY seq', options);
    return result.rows
      .map((row) => String(row[0]))
      .filter((name) => name !== 'temp')
      .map((name) => ({ name }));
  };
  return {
    schemas,
    async tables(schema, options) {
      const names = schema === undefined ? (await schemas(options)).map((entry) => entry.name) : [schema];
      const tables: TableInfo[] = [];
      for (const name of names) {
        const result = await run(
          `SELECT name, type FROM ${quoteIdentifier(name)}.sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
          options,
        );
        for (const [table, type] of result.rows)
          tables.push({ schema: name, name: String(table), kind: type === 'view' ? 'view' : 'table' });
      }
      return tables;
    },
    async columns(table, schema, options) {
      const source =
        schema === undefined ? `pragma_table_info(${quoteText(table)})` : `pragma_table_info(${quoteText(table)}, ${quoteText(schema)})`;
      const result = await run(`SELECT name, type, "notnull", pk FROM ${source} ORDER BY cid`, options);
      return result.rows.map(([name, type, notNull, pk]): ColumnInfo => ({
        name: String(name),
        type: String(type ?? ''),
        // An INTEGER PRIMARY KEY is the rowid and never NULL; other keys may be (an old SQLite quirk).
        nullable: Number(notNull) === 0 && !(Number(pk) > 0 && String(type).toUpperCase() === 'INTEGER'),
      }));
    },
    // SQLite compares names without regard to (ASCII) case.
    nameCase: 'caseless',
    describe: async (relation, options) =>
      describeSqliteRelation(
        run,
        (await schemas(options)).map((entry) => entry.name),
        relation,
        options,
      ),
    async indexes(options) {
      const indexes: IndexInfo[] = [];
      for (const { name } of await schemas(options)) {
        const result = await run(
          `SELECT name, tbl_name FROM ${quoteIdentifier(name)}.sqlite_master WHERE type = 'index' ORDER BY tbl_name, name`,
          options,
        );
        for (const [index, table] of result.rows) indexes.push({ schema: name, name: String(index), table: String(table) });
      }
      return indexes;
    },
    // No stored functions in SQLite: its functions are the application's, registered per connection.
    functions: async () => [],
  };
}
