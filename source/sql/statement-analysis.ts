// The classification of one statement's tokens: its first keyword picks a reading (statement
// kinds below), then three scans that hold for every kind: data-changing statements nested in
// parentheses (CTE bodies), functions with side effects, and what read-only mode must refuse.
import type { Classification } from './classify-statement.js';
import { classifyTokens, nameOf, stringValue, type TokenList } from './classify-tokens.js';
import type { ClassifierRules } from './classifier-rules.js';
import { alterReason, doBlockReason, dropReason, whereReason } from './destructive-reason.js';
import { functionViolation, statementViolation } from './read-only-violation.js';
import { findTop, findTopWord, matchingClose, punctAt, topWords, wordAt, wordIn, type Scope } from './token-scan.js';

type Changes = Classification['changes'];

/** What a statement kind decides; the scans add to it. `scanNested: false` when nested statements do not run now. */
type Reading = Omit<Classification, 'readOnlyViolation' | 'keyword'> & { scanNested?: boolean };

const SEVERITY: Changes[] = ['none', 'session', 'data', 'schema', 'unknown'];

export function worseChange(a: Changes, b: Changes): Changes {
  return SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;
}

export const EMPTY: Classification = {
  keyword: null,
  command: null,
  returnsRows: false,
  readOnly: true,
  changes: 'none',
  destructive: null,
  transaction: null,
  readOnlyViolation: null,
};

/** Statements that may follow WITH, or stand in parentheses as a CTE body. */
const MAIN_WORDS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'TABLE', 'REPLACE', 'UPSERT'];
const NESTED_STARTS = ['WITH', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT'];
const INNER_STARTS = [...MAIN_WORDS, 'WITH', 'CREATE', 'EXECUTE', 'DECLARE', 'SHOW'];

/** Classifies SQL text given as one statement (MySQL executable comments may hold several). */
export function analyseText(sql: string, rules: ClassifierRules): Classification {
  const tokens = classifyTokens(sql, rules.lexical);
  const parts: Classification[] = [];
  let from = 0;
  for (let k = 0; k <= tokens.length; k += 1) {
    if (k < tokens.length && tokens.kind(k) !== 'semicolon') continue;
    if (k > from) parts.push(analyse(tokens, from, k, rules));
    from = k + 1;
  }
  return mergeClassifications(parts);
}

/** Several statements as one: the most dangerous answer wins (see classifyStatement). */
export function mergeClassifications(parts: Classification[]): Classification {
  if (parts.length === 0) return EMPTY;
  if (parts.length === 1) return parts[0]!;
  return {
    keyword: parts[0]!.keyword,
    command: parts[0]!.command,
    returnsRows: parts.at(-1)!.returnsRows,
    readOnly: parts.every((part) => part.readOnly),
    changes: parts.reduce<Changes>((worst, part) => worseChange(worst, part.changes), 'none'),
    destructive: parts.find((part) => part.destructive !== null)?.destructive ?? null,
    transaction: parts.find((part) => part.transaction !== null)?.transaction ?? null,
    readOnlyViolation: parts.find((part) => part.readOnlyViolation !== null)?.readOnlyViolation ?? null,
  };
}

/** Tokens [from, end) hold one statement, possibly inside parentheses. */
export function analyse(tokens: TokenList, from: number, end: number, rules: ClassifierRules): Classification {
  let start = from;
  while (start < end && punctAt(tokens, start, '(')) start += 1;
  if (start >= end) return from === end ? EMPTY : { ...EMPTY, readOnly: false, changes: 'unknown' };
  const keyword = tokens.kind(start) === 'word' ? tokens.text(start) : null;
  const scope: Scope = { tokens, start, end, depth: tokens.depth(start), rules };
  const reading = keyword === null ? changesOnly(null, 'unknown') : (READINGS[keyword] ?? unknown)(scope, keyword);
  const result: Classification = { keyword, ...reading, readOnlyViolation: null };
  if (reading.scanNested !== false) addNested(result, scope);
  addFunctions(result, scope);
  result.readOnlyViolation ??= statementViolation(scope, keyword, (sql) => analyseText(sql, rules).readOnlyViolation);
  delete (result as { scanNested?: boolean }).scanNested;
  return result;
}

/** `( DELETE … )` anywhere, as in `WITH x AS (DELETE … RETURNING *) SELECT …`: it runs with the statement. */
function addNested(result: Classification, scope: Scope): void {
  const { tokens, end, rules } = scope;
  for (let k = scope.start + 1; k < end; k += 1) {
    if (!punctAt(tokens, k, '(') || !wordIn(tokens, k + 1, NESTED_STARTS) || punctAt(tokens, k + 2, '(')) continue;
    const close = matchingClose(tokens, k, end);
    const inner = analyse(tokens, k + 1, close, rules);
    result.readOnly &&= inner.readOnly;
    result.changes = worseChange(result.changes, inner.changes);
    result.destructive ??= inner.destructive;
    k = close;
  }
}

/** Function calls with side effects (not read-only) or that write outside the database (refused under read-only). */
function addFunctions(result: Classification, scope: Scope): void {
  const { tokens, rules } = scope;
  for (let k = scope.start; k < scope.end; k += 1) {
    if (rules.variableAssignment && punctAt(tokens, k, ':=')) {
      result.readOnly = false;
      result.changes = worseChange(result.changes, 'session');
    }
    if (!punctAt(tokens, k + 1, '(')) continue;
    const kind = tokens.kind(k);
    if (kind !== 'word' && kind !== 'identifier') continue;
    const name = nameOf(tokens.at(k), rules.lexical.backslashInStrings);
    if (name === null) continue;
    if (rules.sideEffectFunctions.has(name)) {
      result.readOnly = false;
      result.changes = worseChange(result.changes, 'unknown');
    }
    result.readOnlyViolation ??= functionViolation(scope, k, name);
  }
}

type ReadingOf = (scope: Scope, keyword: string) => Reading;

/** An inner statement's answer as this statement's reading (its keyword and violation are found afresh). */
function readingOf({ command, returnsRows, readOnly, changes, destructive, transaction }: Classification): Reading {
  return { command, returnsRows, readOnly, changes, destructive, transaction };
}

const reads = (command: string): Reading => ({
  command,
  returnsRows: true,
  readOnly: true,
  changes: 'none',
  destructive: null,
  transaction: null,
});
const changesOnly = (command: string | null, changes: Changes, extra: Partial<Reading> = {}): Reading => ({
  command,
  returnsRows: false,
  readOnly: false,
  changes,
  destructive: null,
  transaction: null,
  ...extra,
});
const unknown: ReadingOf = (_scope, keyword) => changesOnly(keyword, 'unknown');
const session: ReadingOf = (_scope, keyword) => changesOnly(keyword, 'session');
const schema: ReadingOf = (_scope, keyword) => changesOnly(keyword, 'schema', { scanNested: false });

/** SELECT, VALUES, TABLE: rows, unless a top-level INTO sends them into a table, variables or a file. */
const select: ReadingOf = (scope, keyword) => {
  const into = findTopWord(scope, scope.start + 1, 'INTO');
  if (into < 0) return reads(keyword);
  if (scope.rules.selectIntoCreatesTable) return changesOnly(keyword, 'schema');
  const file = wordAt(scope.tokens, into + 1, 'OUTFILE', 'DUMPFILE');
  return changesOnly(keyword, file ? 'unknown' : 'session');
};

/** WITH …: what its main statement is (a CTE body that changes data is found by the nested scan). */
const withQuery: ReadingOf = (scope) => {
  const { tokens } = scope;
  let main = findTopWord(scope, scope.start + 1, ...MAIN_WORDS);
  // `WITH x AS (…) (SELECT …)`: the main statement in parentheses right after a CTE.
  if (main < 0) main = findTop(scope, scope.start + 1, (k) => punctAt(tokens, k, '(') && punctAt(tokens, k - 1, ')'));
  if (main < 0) return unknown(scope, 'WITH');
  const inner = analyse(tokens, main, scope.end, scope.rules);
  return { ...readingOf(inner), scanNested: true };
};

const dml: ReadingOf = (scope, keyword) => ({
  command: keyword,
  returnsRows: findTopWord(scope, scope.start + 1, 'RETURNING') >= 0,
  readOnly: false,
  changes: 'data',
  destructive: keyword === 'UPDATE' || keyword === 'DELETE' ? whereReason(scope, keyword) : null,
  transaction: null,
});

const ANALYZED_STATEMENTS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'WITH'];
const EXPLAIN_FLAGS = ['VERBOSE', 'EXTENDED', 'PARTITIONS', 'QUERY', 'PLAN'];

/** EXPLAIN [ANALYZE] …: rows (the plan); with ANALYZE the statement also runs, where the dialect says so. */
const explain: ReadingOf = (scope, keyword) => {
  const { tokens, end, rules } = scope;
  let j = scope.start + 1;
  let analyze = false;
  if (punctAt(tokens, j, '(')) {
    const close = matchingClose(tokens, j, end);
    for (let k = j + 1; k < close; k += 1) {
      if (wordAt(tokens, k, 'ANALYZE', 'ANALYSE')) analyze = !wordAt(tokens, k + 1, 'FALSE', 'OFF') && tokens.text(k + 1) !== '0';
    }
    j = close + 1;
  }
  for (;;) {
    if (wordAt(tokens, j, 'ANALYZE', 'ANALYSE')) analyze = true;
    else if (wordAt(tokens, j, 'FORMAT')) j += punctAt(tokens, j + 1, '=') ? 2 : 1;
    else if (!wordAt(tokens, j, ...EXPLAIN_FLAGS)) break;
    j += 1;
  }
  const inner = j < end && (wordAt(tokens, j, ...INNER_STARTS) || punctAt(tokens, j, '(')) ? analyse(tokens, j, end, rules) : null;
  if (!analyze || !rules.explainAnalyzeRuns || inner === null) return { ...reads(keyword), scanNested: false };
  return { ...readingOf(inner), command: keyword, returnsRows: true, transaction: null, scanNested: false };
};

/** MariaDB `ANALYZE [FORMAT=JSON] <statement>` runs it; elsewhere ANALYZE gathers statistics. */
const analyzeStatement: ReadingOf = (scope, keyword) => {
  const { tokens, rules } = scope;
  let j = scope.start + 1;
  if (wordAt(tokens, j, 'FORMAT')) j += punctAt(tokens, j + 1, '=') ? 3 : 2;
  if (!rules.analyzeStatementRuns || !(wordAt(tokens, j, ...ANALYZED_STATEMENTS) || punctAt(tokens, j, '(')))
    return unknown(scope, keyword);
  const inner = analyse(tokens, j, scope.end, rules);
  return { ...readingOf(inner), command: keyword, returnsRows: true, transaction: null, scanNested: false };
};

/** SQLite pragmas that take an argument in parentheses and still only read. */
const READING_PRAGMA_CALLS = new Set([
  'table_info',
  'table_xinfo',
  'table_list',
  'index_info',
  'index_xinfo',
  'index_list',
  'foreign_key_list',
  'foreign_key_check',
  'integrity_check',
  'quick_check',
  'function_list',
  'module_list',
  'pragma_list',
  'collation_list',
]);
/** Pragmas that do something when read */
const ACTING_PRAGMAS = new Set(['optimize', 'incremental_vacuum', 'wal_checkpoint', 'shrink_memory']);
/** Pragmas whose setting is stored in the database file */
const FILE_PRAGMAS = new Set([
  'user_version',
  'application_id',
  'journal_mode',
  'auto_vacuum',
  'page_size',
  'schema_version',
  'writable_schema',
]);

const pragma: ReadingOf = (scope, keyword) => {
  if (!scope.rules.pragmas) return unknown(scope, keyword);
  const { tokens, start } = scope;
  const nameAt = punctAt(tokens, start + 2, '.') ? start + 3 : start + 1;
  const name = nameOf(tokens.at(nameAt)) ?? '';
  const assigns = punctAt(tokens, nameAt + 1, '=') || (punctAt(tokens, nameAt + 1, '(') && !READING_PRAGMA_CALLS.has(name));
  if (assigns) return changesOnly(keyword, FILE_PRAGMAS.has(name) ? 'schema' : 'session');
  if (ACTING_PRAGMAS.has(name)) return { ...reads(keyword), readOnly: false, changes: 'unknown' };
  return reads(keyword);
};

const set: ReadingOf = (scope, keyword) => {
  const global = topWords(scope).some((word) => word === 'GLOBAL' || word === 'PERSIST' || word === 'PERSIST_ONLY');
  return changesOnly(keyword, global ? 'unknown' : 'session');
};

/** PREPARE: nothing runs yet, but the confirmation must come now (EXECUTE shows no SQL). */
const prepare: ReadingOf = (scope, keyword) => {
  const { tokens } = scope;
  if (wordAt(tokens, scope.start + 1, 'TRANSACTION')) return changesOnly(keyword, 'session', { transaction: 'commit' });
  const inner = preparedText(scope);
  const destructive = inner?.destructive ? `${inner.destructive} (prepared)` : null;
  return changesOnly(keyword, 'session', { destructive, scanNested: false });
};

function preparedText(scope: Scope): Classification | null {
  const { tokens, rules } = scope;
  const as = findTopWord(scope, scope.start + 1, 'AS');
  if (as >= 0) return analyse(tokens, as + 1, scope.end, rules);
  const from = findTopWord(scope, scope.start + 1, 'FROM');
  if (from < 0 || tokens.kind(from + 1) !== 'string') return null;
  return analyseText(stringValue(tokens.at(from + 1), rules.lexical.backslashInStrings) ?? '', rules);
}

/** MySQL EXECUTE IMMEDIATE '…' runs the literal's SQL now; EXECUTE name runs what PREPARE held. */
const execute: ReadingOf = (scope, keyword) => {
  const { tokens, rules } = scope;
  if (!wordAt(tokens, scope.start + 1, 'IMMEDIATE') || tokens.kind(scope.start + 2) !== 'string') return unknown(scope, keyword);
  const inner = analyseText(stringValue(tokens.at(scope.start + 2), rules.lexical.backslashInStrings) ?? '', rules);
  return { ...readingOf(inner), command: keyword, returnsRows: false, readOnly: false, scanNested: false };
};

const transaction =
  (kind: NonNullable<Classification['transaction']>): ReadingOf =>
  (scope, keyword) => {
    const words = topWords(scope);
    if (words.includes('PREPARED')) return changesOnly(keyword, 'unknown');
    const actual = kind === 'rollback' && words.includes('TO') ? 'rollback-to' : kind;
    return changesOnly(keyword, 'session', { transaction: actual });
  };

const start: ReadingOf = (scope, keyword) =>
  wordAt(scope.tokens, scope.start + 1, 'TRANSACTION') ? transaction('begin')(scope, keyword) : unknown(scope, keyword);

const create: ReadingOf = (scope, keyword) => {
  // Only CREATE TABLE … AS runs a query now; bodies of functions, triggers, rules run later.
  const words = topWords(scope);
  return changesOnly(keyword, 'schema', { scanNested: words.includes('TABLE') && words.includes('AS') });
};

const drop: ReadingOf = (scope, keyword) => changesOnly(keyword, 'schema', { destructive: dropReason(scope), scanNested: false });
const alter: ReadingOf = (scope, keyword) => changesOnly(keyword, 'schema', { destructive: alterReason(scope), scanNested: false });
const truncate: ReadingOf = (_scope, keyword) => changesOnly(keyword, 'data', { destructive: 'TRUNCATE' });

/** PostgreSQL COPY: FROM loads rows; TO STDOUT only reads (its query may still change data). */
const copy: ReadingOf = (scope, keyword) => {
  const { tokens } = scope;
  const direction = findTopWord(scope, scope.start + 1, 'TO', 'FROM');
  if (direction < 0 || wordAt(tokens, direction, 'FROM')) return changesOnly(keyword, 'data');
  if (!wordAt(tokens, direction + 1, 'STDOUT')) return changesOnly(keyword, 'unknown');
  const query = punctAt(tokens, scope.start + 1, '(')
    ? analyse(tokens, scope.start + 1, matchingClose(tokens, scope.start + 1, scope.end), scope.rules)
    : null;
  return {
    command: keyword,
    returnsRows: false,
    readOnly: query?.readOnly ?? true,
    changes: query?.changes ?? 'none',
    destructive: query?.destructive ?? null,
    transaction: null,
    scanNested: false,
  };
};

const load: ReadingOf = (scope, keyword) => changesOnly(keyword, wordAt(scope.tokens, scope.start + 1, 'DATA', 'XML') ? 'data' : 'unknown');

/** PostgreSQL DO: a code block (its body read for what it destroys); MySQL DO: expressions. */
const doStatement: ReadingOf = (scope, keyword) => {
  if (scope.rules.doStatement !== 'code') return unknown(scope, keyword);
  const { tokens } = scope;
  let body = scope.start + 1;
  while (body < scope.end && tokens.kind(body) !== 'string') body += 1;
  const code = body < scope.end ? stringValue(tokens.at(body), false) : null;
  return changesOnly(keyword, 'unknown', { destructive: code === null ? null : doBlockReason(code, scope), scanNested: false });
};

const fetch: ReadingOf = (_scope, keyword) => ({ ...changesOnly(keyword, 'session'), returnsRows: true });

const READINGS: Record<string, ReadingOf> = {
  SELECT: select,
  VALUES: select,
  TABLE: select,
  WITH: withQuery,
  INSERT: dml,
  UPDATE: dml,
  DELETE: dml,
  MERGE: dml,
  REPLACE: dml,
  UPSERT: dml,
  EXPLAIN: explain,
  DESCRIBE: explain,
  DESC: explain,
  ANALYZE: analyzeStatement,
  ANALYSE: analyzeStatement,
  SHOW: (_scope, keyword) => reads(keyword),
  PRAGMA: pragma,
  SET: set,
  RESET: session,
  DISCARD: session,
  USE: session,
  LISTEN: session,
  UNLISTEN: session,
  DEALLOCATE: session,
  DECLARE: session,
  CLOSE: session,
  MOVE: session,
  LOCK: session,
  UNLOCK: session,
  ATTACH: session,
  DETACH: session,
  HANDLER: session,
  FETCH: fetch,
  PREPARE: prepare,
  EXECUTE: execute,
  BEGIN: transaction('begin'),
  START: start,
  COMMIT: transaction('commit'),
  END: transaction('commit'),
  ROLLBACK: transaction('rollback'),
  ABORT: transaction('rollback'),
  SAVEPOINT: transaction('savepoint'),
  RELEASE: transaction('release'),
  CREATE: create,
  DROP: drop,
  ALTER: alter,
  TRUNCATE: truncate,
  RENAME: schema,
  COMMENT: schema,
  GRANT: schema,
  REVOKE: schema,
  SECURITY: schema,
  IMPORT: schema,
  REFRESH: schema,
  COPY: copy,
  LOAD: load,
  DO: doStatement,
};
