// Why a statement destroys data or schema, for the confirmation before running it: DROP,
// TRUNCATE, ALTER … DROP, DELETE/UPDATE without a WHERE or with one that is always true, and a
// PostgreSQL DO block whose code drops, deletes, truncates or builds SQL at run time.
import { alwaysTrue } from './always-true.js';
import { classifyTokens, stringValue, type TokenList } from './classify-tokens.js';
import { findAny, findTopWord, punctAt, topWords, wordAt, type Scope } from './token-scan.js';

/** Words after DROP that belong to the name of what is dropped (DROP MATERIALIZED VIEW …). */
const DROP_OBJECT_PREFIX = new Set(['TEMPORARY', 'TEMP', 'MATERIALIZED', 'FOREIGN', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'ONLINE', 'OFFLINE']);

export function dropReason(scope: Scope): string {
  const words = topWords(scope).slice(1);
  const object: string[] = [];
  for (const word of words) {
    object.push(word);
    if (!DROP_OBJECT_PREFIX.has(word)) break;
  }
  return ['DROP', ...object].join(' ');
}

export function alterReason(scope: Scope): string | null {
  return findAny(scope, (k) => k > scope.start && wordAt(scope.tokens, k, 'DROP')) >= 0 ? 'ALTER … DROP' : null;
}

/** DELETE or UPDATE: without a top-level WHERE, or with one that holds for every row. */
export function whereReason(scope: Scope, verb: string): string | null {
  const where = findTopWord(scope, scope.start + 1, 'WHERE');
  if (where < 0) return `${verb} without WHERE`;
  const { tokens } = scope;
  // The condition ends at RETURNING/ORDER/LIMIT, or where parentheses around the statement close.
  let end = where + 1;
  while (
    end < scope.end &&
    tokens.depth(end) >= tokens.depth(where) &&
    !(tokens.depth(end) === tokens.depth(where) && wordAt(tokens, end, 'RETURNING', 'ORDER', 'LIMIT'))
  )
    end += 1;
  return alwaysTrue(tokens, where + 1, end, scope.rules) ? `${verb} with a WHERE that is always true` : null;
}

const DO_DESTRUCTIVE = ['DROP', 'DELETE', 'TRUNCATE'];

/** A DO block's code: what it would destroy, looking into the strings it may EXECUTE too. */
export function doBlockReason(body: string, scope: Scope, nesting = 0): string | null {
  const tokens = classifyTokens(body, scope.rules.lexical);
  for (let k = 0; k < tokens.length; k += 1) {
    if (wordAt(tokens, k, ...DO_DESTRUCTIVE)) return `DO block with ${tokens.text(k)}`;
    if (wordAt(tokens, k, 'EXECUTE')) return 'DO block with EXECUTE (SQL built at run time)';
    // `FOR UPDATE`, `FOR NO KEY UPDATE` lock rows; they change none.
    const locking = wordAt(tokens, k - 1, 'FOR', 'KEY');
    if (wordAt(tokens, k, 'UPDATE') && !locking && !updateHasWhere(tokens, k)) return 'DO block with UPDATE without WHERE';
    if (tokens.kind(k) === 'string' && nesting < 4) {
      const inner = stringValue(tokens.at(k), false);
      const reason = inner === null ? null : doBlockReason(inner, scope, nesting + 1);
      if (reason !== null) return reason;
    }
  }
  return null;
}

function updateHasWhere(tokens: TokenList, from: number): boolean {
  for (let k = from + 1; k < tokens.length; k += 1) {
    if (tokens.kind(k) === 'semicolon' || punctAt(tokens, k, ';')) return false;
    if (wordAt(tokens, k, 'WHERE')) return true;
  }
  return false;
}
