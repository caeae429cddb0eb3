import { describe, expect, it } from 'vitest';
import { sortRows } from '../../../source/ui/state/sort-rows.js';
import type { Row } from '../../../source/adapters/adapter.js';

const column = (rows: Row[]) => rows.map((row) => row[0]);

describe('sortRows (client-side sort of loaded rows)', () => {
  it.each([
    { name: 'numbers by value', values: [10, 9, 100, -1], ascending: [-1, 9, 10, 100] },
    {
      name: 'exact 64-bit integers past a double',
      values: ['9007199254740993', '9007199254740992', '-5'],
      ascending: ['-5', '9007199254740992', '9007199254740993'],
    },
    { name: 'decimals as exact strings', values: ['10.50', '9.99', '100', '-0.5'], ascending: ['-0.5', '9.99', '10.50', '100'] },
    { name: 'text numeric-aware', values: ['item10', 'item2', 'Item1'], ascending: ['Item1', 'item2', 'item10'] },
    { name: 'NULLs last', values: [null, 2, null, 1], ascending: [1, 2, null, null] },
    {
      name: 'ISO dates',
      values: ['2024-05-01T00:00:00Z', '2023-12-31T23:59:59Z'],
      ascending: ['2023-12-31T23:59:59Z', '2024-05-01T00:00:00Z'],
    },
  ])('$name', ({ values, ascending }) => {
    const rows = values.map((value) => [value] as Row);
    expect(column(sortRows(rows, 0, 'ascending'))).toEqual(ascending);
    const nonNull = ascending.filter((value) => value !== null);
    expect(column(sortRows(rows, 0, 'descending'))).toEqual([...nonNull.reverse(), ...ascending.filter((value) => value === null)]);
  });

  it('keeps the server order for ties and leaves the input alone', () => {
    const rows: Row[] = [
      [1, 'a'],
      [0, 'b'],
      [1, 'c'],
    ];
    expect(sortRows(rows, 0, 'ascending').map((row) => row[1])).toEqual(['b', 'a', 'c']);
    expect(rows.map((row) => row[1])).toEqual(['a', 'b', 'c']);
  });
});
