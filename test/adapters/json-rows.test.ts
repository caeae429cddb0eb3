// Integers beyond ±(2^53 - 1) in the rows' JSON are quoted before JSON.parse; nothing else changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLongDigitRun, parseJsonRows, quoteUnsafeIntegers } from '../../source/adapters/json-rows.js';

const MAX = 9007199254740991n;

describe('quoteUnsafeIntegers', () => {
  it('quotes integer tokens JSON.parse would round, and only those', () => {
    const json =
      '[[9223372036854775807,-9223372036854775808,9007199254740991,-9007199254740992,"12345678901234567890",0.30000000000000004,1.0e+21,12345678901234567.0]]';
    expect(parseJsonRows(json)).toEqual([
      [
        '9223372036854775807',
        '-9223372036854775808',
        9007199254740991,
        '-9007199254740992',
        '12345678901234567890',
        0.30000000000000004,
        1e21,
        12345678901234567,
      ],
    ]);
  });

  it('leaves text alone: digits, escaped quotes and backslashes inside strings', () => {
    const json = JSON.stringify([
      ['say \\"9223372036854775807\\"', '\\', 'x"', '1234567890123456789'],
      [9223372036854775807n.toString()],
    ]).replace('"9223372036854775807"]]', '9223372036854775807]]');
    expect(JSON.parse(quoteUnsafeIntegers(json))).toEqual([
      ['say \\"9223372036854775807\\"', '\\', 'x"', '1234567890123456789'],
      ['9223372036854775807'],
    ]);
  });

  it('returns the same text when no run of 16 digits occurs', () => {
    const json = '[[1,"name-1",79.19,"2024-01-01 00:00:17"]]';
    expect(quoteUnsafeIntegers(json)).toBe(json);
  });

  it('finds a run of 16 digits wherever it stands, and no shorter run (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '2', 'a', ',', '.'), maxLength: 120 }), (text) => {
        expect(hasLongDigitRun(text)).toBe(/\d{16}/.test(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (before, after, length) => {
        const text = `${before.replace(/\d/g, 'x')}${'7'.repeat(length)}${after.replace(/\d/g, 'x')}`;
        expect(hasLongDigitRun(text)).toBe(length >= 16);
      }),
      { numRuns: 2000 },
    );
  });

  it('any int64 and any string: parsed values are exact (property)', () => {
    const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    const cell = fc.oneof(int64, fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 20 }), (rows) => {
        // As SQLite writes it: integers as bare digits, reals with a '.' or an exponent.
        const text = `[${rows
          .map(
            (row) =>
              `[${row
                .map((value) =>
                  typeof value === 'bigint'
                    ? value.toString()
                    : typeof value === 'number'
                      ? Number.isInteger(value)
                        ? `${value
                            .toExponential()
                            .replace('e', '.0e')
                            .replace(/\.(\d+)\.0e/, '.$1e')}`
                        : JSON.stringify(value)
                      : JSON.stringify(value),
                )
                .join(',')}]`,
          )
          .join(',')}]`;
        const parsed = JSON.parse(quoteUnsafeIntegers(text)) as unknown[][];
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            const got = parsed[r]![c];
            if (typeof value === 'bigint') expect(got).toBe(value >= -MAX && value <= MAX ? Number(value) : value.toString());
            else if (typeof value === 'number') expect(got).toBe(value === 0 ? 0 : value);
            else expect(got).toBe(value);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
