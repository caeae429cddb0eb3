// The statement under the prompt's cursor as completion reads it: the shared lexer's tokens
// without blanks and comments, each with its parenthesis depth, and the name being typed at the
// cursor (with the qualifier before its dot: `o.` in `o.tot`, `"My Schema".` quoted).
import { lex, type TokenKind } from '../../sql/lex.js';
import { lexicalRules, type SqlDialect } from '../../sql/dialect.js';

export interface StatementToken {
  kind: TokenKind;
  /** As written (quotes included) */
  text: string;
  /** Words upper-cased, for keyword tests */
  upper: string;
  start: number;
  end: number;
  /** Depth before the token: a '(' and its ')' have the depth outside them */
  depth: number;
}

export interface NameAtCursor {
  /** Where the replacement starts (the name's first character, its opening quote included) */
  from: number;
  /** What is typed of the name so far, unquoted */
  prefix: string;
  /** The name was opened with a quote character */
  quoted: boolean;
  /** Names before the dot(s), unquoted: ['s', 't'] for `s.t.col`; empty when none */
  qualifier: string[];
}

export interface StatementAtCursor {
  tokens: StatementToken[];
  /** Tokens before this index are before the name being typed (and its qualifier) */
  cursorIndex: number;
  name: NameAtCursor;
}

const QUOTES = new Set(['"', '`', '[']);

/** A quoted or plain identifier token as the name it stands for. */
export function unquote(token: Pick<StatementToken, 'kind' | 'text'>): string {
  if (token.kind !== 'identifier') return token.text;
  const open = token.text[0] ?? '';
  const close = open === '[' ? ']' : open;
  const inner = token.text.endsWith(close) && token.text.length > 1 ? token.text.slice(1, -1) : token.text.slice(1);
  return open === '[' ? inner : inner.replaceAll(close + close, close);
}

export function isName(token: StatementToken | undefined): token is StatementToken {
  return token !== undefined && (token.kind === 'word' || token.kind === 'identifier');
}

/**
 * The statement the cursor is in (between the semicolons around it) and the name typed at the
 * cursor; null when the cursor is inside a string or a comment, where nothing is completed.
 */
export function statementAtCursor(text: string, cursor: number, dialect: SqlDialect): StatementAtCursor | null {
  const tokens: StatementToken[] = [];
  let depth = 0;
  let name: NameAtCursor = { from: cursor, prefix: '', quoted: false, qualifier: [] };
  let cursorIndex = -1;
  for (const token of lex(text, lexicalRules(dialect))) {
    if (token.kind === 'semicolon') {
      if (token.end <= cursor) {
        tokens.length = 0;
        depth = 0;
        continue;
      }
      break;
    }
    if (token.start >= cursor && cursorIndex === -1) cursorIndex = tokens.length;
    const contains = token.start < cursor && cursor <= token.end;
    if (contains && (token.kind === 'comment' || token.kind === 'string')) {
      // At the very end only an unclosed one still holds the cursor (a line comment ends with its newline).
      const lineComment = token.kind === 'comment' && !text.startsWith('/*', token.start);
      if (cursor < token.end || token.open || (lineComment && text[token.end - 1] !== '\n')) return null;
    }
    if (token.kind === 'space' || token.kind === 'comment') continue;
    const raw = text.slice(token.start, token.end);
    if (raw === ')') depth = Math.max(0, depth - 1);
    if (contains && (token.kind === 'word' || token.kind === 'identifier')) {
      const typed = text.slice(token.start, cursor);
      const quoted = token.kind === 'identifier' && QUOTES.has(typed[0] ?? '');
      name = { from: token.start, prefix: quoted ? unquote({ kind: 'identifier', text: typed }) : typed, quoted, qualifier: [] };
      cursorIndex = tokens.length;
    }
    tokens.push({
      kind: token.kind,
      text: raw,
      upper: token.kind === 'word' ? raw.toUpperCase() : raw,
      start: token.start,
      end: token.end,
      depth,
    });
    if (raw === '(') depth += 1;
  }
  if (cursorIndex === -1) cursorIndex = tokens.length;
  // `a.b.` before the name: the qualifier, written without blanks around the dots.
  let k = cursorIndex;
  let edge = name.from;
  while (
    tokens[k - 1]?.text === '.' &&
    tokens[k - 1]!.end === edge &&
    isName(tokens[k - 2]) &&
    tokens[k - 2]!.end === tokens[k - 1]!.start
  ) {
    name.qualifier.unshift(unquote(tokens[k - 2]!));
    edge = tokens[k - 2]!.start;
    k -= 2;
  }
  return { tokens, cursorIndex: k, name };
}
