import { describe, expect, it } from 'vitest';
import { colorEnabled, defaultFormat } from '../../source/output/format-options.js';

describe('format defaults', () => {
  it('table on a terminal, tsv otherwise', () => {
    expect(defaultFormat(true)).toBe('table');
    expect(defaultFormat(false)).toBe('tsv');
  });
  it('NO_COLOR and TERM=dumb turn colour off', () => {
    expect(colorEnabled(true, { TERM: 'xterm' })).toBe(true);
    expect(colorEnabled(true, { TERM: 'xterm', NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(true, { TERM: 'xterm', NO_COLOR: '' })).toBe(true);
    expect(colorEnabled(true, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled(false, { TERM: 'xterm' })).toBe(false);
  });
});
