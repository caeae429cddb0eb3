// Cursor arithmetic over a multi-line string: lines, words and code points. Pure helpers for the
// prompt buffer; indexes are UTF-16 offsets that never split a surrogate pair.

export function previousCodePoint(text: string, index: number): number {
  if (index <= 0) return 0;
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return index - 2;
  }
  return index - 1;
}

export function nextCodePoint(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const code = text.codePointAt(index) ?? 0;
  return index + (code > 0xffff ? 2 : 1);
}

export function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

export function lineEnd(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end === -1 ? text.length : end;
}

const wordChar = /[\p{L}\p{N}_$]/u;

function isWordAt(text: string, index: number): boolean {
  const char = String.fromCodePoint(text.codePointAt(index) ?? 32);
  return wordChar.test(char);
}

/** Start of the word before the cursor (skipping separators first), readline style. */
export function wordStartBefore(text: string, index: number): number {
  let at = index;
  while (at > 0 && !isWordAt(text, previousCodePoint(text, at))) at = previousCodePoint(text, at);
  while (at > 0 && isWordAt(text, previousCodePoint(text, at))) at = previousCodePoint(text, at);
  return at;
}

/** End of the word after the cursor (skipping separators first). */
export function wordEndAfter(text: string, index: number): number {
  let at = index;
  while (at < text.length && !isWordAt(text, at)) at = nextCodePoint(text, at);
  while (at < text.length && isWordAt(text, at)) at = nextCodePoint(text, at);
  return at;
}

/** Line number (0-based) and column (UTF-16 offset within the line) of an index. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 0;
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
    line += 1;
    start = at + 1;
  }
  return { line, column: index - start };
}

/** The index at `column` of line `line`, clamped to that line's end. */
export function indexAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let current = 0; current < line; current += 1) {
    const next = text.indexOf('\n', start);
    if (next === -1) return text.length;
    start = next + 1;
  }
  const end = lineEnd(text, start);
  let index = Math.min(start + column, end);
  // never land inside a surrogate pair
  const code = text.charCodeAt(index);
  if (index > start && code >= 0xdc00 && code <= 0xdfff) index -= 1;
  return index;
}

export function lineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
