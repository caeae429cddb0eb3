import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../../source/adapters/adapter.js';
import { defaultNullText, type FormatName, type FormatOptions } from '../../source/output/format-options.js';
import { createResultWriter } from '../../source/output/create-result-writer.js';
import { collectingSink } from './sink-helper.js';

const columns: Column[] = [
  { name: 'id', type: 'int4' },
  { name: 'name', type: 'text' },
];
const rows: Row[] = [
  [1, 'plain'],
  [2, 'comma, "quoted"\nline'],
  [3, ''],
  [4, null],
  [5, 'tab\there \\ back'],
];

async function render(format: FormatName, overrides: Partial<FormatOptions> = {}, data: Row[] = rows, cols = columns): Promise<string> {
  const { sink, text } = collectingSink();
  const writer = await createResultWriter(sink, { format, header: true, nullText: defaultNullText(format), color: false, ...overrides });
  writer.begin(cols);
  writer.rows(data.slice(0, 2));
  writer.rows(data.slice(2));
  writer.end(data.length);
  return text();
}

describe('csv', () => {
  it('quotes per RFC 4180, NULL empty and the empty string ""', async () => {
    expect(await render('csv')).toBe('id,name\n1,plain\n2,"comma, ""quoted""\nline"\n3,""\n4,\n5,tab\there \\ back\n');
  });
  it('--null text: a value equal to it is quoted', async () => {
    expect(
      await render('csv', { nullText: 'NULL' }, [
        [1, 'NULL'],
        [2, null],
      ]),
    ).toBe('id,name\n1,"NULL"\n2,NULL\n');
  });
  it('--no-header', async () => {
    expect(await render('csv', { header: false }, [[1, 'a']])).toBe('1,a\n');
  });
  it('booleans, fractions, exact big integers and carriage returns', async () => {
    const data: Row[] = [
      [true, 1.5],
      [false, '9007199254740993'],
      [-0.25, 'cr\rhere'],
    ];
    expect(await render('csv', { header: false }, data)).toBe('true,1.5\nfalse,9007199254740993\n-0.25,"cr\rhere"\n');
  });
});

describe('tsv', () => {
  it('escapes tab, newline, backslash; NULL is \\N', async () => {
    expect(await render('tsv')).toBe('id\tname\n1\tplain\n2\tcomma, "quoted"\\nline\n3\t\n4\t\\N\n5\ttab\\there \\\\ back\n');
  });
});

describe('json and ndjson', () => {
  it('json is one parseable array, values typed, NULL null', async () => {
    const text = await render('json');
    expect(JSON.parse(text)).toEqual(rows.map(([id, name]) => ({ id, name })));
  });
  it('an empty result is []', async () => {
    expect(JSON.parse(await render('json', {}, []))).toEqual([]);
  });
  it('ndjson is one object per line; repeated column names get a suffix', async () => {
    const text = await render(
      'ndjson',
      {},
      [[1, 2, 3]],
      [
        { name: 'a', type: '' },
        { name: 'a', type: '' },
        { name: 'a_2', type: '' },
      ],
    );
    expect(
      text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([{ a: 1, a_2: 2, a_2_2: 3 }]);
  });
});

describe('table', () => {
  it('aligns columns, right-aligns numbers, counts rows, shows NULL', async () => {
    const text = await render('table', {}, [
      [1, 'a'],
      [22, null],
    ]);
    expect(text).toBe('id | name\n---+-----\n 1 | a\n22 | NULL\n(2 rows)\n\n');
  });
  it('never sends control characters or escape sequences to the terminal', async () => {
    const text = await render('table', {}, [[1, 'red\u001b[31mX\u0007\r\n\u009b2J']]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('red\\x1b[31mX\\x07\\r\\n\\x9b2J');
  });
  it('colours header and NULL only when asked', async () => {
    const text = await render('table', { color: true }, [[1, null]]);
    expect(text).toContain('\u001b[1mid');
    expect(text).toContain('\u001b[2mNULL\u001b[0m');
  });
  it('wide characters are measured by display width', async () => {
    const text = await render('table', {}, [
      [1, '日本'],
      [2, 'abcd'],
    ]);
    expect(text.split('\n')).toContain(' 1 | 日本');
  });
  it('reports statements without rows', async () => {
    const { sink, text } = collectingSink();
    const writer = await createResultWriter(sink, { format: 'table', header: true, nullText: 'NULL', color: false });
    writer.status({ command: 'INSERT', affectedRows: 3 });
    expect(await text()).toBe('INSERT (3 rows affected)\n');
  });
});
