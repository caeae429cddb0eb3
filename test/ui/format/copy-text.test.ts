// Clipboard text of a result: the raw values, quoted by the output writers' rules (CSV, TSV) or
// as a Markdown table.
import { describe, expect, it } from 'vitest';
import { copyText, rawValueText } from '../../../source/ui/format/copy-text.js';
import type { Column, Row } from '../../../source/adapters/adapter.js';

const columns: Column[] = [
  { name: 'id', type: 'int4' },
  { name: 'note', type: 'text' },
];
const rows: Row[] = [
  [1, 'a,b "c"'],
  [2, null],
  [3, 'tab\there|pipe\nline'],
  [4, ''],
];

describe('copy text', () => {
  it('CSV as the csv writer: RFC 4180 quotes, NULL empty, the empty string quoted', () => {
    expect(copyText(columns, rows, 'csv')).toBe('id,note\n1,"a,b ""c"""\n2,\n3,"tab\there|pipe\nline"\n4,""\n');
  });
  it('TSV as the tsv writer: COPY escapes, NULL as \\N', () => {
    expect(copyText(columns, rows, 'tsv')).toBe('id\tnote\n1\ta,b "c"\n2\t\\N\n3\ttab\\there|pipe\\nline\n4\t\n');
  });
  it('Markdown: pipes escaped, line breaks as <br>, NULL empty', () => {
    expect(copyText(columns, rows, 'markdown')).toBe(
      '| id | note |\n| --- | --- |\n| 1 | a,b "c" |\n| 2 |  |\n| 3 | tab\there\\|pipe<br>line |\n| 4 |  |\n',
    );
  });
  it('a cell is its raw value: control characters kept, NULL empty', () => {
    expect(rawValueText('a\x1bb')).toBe('a\x1bb');
    expect(rawValueText(null)).toBe('');
    expect(rawValueText(true)).toBe('true');
  });
});
