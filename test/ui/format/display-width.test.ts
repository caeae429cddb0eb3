// Lines of single-width characters (result rows with '│') take a fast path: they must measure and
// slice exactly as the grapheme-by-grapheme path does.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, sliceColumns } from '../../../source/ui/format/display-width.js';
import { isSingleWidthText, SINGLE_WIDTH_CLASS } from '../../../source/ui/format/single-width.js';

/** Reference: walk graphemes, keep those wholly inside the columns, pad cut wide ones. */
function referenceSlice(text: string, from: number, width: number): string {
  let column = 0;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const next = column + stringWidth(segment);
    if (next > from && column < from + width)
      out += column < from || next > from + width ? ' '.repeat(Math.min(next, from + width) - Math.max(column, from)) : segment;
    column = next;
  }
  return out;
}

const singleWidthChars: string[] = [];
const single = new RegExp(`^[${SINGLE_WIDTH_CLASS}]$`);
for (let code = 0; code < 0x1_0000; code += 1) if (single.test(String.fromCharCode(code))) singleWidthChars.push(String.fromCharCode(code));

describe('display width of single-width lines', () => {
  it('recognises a result row and rejects wide, joined or control characters', () => {
    expect(isSingleWidthText('│ 1 │ café — ok… │ ─┼─ │')).toBe(true);
    for (const text of ['│漢│', '│😀│', 'e\u0301', '\t', '\u001B[7m', '\u00AD', '©']) expect(isSingleWidthText(text)).toBe(false);
  });

  it('measures and slices generated lines as the grapheme walk does', () => {
    const piece = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...singleWidthChars) },
      { weight: 1, arbitrary: fc.constantFrom('漢', '😀', 'e\u0301', 'ｱ') },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), fc.nat(60), fc.nat(60), (pieces, from, width) => {
        const text = pieces.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
        expect(sliceColumns(text, from, width)).toBe(referenceSlice(text, from, width));
      }),
      { numRuns: 2000 },
    );
  });
});
