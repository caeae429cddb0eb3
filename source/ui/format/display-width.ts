// Display width in terminal columns (CJK and emoji take two) and slicing by columns.
import stringWidth from 'string-width';
import { isSingleWidthText } from './single-width.js';

// Built on first use: creating the first Intl.Segmenter costs 20-35 ms, and text of single-width
// characters (every ASCII line, result rows with '│') never needs one.
let segmenter: Intl.Segmenter | undefined;

export function displayWidth(text: string): number {
  // ASCII fast path: most cells are plain.
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(text) || isSingleWidthText(text) ? text.length : stringWidth(text);
}

/** The part of `text` between display columns [from, from + width), padded with spaces where a wide character is cut. */
export function sliceColumns(text: string, from: number, width: number): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(text) || isSingleWidthText(text)) return text.slice(from, from + width);
  let column = 0;
  let out = '';
  const end = from + width;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    const segmentWidth = stringWidth(segment);
    const next = column + segmentWidth;
    if (next <= from) {
      column = next;
      continue;
    }
    if (column >= end) break;
    if (column < from || next > end) out += ' '.repeat(Math.min(next, end) - Math.max(column, from));
    else out += segment;
    column = next;
  }
  return out;
}

/** Cut to at most `width` columns, ending with … when cut. */
export function truncateColumns(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  const cut = sliceColumns(text, 0, width - 1).trimEnd();
  return `${cut}…`;
}

export function padColumns(text: string, width: number, alignRight = false): string {
  const gap = Math.max(0, width - displayWidth(text));
  return alignRight ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}
