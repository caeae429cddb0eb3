// Text wrapped to a number of display columns, breaking after a space where one is near the end
// of the line and inside a word only when it is longer than a line.
import { displayWidth } from './display-width.js';

let segmenter: Intl.Segmenter | undefined;

/** The characters (graphemes) of a line with their display widths */
function graphemes(text: string): Array<{ text: string; width: number }> {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(text)) return [...text].map((char) => ({ text: char, width: 1 }));
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...segmenter.segment(text)].map(({ segment }) => ({ text: segment, width: displayWidth(segment) }));
}

/** One line of text (no line breaks) as lines of at most `width` columns; '' stays one empty line. */
export function wrapColumns(text: string, width: number): string[] {
  const room = Math.max(1, width);
  if (displayWidth(text) <= room) return [text];
  const parts = graphemes(text);
  const lines: string[] = [];
  let start = 0;
  while (start < parts.length) {
    let end = start;
    let used = 0;
    while (end < parts.length && used + (parts[end]?.width ?? 0) <= room) {
      used += parts[end]?.width ?? 0;
      end += 1;
    }
    if (end === start) end = start + 1; // a character wider than the line
    if (end < parts.length) {
      // Break after the last space of the line when it is in the line's second half.
      for (let space = end - 1; space > start + Math.floor((end - start) / 2); space -= 1) {
        if (parts[space]?.text === ' ') {
          end = space + 1;
          break;
        }
      }
    }
    lines.push(
      parts
        .slice(start, end)
        .map((part) => part.text)
        .join('')
        .trimEnd(),
    );
    start = end;
  }
  return lines;
}

/** Text with line breaks: every line wrapped. */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapColumns(line, width));
}
