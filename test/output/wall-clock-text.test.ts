import { describe, expect, it } from 'vitest';
import { wallClockText } from '../../source/output/wall-clock-text.js';

describe('wallClockText', () => {
  it.each([
    ['2020-01-01T10:00:00Z', 'DATETIME', '2020-01-01 10:00:00'],
    ['2020-01-01T10:00:00.250Z', 'DATETIME', '2020-01-01 10:00:00.250'],
    ['2020-01-01T10:00:00+02:00', 'TIMESTAMP', '2020-01-01 10:00:00'],
    ['2020-01-01T10:00:00', 'DATETIME', '2020-01-01 10:00:00'],
    // a zero date stays the server's text; other types and unknown shapes are untouched
    ['0000-00-00 00:00:00', 'DATETIME', '0000-00-00 00:00:00'],
    ['2020-01-01T10:00:00Z', 'VARCHAR', '2020-01-01T10:00:00Z'],
    ['2020-01-01T10:00:00+00:00', 'timestamptz', '2020-01-01T10:00:00+00:00'],
    ['2020-01-01T10:00:00Z', undefined, '2020-01-01T10:00:00Z'],
    ['not a date', 'DATETIME', 'not a date'],
  ])('%s (%s) → %s', (text, type, shown) => {
    expect(wallClockText(text, type)).toBe(shown);
  });
});
