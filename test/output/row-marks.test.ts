// Whole rows within a prefix of bytes: what a write that stopped part-way (a full disk) left.
import { describe, expect, it } from 'vitest';
import { RowEnds } from '../../source/output/row-marks.js';

describe('RowEnds', () => {
  const text = 'a,é\nb,€\n😀,c\n';
  const ends = [4, 8, 13];
  const bytes = Buffer.from(text);
  const marks = new RowEnds(ends);

  it('counts the rows whose end was written, for every cut, multi-byte characters included', () => {
    expect(marks.count).toBe(3);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const written = bytes.subarray(0, cut).toString('latin1');
      // The rows whose newline byte is inside the prefix.
      const expected = [...Buffer.from(written, 'latin1')].filter((byte) => byte === 0x0a).length;
      expect(marks.within(bytes.subarray(0, cut)), `cut at ${cut}`).toBe(expected);
    }
  });
});
