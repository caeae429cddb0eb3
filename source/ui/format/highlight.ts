// Syntax classes for the prompt's text (keywords, strings, numbers, comments), from the shared SQL
// lexer. Pure: returns runs of one class per line, which the prompt colours (none under NO_COLOR).
import { lexicalRules, type SqlDialect } from '../../sql/dialect.js';
import { lex } from '../../sql/lex.js';
import { SQL_KEYWORDS } from '../sql/completion.js';

export type SyntaxClass = 'plain' | 'keyword' | 'string' | 'number' | 'comment';
export interface Run {
  text: string;
  syntax: SyntaxClass;
}

const keywords = new Set(SQL_KEYWORDS.flatMap((keyword) => keyword.toLowerCase().split(' ')));

/** One class per UTF-16 unit of the text. */
export function classify(text: string, dialect: SqlDialect): SyntaxClass[] {
  const classes: SyntaxClass[] = new Array<SyntaxClass>(text.length).fill('plain');
  for (const token of lex(text, lexicalRules(dialect))) {
    const slice = text.slice(token.start, token.end);
    let syntax: SyntaxClass = 'plain';
    if (token.kind === 'comment') syntax = 'comment';
    else if (token.kind === 'string') syntax = 'string';
    else if (token.kind === 'word' && keywords.has(slice.toLowerCase())) syntax = 'keyword';
    else if (/^\d+(\.\d+)?$/.test(slice)) syntax = 'number';
    if (syntax !== 'plain') classes.fill(syntax, token.start, token.end);
  }
  // Numbers the lexer reports as 'other' characters one by one
  for (const match of text.matchAll(/(?<![\w$])\d+(\.\d+)?(?![\w$])/g)) {
    if (classes[match.index] === 'plain') classes.fill('number', match.index, match.index + match[0].length);
  }
  return classes;
}

/** Runs of one class over text[from, to). */
export function runs(text: string, classes: readonly SyntaxClass[], from: number, to: number): Run[] {
  const out: Run[] = [];
  let start = from;
  for (let index = from + 1; index <= to; index += 1) {
    if (index === to || classes[index] !== classes[start]) {
      out.push({ text: text.slice(start, index), syntax: classes[start] ?? 'plain' });
      start = index;
    }
  }
  return out;
}
