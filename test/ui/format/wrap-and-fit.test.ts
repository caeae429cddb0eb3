import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../source/ui/format/display-width.js';
import { COLUMN_SEPARATOR, fairCaps, layoutTable, MIN_COLUMN_CAP, recordLines } from '../../../source/ui/format/table-layout.js';
import { wrapColumns, wrapText } from '../../../source/ui/format/wrap-columns.js';
import { prettyJson } from '../../../source/ui/query/value-lines.js';

describe('columns share the width of the screen', () => {
  it('one long column takes the whole width', () => {
    expect(layoutTable([{ name: 'QUERY PLAN', type: 'text' }], [['x'.repeat(300)]], 140).widths).toEqual([140]);
  });
  it('narrow columns keep their width and the wide ones share the rest', () => {
    const caps = fairCaps([2, 200, 200], 140);
    const room = 140 - 2 * COLUMN_SEPARATOR.length - 2;
    expect(caps[1]).toBe(Math.floor(room / 2));
    expect(caps[2]).toBe(Math.floor((room - Math.floor(room / 2)) / 1));
  });
  it('many columns fall back to the minimum cap (they scroll) and an unknown width keeps it', () => {
    expect(
      fairCaps(
        Array.from({ length: 10 }, () => 100),
        80,
      ),
    ).toEqual(Array.from({ length: 10 }, () => MIN_COLUMN_CAP));
    expect(layoutTable([{ name: 'a', type: '' }], [['y'.repeat(100)]]).widths).toEqual([MIN_COLUMN_CAP]);
  });
});

describe('wrapping', () => {
  it('breaks after a space and keeps every character', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }).map((text) => text.replace(/\n/g, ' ')),
        fc.integer({ min: 1, max: 60 }),
        (text, width) => {
          const lines = wrapColumns(text, width);
          for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
          expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        },
      ),
    );
    expect(wrapColumns('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
  });
  it('keeps line breaks and wide characters whole', () => {
    expect(wrapText('ab\ncd', 5)).toEqual(['ab', 'cd']);
    expect(wrapColumns('中文中文', 5)).toEqual(['中文', '中文']);
  });
  it('the record view wraps a long value under itself', () => {
    const lines = recordLines([{ name: 'v', type: 'text' }], ['z'.repeat(50)], 1, 24);
    expect(lines.slice(1).join('').replace(/[^z]/g, '')).toHaveLength(50);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(24);
  });
});

describe('JSON in the value viewer', () => {
  it('pretty-prints json columns and text holding an object or array, nothing else', () => {
    expect(prettyJson('{"a":1}', { name: 'd', type: 'jsonb' })).toBe('{\n  "a": 1\n}');
    expect(prettyJson('[1,2]', { name: 'd', type: 'text' })).toBe('[\n  1,\n  2\n]');
    expect(prettyJson('"s"', { name: 'd', type: 'json' })).toBe('"s"');
    expect(prettyJson('"s"', { name: 'd', type: 'text' })).toBeNull();
    expect(prettyJson('{not json', { name: 'd', type: 'text' })).toBeNull();
    expect(prettyJson('42', { name: 'd', type: 'int4' })).toBeNull();
  });
});
