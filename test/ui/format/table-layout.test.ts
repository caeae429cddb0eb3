import { describe, expect, it } from 'vitest';
import { cellText, NULL_MARK } from '../../../source/ui/format/cell-text.js';
import { displayWidth, sliceColumns } from '../../../source/ui/format/display-width.js';
import { headerLine, layoutTable, rowLine } from '../../../source/ui/format/table-layout.js';

describe('cell text and layout', () => {
  it('shows NULL distinctly from the text NULL and escapes control characters', () => {
    expect(cellText(null)).toBe(NULL_MARK);
    expect(cellText('NULL')).toBe('NULL');
    expect(cellText('a\nb\x1b[2J')).toBe('a\\nb\\x1b[2J');
  });
  it('aligns CJK and emoji by display width', () => {
    const layout = layoutTable(
      [
        { name: 'name', type: 'text' },
        { name: 'n', type: 'int' },
      ],
      [
        ['中文', 1],
        ['😀x', 22],
      ],
    );
    const lines = [headerLine(layout), rowLine(layout, ['中文', 1]), rowLine(layout, ['😀x', 22])];
    const widths = lines.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    expect(lines[1]).toContain(' 1');
  });
  it('slices by display columns without splitting wide characters', () => {
    expect(sliceColumns('a中b', 1, 2)).toBe('中');
    expect(sliceColumns('a中b', 2, 2)).toBe(' b');
    expect(displayWidth(sliceColumns('中中中', 1, 3))).toBe(3);
  });
});
