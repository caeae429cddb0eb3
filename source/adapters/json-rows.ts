// Rows as JSON text (RowStream.jsonChunks; SQLite renders them, see sqlite/json-rows-query.ts)
// are parsed here. The writer puts an INTEGER as bare digits and a REAL always with '.' or an
// exponent ("100.0", "1.0e+21"); JSON.parse would round an integer beyond ±(2^53 - 1), so such
// tokens are quoted first: the value then arrives as the exact decimal string the adapter
// contract asks for. Checking every value in SQL cost ~10% of streaming a result; this looks at
// every 16th character of a chunk, and walks its tokens only when it holds a run of 16 digits.
// It runs where the rows are parsed (the console, the formatting thread), not where SQLite
// renders them, which is the busier side.
import type { Row } from './adapter.js';

const RUN = 16;
const NUMBER_TOKEN = /-?[0-9][0-9.eE+-]*/y;

function isUnsafeInteger(token: string): boolean {
  return /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token));
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * Whether `text` holds RUN digits in a row. Every window of RUN characters contains exactly one
 * of the sampled positions, so only runs through a sampled digit need measuring: several times
 * faster than /\d{16}/, which tries every position (callgrind: ~2,500 instructions a row).
 */
export function hasLongDigitRun(text: string): boolean {
  for (let index = RUN - 1; index < text.length; index += RUN) {
    if (!isDigit(text.charCodeAt(index))) continue;
    let start = index;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start -= 1;
    let end = index + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
    if (end - start >= RUN) return true;
  }
  return false;
}

/** `json` as SQLite wrote it, with integers JSON.parse would round turned into strings. */
export function quoteUnsafeIntegers(json: string): string {
  if (!hasLongDigitRun(json)) return json;
  let out = '';
  let copiedTo = 0;
  let index = 0;
  while (index < json.length) {
    const char = json.charCodeAt(index);
    if (char === 0x22 /* " */) {
      // Skip the string, escapes included.
      index += 1;
      while (index < json.length && json.charCodeAt(index) !== 0x22) index += json.charCodeAt(index) === 0x5c /* \ */ ? 2 : 1;
      index += 1;
    } else if (char === 0x2d /* - */ || (char >= 0x30 && char <= 0x39)) {
      NUMBER_TOKEN.lastIndex = index;
      const token = NUMBER_TOKEN.exec(json)?.[0] ?? json[index]!;
      if (token.length >= RUN && isUnsafeInteger(token)) {
        out += `${json.slice(copiedTo, index)}"${token}"`;
        copiedTo = index + token.length;
      }
      index += token.length;
    } else {
      index += 1;
    }
  }
  return copiedTo === 0 ? json : out + json.slice(copiedTo);
}

/** A JSON array of positional rows, integers exact (see above). */
export function parseJsonRows(json: string): Row[] {
  return JSON.parse(quoteUnsafeIntegers(json)) as Row[];
}
