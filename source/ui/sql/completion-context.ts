// What Tab should offer at the cursor, decided from the statement around it: tables after
// FROM/JOIN/INTO/UPDATE, the columns of one relation after `alias.` or `table.` (aliases
// resolved from the FROM/JOIN clauses, before or after the cursor, of this query and the ones
// around it), the columns of the query's relations after SELECT/WHERE/ON/ORDER BY/GROUP BY/
// HAVING/SET and in `INSERT INTO t (`, databases after USE, otherwise keywords and functions.
// Pure: the names themselves are looked up by the caller.
import type { SqlDialect } from '../../sql/dialect.js';
import { ctesOf, matchingClose, relationsOf, type Relation, type TableRef, type TokenRange } from './statement-relations.js';
import { isName, statementAtCursor, unquote, type NameAtCursor, type StatementToken } from './statement-tokens.js';

export interface CompletionContext {
  name: NameAtCursor;
  /** Offer tables and views (of this schema when given; else CTE names too) */
  tables: { schema: string | null } | null;
  /** Offer the columns of these relations, nearest first */
  columns: Relation[];
  /** CTE names in scope, offered with the tables */
  ctes: string[];
  /** Offer schema (MySQL: database) names */
  schemas: boolean;
  /** Offer keywords and functions */
  keywords: boolean;
}

/** The word before the cursor that makes the next word a table */
const BEFORE_TABLE = new Set(['FROM', 'JOIN', 'UPDATE', 'INTO', 'TABLE']);
/** Clause words after which (until the next clause) columns are expected */
const COLUMN_CLAUSES = new Set(['SELECT', 'WHERE', 'ON', 'BY', 'HAVING', 'SET', 'RETURNING', 'USING']);
/** Clause words after which columns are not expected */
const OTHER_CLAUSES = new Set([
  'FROM',
  'JOIN',
  'INTO',
  'UPDATE',
  'VALUES',
  'LIMIT',
  'OFFSET',
  'WITH',
  'INSERT',
  'DELETE',
  'CREATE',
  'ALTER',
  'DROP',
  'TABLE',
  'USE',
  'FETCH',
  'WINDOW',
]);

interface Scope extends TokenRange {
  /** the '(' that opens it, -1 for the statement */ open: number;
}

/** The parentheses around the cursor, innermost first, then the whole statement. */
function scopesAt(tokens: StatementToken[], cursorIndex: number): Scope[] {
  const open: number[] = [];
  for (let k = 0; k < cursorIndex; k += 1) {
    if (tokens[k]!.text === '(') open.push(k);
    else if (tokens[k]!.text === ')') open.pop();
  }
  const scopes = open.reverse().map((p): Scope => ({ open: p, from: p + 1, to: matchingClose(tokens, p), depth: tokens[p]!.depth + 1 }));
  scopes.push({ open: -1, from: 0, to: tokens.length, depth: 0 });
  return scopes;
}

/** The last clause word of the scope before `before`, or null. */
function clauseBefore(tokens: StatementToken[], scope: Scope, before: number): string | null {
  for (let k = before - 1; k >= scope.from; k -= 1) {
    const token = tokens[k]!;
    if (token.depth !== scope.depth || token.kind !== 'word') continue;
    if (COLUMN_CLAUSES.has(token.upper) || OTHER_CLAUSES.has(token.upper)) return token.upper;
  }
  return null;
}

/** `INSERT INTO t (` : the table whose column list the parenthesis at `open` is. */
function insertTarget(tokens: StatementToken[], open: number): TableRef | null {
  let k = open - 1;
  const names: string[] = [];
  while (isName(tokens[k]) && tokens[k]!.upper !== 'INTO') {
    names.unshift(unquote(tokens[k]!));
    if (tokens[k - 1]?.text !== '.') break;
    k -= 2;
  }
  if (names.length === 0 || tokens[k - 1]?.upper !== 'INTO') return null;
  return { schema: names.length > 1 ? names[names.length - 2]! : null, name: names[names.length - 1]! };
}

const same = (a: string, b: string | null | undefined) => b !== null && b !== undefined && a.toLowerCase() === b.toLowerCase();

function relationNamed(relations: Relation[], qualifier: string[]): Relation | undefined {
  const last = qualifier[qualifier.length - 1]!;
  if (qualifier.length === 1) return relations.find((relation) => same(last, relation.alias));
  const schema = qualifier[qualifier.length - 2]!;
  return relations.find((relation) => same(last, relation.table?.name) && same(schema, relation.table?.schema));
}

export function completionContext(text: string, cursor: number, dialect: SqlDialect): CompletionContext | null {
  const statement = statementAtCursor(text, cursor, dialect);
  if (statement === null) return null;
  const { tokens, cursorIndex, name } = statement;
  const scopes = scopesAt(tokens, cursorIndex);
  const ctes = scopes.flatMap((scope) => ctesOf(tokens, scope));
  const relations = scopes.flatMap((scope) => relationsOf(tokens, scope, ctes));
  const none: CompletionContext = { name, tables: null, columns: [], ctes: [], schemas: false, keywords: false };
  // `FROM ONLY t` (PostgreSQL: without inheriting tables) reads as `FROM t`.
  const skip = tokens[cursorIndex - 1]?.upper === 'ONLY' && BEFORE_TABLE.has(tokens[cursorIndex - 2]?.upper ?? '') ? 1 : 0;
  const previous = tokens[cursorIndex - 1 - skip];
  const inner = scopes[0]!;
  const innerClause = clauseBefore(tokens, inner, cursorIndex);
  const tablePosition =
    previous !== undefined && previous.kind === 'word'
      ? BEFORE_TABLE.has(previous.upper) && !(previous.upper === 'TABLE' && tokens[0]?.upper === 'CREATE')
      : previous?.text === ',' && innerClause === 'FROM';

  if (name.qualifier.length > 0) {
    const qualifier = name.qualifier;
    if (tablePosition) return { ...none, tables: { schema: qualifier[qualifier.length - 1]! } };
    const relation = relationNamed(relations, qualifier);
    if (relation) return { ...none, columns: [relation] };
    // Not (yet) in FROM: a table by that name, or a schema's tables.
    const table = { schema: qualifier.length > 1 ? qualifier[qualifier.length - 2]! : null, name: qualifier[qualifier.length - 1]! };
    return { ...none, columns: [{ alias: table.name, table, columns: [], starTables: [] }], tables: { schema: table.name } };
  }
  if (tablePosition) return { ...none, tables: { schema: null }, ctes: ctes.map((cte) => cte.alias) };
  if (previous?.kind === 'word' && previous.upper === 'USE' && cursorIndex - 1 === 0) return { ...none, schemas: true };
  if (inner.open !== -1 && innerClause === null) {
    const target = insertTarget(tokens, inner.open);
    if (target) return { ...none, columns: [{ alias: target.name, table: target, columns: [], starTables: [] }] };
  }
  // Inside a function's or a list's parentheses the clause around them decides.
  let clause = innerClause;
  for (let i = 1; clause === null && i < scopes.length; i += 1) clause = clauseBefore(tokens, scopes[i]!, scopes[i - 1]!.open);
  if (clause !== null && COLUMN_CLAUSES.has(clause)) return { ...none, columns: relations, keywords: true };
  return { ...none, keywords: true };
}
