// What kind of statement a text is, from its first keyword: enough to choose between streaming a
// result and running a statement, and to know when the server may produce CSV itself.
import type { Backend } from '../dsn/types.js';
import { lexicalRules, type SqlDialect } from './dialect.js';
import { lex } from './lex.js';

const QUERY_WORDS = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

/** The first keyword, upper-cased (after comments and opening parentheses), or null. */
export function firstKeyword(sql: string, dialect: Backend | SqlDialect): string | null {
  for (const token of lex(sql, lexicalRules(dialect))) {
    if (token.kind === 'space' || token.kind === 'comment') continue;
    if (token.kind === 'other' && sql[token.start] === '(') continue;
    return token.kind === 'word' ? sql.slice(token.start, token.end).toUpperCase() : null;
  }
  return null;
}

/** SELECT / WITH / VALUES / TABLE: a query whose rows can be streamed (and copied as CSV on PostgreSQL). */
export function isQueryStatement(sql: string, dialect: Backend | SqlDialect): boolean {
  const word = firstKeyword(sql, dialect);
  return word !== null && QUERY_WORDS.has(word);
}
