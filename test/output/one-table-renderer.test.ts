// The CLI's table output and the console's grid show a result the same way: the same cell text,
// the same right-aligned columns; only NULL's text and the separators differ.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column, Row, Value } from '../../source/adapters/adapter.js';
import { createResultWriter } from '../../source/output/create-result-writer.js';
import { rightAlignedColumns } from '../../source/output/table-cells.js';
import { layoutTable, rowLine } from '../../source/ui/format/table-layout.js';
import { NULL_MARK } from '../../source/ui/format/cell-text.js';
import { collectingSink } from './sink-helper.js';

async function cliTable(columns: Column[], rows: Row[]): Promise<string[]> {
  const { sink, text } = collectingSink();
  const writer = await createResultWriter(sink, { format: 'table', header: false, nullText: NULL_MARK, color: false });
  writer.begin(columns);
  writer.rows(rows);
  writer.end(rows.length);
  return (await text()).split('\n').slice(0, rows.length);
}

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.stringMatching(/^-?\d{1,6}(\.\d{1,3})?$/),
  fc.string({ maxLength: 8 }),
  fc.constant('2020-01-01T10:00:00.000Z'),
  fc.constant('a\tb\x1b[2J'),
);
const types = ['int4', 'numeric', 'text', 'DATETIME', ''];

describe('one table renderer', () => {
  it('right-aligns a column whose values are all numbers, numeric text included, as psql does', async () => {
    const columns: Column[] = [
      { name: 'amount', type: 'numeric' },
      { name: 'name', type: 'text' },
    ];
    const rows: Row[] = [
      ['12.50', 'a'],
      ['7', 'bb'],
      [null, 'c'],
    ];
    expect(rightAlignedColumns(columns, rows)).toEqual([true, false]);
    expect(await cliTable(columns, rows)).toEqual([' 12.50 | a', '     7 | bb', '     ∅ | c']);
  });

  it('shows a MariaDB DATETIME as the server wrote it, without a zone', async () => {
    expect(await cliTable([{ name: 'at', type: 'DATETIME' }], [['2020-01-01T10:00:00Z']])).toEqual(['2020-01-01 10:00:00']);
  });

  it('the CLI table and the console grid agree on every cell and its alignment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(value, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (width, wide) => {
          const columns: Column[] = Array.from({ length: width }, (_, index) => ({
            name: `c${index}`,
            type: types[index % types.length]!,
          }));
          const rows = wide.map((row) => row.slice(0, width));
          const layout = layoutTable(columns, rows, 10_000);
          const grid = rows.map((row) => rowLine(layout, row).replaceAll(' │ ', ' | ').trimEnd());
          expect(await cliTable(columns, rows)).toEqual(grid);
        },
      ),
      { numRuns: 300 },
    );
  });
});
