// Whether the prompt's text is a complete statement (ends with `;` outside strings and comments).
// A small scanner of its own: the console must decide on every Enter without waiting on the
// full splitter.
import { lexicalRules, type SqlDialect } from '../../sql/dialect.js';
import { isCompleteStatement } from '../../sql/is-complete-statement.js';
import { recordViewRequest } from './backslash-commands.js';

interface ScanResult {
  /** Last significant character outside strings/comments */
  lastSignificant: string;
  /** Inside an unterminated string, quoted identifier or block comment at the end */
  open: boolean;
}

function scan(text: string, dialect: SqlDialect): ScanResult {
  const rules = lexicalRules(dialect);
  let lastSignificant = '';
  let index = 0;
  const length = text.length;
  while (index < length) {
    const char = text[index] ?? '';
    const next = text[index + 1] ?? '';
    if (char === '-' && next === '-' && (!rules.dashCommentNeedsSpace || /[\s]|^$/.test(text[index + 2] ?? ''))) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? length : end + 1;
      continue;
    }
    if (char === '#' && rules.hashComments) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? length : end + 1;
      continue;
    }
    if (char === '/' && next === '*') {
      let depth = 1;
      index += 2;
      while (index < length && depth > 0) {
        if (text.startsWith('*/', index)) {
          depth -= 1;
          index += 2;
        } else if (rules.nestedBlockComments && text.startsWith('/*', index)) {
          depth += 1;
          index += 2;
        } else index += 1;
      }
      if (depth > 0) return { lastSignificant, open: true };
      continue;
    }
    if (char === '$' && rules.dollarQuotes) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(index));
      if (tag && !/[A-Za-z0-9_]/.test(text[index - 1] ?? '')) {
        const end = text.indexOf(tag[0], index + tag[0].length);
        if (end === -1) return { lastSignificant, open: true };
        index = end + tag[0].length;
        lastSignificant = '$';
        continue;
      }
    }
    const quote =
      char === "'" || char === '"' || (char === '`' && rules.backtickIdentifiers)
        ? char
        : char === '[' && rules.bracketIdentifiers
          ? ']'
          : null;
    if (quote !== null) {
      const backslashes = rules.backslashInStrings || (rules.escapeStringPrefix && char === "'" && /[eE]/.test(text[index - 1] ?? ''));
      index += 1;
      let closed = false;
      while (index < length) {
        const current = text[index];
        if (backslashes && current === '\\' && quote !== ']') {
          index += 2;
          continue;
        }
        if (current === quote) {
          if (text[index + 1] === quote && quote !== ']') {
            index += 2;
            continue;
          }
          index += 1;
          closed = true;
          break;
        }
        index += 1;
      }
      if (!closed) return { lastSignificant, open: true };
      lastSignificant = quote;
      continue;
    }
    if (!/\s/.test(char)) lastSignificant = char;
    index += 1;
  }
  return { lastSignificant, open: false };
}

/** True when the text ends with a `;` that terminates a statement. */
export function endsWithTerminator(text: string, dialect: SqlDialect): boolean {
  const result = scan(text, dialect);
  return !result.open && result.lastSignificant === ';';
}

/** True when the text is open inside a string, quoted name or block comment. */
export function isInsideOpenToken(text: string, dialect: SqlDialect): boolean {
  return scan(text, dialect).open;
}

/**
 * What Enter does at the prompt. Typed Enter runs a terminated statement, a one-line statement,
 * or a backslash command; a line break inside pasted text runs only a terminated statement.
 */
export function shouldRunOnEnter(text: string, dialect: SqlDialect, pasted: boolean): boolean {
  if (text.trim() === '') return false;
  if (text.trimStart().startsWith('\\')) return !text.includes('\n');
  if (isCompleteStatement(text, dialect)) return true;
  // mycli's `\G` ends a statement as `;` does (outside strings and comments).
  if (recordViewRequest(text) !== null && !isInsideOpenToken(text.replace(/\\G\s*;?\s*$/, ''), dialect)) return true;
  if (pasted) return false;
  return !text.includes('\n') && !isInsideOpenToken(text, dialect);
}
