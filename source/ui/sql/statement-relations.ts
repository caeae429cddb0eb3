// What a query's FROM/JOIN/UPDATE/INTO clauses and WITH list name, read from completion's
// tokens: tables with their aliases, subqueries and CTEs with the columns they yield.
import { isName, unquote, type StatementToken } from './statement-tokens.js';

export interface TableRef {
  schema: string | null;
  name: string;
}

export interface Relation {
  /** The name the statement refers to it by: the alias, else the table (or CTE) name */
  alias: string;
  /** A table in the catalog (its columns are fetched); null for a subquery or CTE */
  table: TableRef | null;
  /** Columns a subquery or CTE yields, as far as its select list says */
  columns: string[];
  /** Tables whose columns a `*` in a subquery or CTE brings along */
  starTables: TableRef[];
}

/** A range of tokens at one depth: a whole statement, or the inside of one parenthesis. */
export interface TokenRange {
  from: number;
  to: number;
  depth: number;
}

const TABLE_LIST = new Set(['FROM', 'JOIN', 'UPDATE', 'INTO']);
/** Words that end a table reference (so are never its alias) */
const NOT_ALIAS = new Set([
  'WHERE',
  'ON',
  'USING',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
  'NATURAL',
  'OUTER',
  'STRAIGHT_JOIN',
  'GROUP',
  'ORDER',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'MINUS',
  'SET',
  'VALUES',
  'SELECT',
  'RETURNING',
  'WINDOW',
  'FOR',
  'LATERAL',
  'AS',
  'DEFAULT',
  'FETCH',
  'PARTITION',
  'TABLESAMPLE',
  'WITH',
  'FORCE',
  'IGNORE',
  'USE',
  'INDEXED',
  'NOT',
  'ONLY',
  'LOCK',
  'INTO',
  'FROM',
  'DUPLICATE',
  'CONFLICT',
  'OVERRIDING',
]);

export function matchingClose(tokens: StatementToken[], open: number): number {
  const depth = tokens[open]!.depth;
  for (let k = open + 1; k < tokens.length; k += 1) if (tokens[k]!.depth === depth && tokens[k]!.text === ')') return k;
  return tokens.length;
}

/** `a.b.c` at k: its names unquoted, and the index after it. */
function dottedName(tokens: StatementToken[], k: number): { names: string[]; next: number } {
  const names = [unquote(tokens[k]!)];
  let next = k + 1;
  while (tokens[next]?.text === '.' && isName(tokens[next + 1])) {
    names.push(unquote(tokens[next + 1]!));
    next += 2;
  }
  return { names, next };
}

function tableRef(names: string[]): TableRef {
  return { schema: names.length > 1 ? names[names.length - 2]! : null, name: names[names.length - 1]! };
}

/** The optional `[AS] alias` at k: the alias (or null) and the index after it. */
function aliasAt(tokens: StatementToken[], k: number): { alias: string | null; next: number } {
  const asWord = tokens[k]?.upper === 'AS' && tokens[k]?.kind === 'word';
  const at = asWord ? k + 1 : k;
  const token = tokens[at];
  if (!isName(token) || (token.kind === 'word' && NOT_ALIAS.has(token.upper))) return { alias: null, next: k };
  return { alias: unquote(token), next: at + 1 };
}

/** The columns a query's select list yields (`a`, `t.b`, `x AS c`, `count(*) n`) and what `*` brings. */
export function outputColumns(
  tokens: StatementToken[],
  range: TokenRange,
  ctes: Relation[],
): { columns: string[]; starTables: TableRef[] } {
  const select = findAt(tokens, range, range.from, (token) => token.upper === 'SELECT');
  if (select === -1) return { columns: [], starTables: [] };
  const from = findAt(tokens, range, select + 1, (token) => token.upper === 'FROM');
  const end = from === -1 ? range.to : from;
  const columns: string[] = [];
  let star = false;
  let item: StatementToken[] = [];
  const finish = () => {
    const last = item[item.length - 1];
    const before = item[item.length - 2];
    if (last?.text === '*') star = true;
    else if (
      isName(last) &&
      last.upper !== 'END' &&
      (item.length === 1 || before?.text === '.' || before?.upper === 'AS' || before?.text === ')' || isName(before))
    )
      columns.push(unquote(last));
    item = [];
  };
  for (let k = select + 1; k < end; k += 1) {
    // Only the item's own level: a function's arguments are inside its parentheses.
    const token = tokens[k]!;
    if (token.depth !== range.depth) continue;
    if (token.text === ',') {
      finish();
      continue;
    }
    if (item.length === 0 && (token.upper === 'DISTINCT' || token.upper === 'ALL')) continue;
    item.push(token);
  }
  finish();
  const starTables =
    star && from !== -1
      ? relationsOf(tokens, range, ctes).flatMap((relation) => (relation.table ? [relation.table] : relation.starTables))
      : [];
  return { columns, starTables };
}

function findAt(tokens: StatementToken[], range: TokenRange, from: number, test: (token: StatementToken) => boolean): number {
  for (let k = from; k < range.to; k += 1) if (tokens[k]!.depth === range.depth && tokens[k]!.kind === 'word' && test(tokens[k]!)) return k;
  return -1;
}

/** The CTEs of a `WITH` at the start of the range, each with the columns it yields. */
export function ctesOf(tokens: StatementToken[], range: TokenRange): Relation[] {
  const ctes: Relation[] = [];
  let k = range.from;
  if (tokens[k]?.upper !== 'WITH') return ctes;
  k += 1;
  if (tokens[k]?.upper === 'RECURSIVE') k += 1;
  while (isName(tokens[k])) {
    const name = unquote(tokens[k]!);
    k += 1;
    let listed: string[] | null = null;
    if (tokens[k]?.text === '(') {
      const close = matchingClose(tokens, k);
      listed = tokens
        .slice(k + 1, close)
        .filter((token) => isName(token) && token.depth === tokens[k]!.depth + 1)
        .map(unquote);
      k = close + 1;
    }
    if (tokens[k]?.upper !== 'AS') break;
    k += 1;
    while (tokens[k]?.upper === 'NOT' || tokens[k]?.upper === 'MATERIALIZED') k += 1;
    if (tokens[k]?.text !== '(') break;
    const close = matchingClose(tokens, k);
    const body = outputColumns(tokens, { from: k + 1, to: close, depth: tokens[k]!.depth + 1 }, ctes);
    ctes.push({ alias: name, table: null, columns: listed ?? body.columns, starTables: listed ? [] : body.starTables });
    k = close + 1;
    if (tokens[k]?.text !== ',') break;
    k += 1;
  }
  return ctes;
}

/** Every relation the range's FROM/JOIN/UPDATE/INTO clauses name at its own depth. */
export function relationsOf(tokens: StatementToken[], range: TokenRange, ctes: Relation[]): Relation[] {
  const relations: Relation[] = [];
  for (let k = range.from; k < range.to; k += 1) {
    const token = tokens[k]!;
    if (token.depth !== range.depth || token.kind !== 'word' || !TABLE_LIST.has(token.upper)) continue;
    // `INSERT INTO t (a, b)`: the parenthesis is a column list, never a subquery or an alias.
    const into = token.upper === 'INTO';
    let j = k + 1;
    for (;;) {
      while (tokens[j]?.upper === 'ONLY' || tokens[j]?.upper === 'LATERAL') j += 1;
      const start = tokens[j];
      if (start?.text === '(' && !into) {
        const close = matchingClose(tokens, j);
        const body = outputColumns(tokens, { from: j + 1, to: close, depth: start.depth + 1 }, ctes);
        const { alias, next } = aliasAt(tokens, close + 1);
        if (alias !== null) relations.push({ alias, table: null, ...body });
        j = next;
      } else if (isName(start) && !(start.kind === 'word' && NOT_ALIAS.has(start.upper))) {
        const { names, next } = dottedName(tokens, j);
        j = next;
        // A function in FROM (`generate_series(1, 3) g`): its columns are unknown.
        if (tokens[j]?.text === '(' && !into) j = matchingClose(tokens, j) + 1;
        const ref = tableRef(names);
        const { alias, next: after } = into ? { alias: null, next: j } : aliasAt(tokens, j);
        const cte = ref.schema === null ? ctes.find((entry) => entry.alias.toLowerCase() === ref.name.toLowerCase()) : undefined;
        relations.push(cte ? { ...cte, alias: alias ?? cte.alias } : { alias: alias ?? ref.name, table: ref, columns: [], starTables: [] });
        j = after;
      } else break;
      if (token.upper !== 'FROM' || tokens[j]?.text !== ',') break;
      j += 1;
    }
  }
  return relations;
}
