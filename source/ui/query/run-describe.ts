// The \d family answered from the adapter's catalogue reads: \d NAME (psql's sections), \d, \dt,
// \dv, \di and \df with psql's name patterns. Reads only; the caller decides when they may run.
import type { Adapter, RelationDescription, RelationName, RunOptions, ServerFacts, TableInfo } from '../../adapters/adapter.js';
import { isBusy } from '../../adapters/background-reader.js';
import { describeLines, describeTitle } from '../../describe/describe-lines.js';
import { matchesName, parseNamePattern, type NamePattern } from '../../describe/name-pattern.js';
import { unqualifiedSchemas } from '../sql/unqualified-schemas.js';
import type { Outcome } from './outcome.js';
import { ResultSource } from './result-source.js';
import { onlyConnectionOutcome, sessionHoldsOnlyConnection } from './only-connection.js';

export interface DescribeContext {
  adapter: Adapter;
  facts: ServerFacts | null;
  signal: AbortSignal;
  /** The session's current database when a USE chose it (MySQL): bare names are looked up there */
  database?: string | null;
  /** PostgreSQL: the session's search_path after a SET changed it: bare names are looked up there */
  searchPath?: string | null;
}

const text = (name: string) => ({ name, type: 'text' });
/** Relations one `\d PATTERN` describes at most */
const MAX_DESCRIBED = 50;
const patternOf = (context: DescribeContext, pattern: string | null): NamePattern | null =>
  pattern === null ? null : parseNamePattern(pattern, context.adapter.introspect.nameCase);

/**
 * The catalogue is read on a pooled connection beside the session's. Where the session holds the
 * only one (max_conns=1) such a read would queue behind it for ever: it fails at once instead.
 */
function readOptions(context: DescribeContext): RunOptions {
  return sessionHoldsOnlyConnection(context.adapter) ? { signal: context.signal, ifConnectionFree: true } : { signal: context.signal };
}

/** The answer, or what to do when no connection was free for the catalogue. */
async function orBusy(statement: string, answer: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await answer();
  } catch (error) {
    if (!isBusy(error)) throw error;
    return onlyConnectionOutcome(statement);
  }
}

function rows(statement: string, header: string[], values: string[][]): Outcome {
  return { kind: 'rows', source: ResultSource.fromRows(header.map(text), values), elapsedMs: 0, statement };
}

/**
 * psql's scope: a pattern without a schema sees only the schemas a bare name is found in (search
 * path, current database; SQLite: all); `schema.name` looks in the schemas it matches.
 */
function scope(context: DescribeContext, parsed: NamePattern | null): (schema: string, name: string) => boolean {
  if (parsed !== null && parsed.schema !== null) return (schema, name) => matchesName(parsed, schema, name);
  const bare = unqualifiedSchemas(context.adapter, context.facts, context.database ?? null, context.searchPath ?? null);
  // No current database (a MySQL DSN without one) or SQLite: every schema is in view.
  const visible = bare === null || bare.length === 0 ? null : new Set(bare);
  return (schema, name) => (visible === null || visible.has(schema)) && (parsed === null || matchesName(parsed, schema, name));
}

async function relationsIn(context: DescribeContext, parsed: NamePattern | null): Promise<TableInfo[]> {
  const inScope = scope(context, parsed);
  // A schema named outright may be a system one, which the list of all leaves out.
  const tables = await context.adapter.introspect.tables(parsed?.exactSchema ?? undefined, readOptions(context));
  return tables.filter((table) => inScope(table.schema, table.name));
}

export function listRelations(
  context: DescribeContext,
  pattern: string | null,
  only: 'table' | 'view' | null,
  statement: string,
): Promise<Outcome> {
  return orBusy(statement, async () => {
    const found = (await relationsIn(context, patternOf(context, pattern))).filter((table) => only === null || table.kind === only);
    const noun = only === 'view' ? 'views' : only === 'table' ? 'tables' : 'relations';
    if (found.length === 0) return { kind: 'info', title: pattern ? `No ${noun} match ${pattern}.` : `No ${noun}.`, lines: [] };
    return rows(
      statement,
      ['schema', 'name', 'kind'],
      found.map((table) => [table.schema, table.name, table.kind]),
    );
  });
}

export function listIndexes(context: DescribeContext, pattern: string | null, statement: string): Promise<Outcome> {
  return orBusy(statement, async () => {
    const inScope = scope(context, patternOf(context, pattern));
    const found = (await context.adapter.introspect.indexes(readOptions(context))).filter((index) => inScope(index.schema, index.name));
    if (found.length === 0) return { kind: 'info', title: pattern ? `No indexes match ${pattern}.` : 'No indexes.', lines: [] };
    return rows(
      statement,
      ['schema', 'name', 'table'],
      found.map((index) => [index.schema, index.name, index.table]),
    );
  });
}

export function listFunctions(context: DescribeContext, pattern: string | null, statement: string): Promise<Outcome> {
  return orBusy(statement, async () => {
    const inScope = scope(context, patternOf(context, pattern));
    const found = (await context.adapter.introspect.functions(readOptions(context))).filter((entry) => inScope(entry.schema, entry.name));
    if (found.length === 0) return { kind: 'info', title: pattern ? `No functions match ${pattern}.` : 'No functions.', lines: [] };
    return rows(
      statement,
      ['schema', 'name', 'result', 'arguments', 'kind'],
      found.map((entry) => [entry.schema, entry.name, entry.result, entry.arguments, entry.kind]),
    );
  });
}

/**
 * A bare name on the session's search path, as the server resolves it: pg_catalog first unless the
 * path places it, then the path's schemas in order; the first that has the relation.
 */
async function describeOnPath(context: DescribeContext, name: string, options: RunOptions): Promise<RelationDescription[]> {
  const onPath = unqualifiedSchemas(context.adapter, context.facts, null, context.searchPath ?? null) ?? [];
  const schemas = onPath.includes('pg_catalog') ? onPath : ['pg_catalog', ...onPath];
  for (const schema of schemas) {
    const description = await context.adapter.introspect.describe({ schema, name }, options);
    if (description !== null) return [description];
  }
  return [];
}

/** \d NAME: one relation by name, or every relation a wildcard pattern matches (as psql does). */
export function describeRelations(context: DescribeContext, name: string, statement: string): Promise<Outcome> {
  return orBusy(statement, async () => {
    const parsed = parseNamePattern(name, context.adapter.introspect.nameCase);
    const options = readOptions(context);
    const matching = async () =>
      (await relationsIn(context, parsed)).map((table): RelationName => ({ schema: table.schema, name: table.name }));
    const describeEach = async (relations: RelationName[]) => {
      const found: RelationDescription[] = [];
      // One after another: the reads may have to share the console's one connection. A bounded
      // number: `\d *` on a large catalogue would hold it for thousands of reads.
      for (const relation of relations.slice(0, MAX_DESCRIBED)) {
        const description = await context.adapter.introspect.describe(relation, options);
        if (description !== null) found.push(description);
      }
      return found;
    };
    // The catalogue is read on another connection than the session's: a USE there is said outright,
    // and so is the session's own search path (the first of its schemas that has the name).
    const exact = parsed.exact === null ? null : { ...parsed.exact, schema: parsed.exact.schema ?? context.database ?? null };
    let names = exact !== null ? [exact] : await matching();
    let described =
      exact !== null && exact.schema === null && context.searchPath
        ? await describeOnPath(context, exact.name, options)
        : await describeEach(names);
    // Where names compare without case, the catalogue's lookup may still be exact (MariaDB's table
    // names on Linux): a name typed in another case is found by matching, as \dt finds it.
    if (described.length === 0 && exact !== null && context.adapter.introspect.nameCase === 'caseless') {
      names = await matching();
      described = await describeEach(names);
    }
    const [first] = described;
    if (first === undefined)
      return {
        kind: 'error',
        message: `Did not find any relation named ${name}.`,
        hint: 'List them with \\d, or \\dt PATTERN (* and ? are wildcards).',
        statement,
        position: null,
      };
    if (described.length === 1) return { kind: 'info', title: describeTitle(first), lines: describeLines(first) };
    const lines = described.flatMap((relation, index) => [
      ...(index === 0 ? [] : ['']),
      describeTitle(relation),
      ...describeLines(relation),
    ]);
    const more = names.length > MAX_DESCRIBED ? `: the first ${MAX_DESCRIBED} are described (narrow the pattern for the rest)` : '';
    return { kind: 'info', title: `${names.length} relations match ${name}${more}`, lines };
  });
}
