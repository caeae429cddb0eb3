// The names a completion context asks for, looked up in the catalog: tables (bare when their
// schema is on the search path or is the current database, else schema-qualified), the columns
// of the relations in scope, schema names; each quoted as the dialect needs.
import type { SqlDialect } from '../../sql/dialect.js';
import type { CompletionCatalog } from './completion-catalog.js';
import type { CompletionContext } from './completion-context.js';
import type { Candidate } from './completion.js';
import { quoteIdentifier } from './identifier-quoting.js';

export interface NameLookup {
  catalog: CompletionCatalog;
  dialect: SqlDialect;
  /** Schemas whose tables are named bare (null: every table) */
  unqualified: string[] | null;
  /** The current database after USE: the schema of an unqualified table (null: the server's own) */
  usedDatabase: string | null;
  signal: AbortSignal;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export async function completionNames(context: CompletionContext, lookup: NameLookup): Promise<Candidate[]> {
  const { catalog, dialect, signal } = lookup;
  const quote = (name: string) => quoteIdentifier(name, dialect, context.name.quoted);
  const named = (name: string): Candidate => ({ match: name, insert: quote(name) });
  const names: Candidate[] = [];
  if (context.tables) {
    const schema = context.tables.schema;
    for (const table of await catalog.tableList(signal)) {
      if (schema !== null) {
        if (same(table.schema, schema)) names.push(named(table.name));
        continue;
      }
      const bare = lookup.unqualified === null || lookup.unqualified.some((entry) => same(entry, table.schema));
      names.push(
        bare ? named(table.name) : { match: table.name, insert: `${quoteIdentifier(table.schema, dialect)}.${quote(table.name)}` },
      );
    }
    if (schema === null) names.push(...context.ctes.map(named));
  }
  for (const relation of context.columns) {
    names.push(...relation.columns.map(named));
    for (const table of relation.table ? [relation.table, ...relation.starTables] : relation.starTables) {
      const resolved = table.schema === null && lookup.usedDatabase !== null ? { ...table, schema: lookup.usedDatabase } : table;
      names.push(...(await catalog.columnsOf(resolved, signal)).map(named));
    }
  }
  if (context.schemas) names.push(...(await catalog.schemaList(signal)).map(named));
  return names;
}
