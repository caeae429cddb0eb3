// Whether a statement leaves state on its session that a new connection would not have: SET
// (not PostgreSQL's SET LOCAL / SET TRANSACTION, which end with the transaction), USE, temporary
// tables, PREPARE, LISTEN, cursors, MySQL LOCK TABLES and user variables, session locks
// (GET_LOCK, pg_advisory_lock) and set_config. It errs towards "yes": a false yes stops a script
// after a lost connection, a false no could run the rest of it in the wrong schema or settings.
// A stand-in until the one statement classifier answers this (`changes: 'session'`).
import type { Backend } from '../dsn/types.js';
import { dialectOf, lexicalRules, type SqlDialect } from './dialect.js';
import { lex } from './lex.js';

interface Significant {
  kind: 'word' | 'other';
  /** Words upper-cased; other tokens as written */
  text: string;
}

const EXECUTABLE_COMMENT = /^\/\*[!+]\d*/;
const SESSION_FUNCTIONS = new Set([
  'GET_LOCK',
  'SET_CONFIG',
  'PG_ADVISORY_LOCK',
  'PG_ADVISORY_LOCK_SHARED',
  'PG_TRY_ADVISORY_LOCK',
  'PG_TRY_ADVISORY_LOCK_SHARED',
]);
/** Text that may hold a session-setting form past the first words; only then is the whole statement lexed. */
const ANYWHERE_HINT = /get_lock|set_config|advisory_lock|:=|into\s+(?:temp|@)/i;
const ALWAYS = new Set(['USE', 'PREPARE', 'LISTEN', 'DECLARE', 'HANDLER']);
const LEADING_WORDS = 6;

/** Words and punctuation outside strings and comments, lazily; MySQL executable comments count as code. */
function* significant(sql: string, dialect: SqlDialect): Generator<Significant> {
  for (const token of lex(sql, lexicalRules(dialect))) {
    if (token.kind === 'word') yield { kind: 'word', text: sql.slice(token.start, token.end).toUpperCase() };
    else if (token.kind === 'other') {
      const text = sql.slice(token.start, token.end);
      if (EXECUTABLE_COMMENT.test(text)) yield* significant(text.replace(EXECUTABLE_COMMENT, '').replace(/\*\/$/, ''), dialect);
      else yield { kind: 'other', text };
    }
  }
}

function take(tokens: Iterator<Significant>, count: number): Significant[] {
  const taken: Significant[] = [];
  while (taken.length < count) {
    const next = tokens.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

function createsTemporary(words: Significant[]): boolean {
  // CREATE [OR REPLACE] [GLOBAL|LOCAL] TEMP|TEMPORARY [UNLOGGED] TABLE|VIEW|SEQUENCE …
  for (const token of words) {
    if (token.text === 'TEMP' || token.text === 'TEMPORARY') return true;
    if (!['OR', 'REPLACE', 'GLOBAL', 'LOCAL'].includes(token.text)) return false;
  }
  return false;
}

function leadingWordSetsState(leading: Significant[], dialect: SqlDialect): boolean {
  let first = 0;
  while (first < leading.length && leading[first]!.text === '(') first += 1;
  if (leading[first]?.kind !== 'word') return false;
  const word = leading[first]!.text;
  const next = leading[first + 1]?.text;
  if (word === 'SET') return !(dialect === 'postgres' && (next === 'LOCAL' || next === 'TRANSACTION'));
  if (ALWAYS.has(word)) return true;
  if (word === 'LOCK') return dialect === 'mysql';
  return word === 'CREATE' && createsTemporary(leading.slice(first + 1));
}

/** One statement's text. Cheap on long statements: the whole text is lexed only when a quick scan finds a candidate. */
export function changesSessionState(sql: string, backend: Backend | SqlDialect): boolean {
  const dialect = dialectOf(backend);
  if (leadingWordSetsState(take(significant(sql, dialect), LEADING_WORDS), dialect)) return true;
  if (!ANYWHERE_HINT.test(sql)) return false;
  const tokens = [...significant(sql, dialect)];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.kind === 'word' && SESSION_FUNCTIONS.has(token.text) && next?.text === '(') return true;
    // SELECT … INTO TEMP t (PostgreSQL), SELECT … INTO @v (MySQL)
    if (token.text === 'INTO' && (next?.text === 'TEMP' || next?.text === 'TEMPORARY' || next?.text === '@')) return true;
    // MySQL `@v := …` anywhere in a statement
    if (dialect === 'mysql' && token.text === ':' && next?.text === '=') return true;
  }
  return false;
}
