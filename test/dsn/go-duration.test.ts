import { describe, expect, it } from 'vitest';
import { nanosToMs, parseGoDuration } from '../../source/dsn/go-duration.js';

const VALID: [string, bigint][] = [
  ['0', 0n],
  ['-0', 0n],
  ['+0', 0n],
  ['0s', 0n],
  ['300ms', 300_000_000n],
  ['30s', 30_000_000_000n],
  ['0.5m', 30_000_000_000n],
  ['1m30s', 90_000_000_000n],
  ['1h', 3_600_000_000_000n],
  ['1h2m3s4ms5us6ns', 3_723_004_005_006n],
  ['1.5h', 5_400_000_000_000n],
  ['.5s', 500_000_000n],
  ['1.s', 1_000_000_000n],
  ['2µs', 2_000n],
  ['2μs', 2_000n],
  ['2us', 2_000n],
  ['7ns', 7n],
  ['-1.5s', -1_500_000_000n],
  ['+2s', 2_000_000_000n],
  ['1s1s', 2_000_000_000n],
  ['2562047h47m16.854775807s', 9_223_372_036_854_775_807n],
];

const INVALID = [
  '',
  '-',
  '10',
  '1',
  '.s',
  's',
  '1d',
  '1sec',
  '1 s',
  ' 1s',
  '1s ',
  '1.5.5s',
  '1S',
  '1H',
  '--1s',
  '2562047h47m16.854775808s',
  '1e3s',
  'abc',
];

describe('parseGoDuration', () => {
  it.each(VALID)('%s = %d ns', (text, nanos) => {
    expect(parseGoDuration(text)).toEqual({ ok: true, nanos });
  });

  it.each(INVALID)('rejects %j', (text) => {
    const result = parseGoDuration(text);
    expect(result.ok).toBe(false);
  });

  it('rounds sub-millisecond positive durations up, never to 0', () => {
    expect(nanosToMs(1n)).toBe(1);
    expect(nanosToMs(1_500_000n)).toBe(2);
    expect(nanosToMs(2_000_000n)).toBe(2);
    expect(nanosToMs(0n)).toBe(0);
  });
});
