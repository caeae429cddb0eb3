// A small SQL lexer: just enough to know where strings, quoted identifiers and comments start and
// end, so that a `;` inside them is not taken as a statement terminator. Never throws: anything
// unrecognised is an 'other' token, and an unterminated string runs to the end of the input.
import type { LexicalRules } from './dialect.js';

export type TokenKind = 'space' | 'comment' | 'string' | 'identifier' | 'word' | 'semicolon' | 'other';

export interface Token {
  kind: TokenKind;
  start: number;
  /** exclusive */
  end: number;
  /** a string, quoted identifier or block comment that reached the end of input unclosed */
  open: boolean;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** End of a quoted run opened at `start` by `quote`; doubled quotes, optional backslash escapes. */
function quotedEnd(sql: string, start: number, quote: string, backslash: boolean): { end: number; open: boolean } {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslash && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return { end: i + 1, open: false };
    }
    i += 1;
  }
  return { end: sql.length, open: true };
}

function blockCommentEnd(sql: string, start: number, nested: boolean): { end: number; open: boolean } {
  let depth = 1;
  let i = start + 2;
  while (i < sql.length) {
    if (sql.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0 || !nested) return { end: i, open: false };
      continue;
    }
    if (nested && sql.startsWith('/*', i)) {
      depth += 1;
      i += 2;
      continue;
    }
    i += 1;
  }
  return { end: sql.length, open: true };
}

function lineEnd(sql: string, start: number): number {
  const newline = sql.indexOf('\n', start);
  return newline === -1 ? sql.length : newline + 1;
}

function isDashComment(sql: string, i: number, rules: LexicalRules): boolean {
  if (!sql.startsWith('--', i)) return false;
  if (!rules.dashCommentNeedsSpace) return true;
  const next = sql[i + 2];
  // MySQL: `--` must be followed by whitespace or a control character (or end the input).
  return next === undefined || next <= ' ';
}

export function* lex(sql: string, rules: LexicalRules): Generator<Token> {
  let i = 0;
  // No closure per token: this runs for every character of every script.
  while (i < sql.length) {
    const start = i;
    const ch = sql[i]!;
    let kind: TokenKind;
    let end: number;
    let open = false;

    if (ch <= ' ') {
      end = i + 1;
      while (end < sql.length && sql[end]! <= ' ') end += 1;
      kind = 'space';
    } else if (ch === ';') {
      kind = 'semicolon';
      end = i + 1;
    } else if (isDashComment(sql, i, rules) || (rules.hashComments && ch === '#')) {
      kind = 'comment';
      end = lineEnd(sql, i);
    } else if (sql.startsWith('/*', i)) {
      ({ end, open } = blockCommentEnd(sql, i, rules.nestedBlockComments));
      const executable = rules.executableComments && (sql[i + 2] === '!' || sql[i + 2] === '+');
      kind = executable ? 'other' : 'comment';
    } else if (ch === "'") {
      const escaped = rules.backslashInStrings || (rules.escapeStringPrefix && isEscapeStringPrefix(sql, i));
      ({ end, open } = quotedEnd(sql, i, "'", escaped));
      kind = 'string';
    } else if (ch === '"') {
      const asString = rules.doubleQuoteIsString;
      ({ end, open } = quotedEnd(sql, i, '"', asString && rules.backslashInStrings));
      kind = asString ? 'string' : 'identifier';
    } else if (ch === '`' && rules.backtickIdentifiers) {
      ({ end, open } = quotedEnd(sql, i, '`', false));
      kind = 'identifier';
    } else if (ch === '[' && rules.bracketIdentifiers) {
      const close = sql.indexOf(']', i + 1);
      end = close === -1 ? sql.length : close + 1;
      open = close === -1;
      kind = 'identifier';
    } else if (ch === '$' && rules.dollarQuotes && !precededByWordPart(sql, i)) {
      const tag = DOLLAR_TAG.exec(sql.slice(i, i + 64))?.[0];
      if (tag === undefined) {
        kind = 'other';
        end = i + 1;
      } else {
        const close = sql.indexOf(tag, i + tag.length);
        end = close === -1 ? sql.length : close + tag.length;
        open = close === -1;
        kind = 'string';
      }
    } else if (WORD_START.test(ch)) {
      end = i + 1;
      while (end < sql.length && WORD_PART.test(sql[end]!)) end += 1;
      kind = 'word';
    } else {
      kind = 'other';
      end = i + 1;
    }
    i = end;
    yield { kind, start, end, open };
  }
}

function precededByWordPart(sql: string, i: number): boolean {
  return i > 0 && WORD_PART.test(sql[i - 1]!);
}

/** PostgreSQL `E'...'` (or `e'...'`) strings take backslash escapes. */
function isEscapeStringPrefix(sql: string, quoteAt: number): boolean {
  const prefix = sql[quoteAt - 1];
  return (prefix === 'E' || prefix === 'e') && (quoteAt < 2 || !WORD_PART.test(sql[quoteAt - 2]!));
}
