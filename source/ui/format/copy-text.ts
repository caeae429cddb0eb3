// A result's raw values as clipboard text: TSV and CSV through the writers of source/output/
// (one quoting rule for files and the clipboard), Markdown as a pipe table.
import type { Column, Row, Value } from '../../adapters/adapter.js';
import { DelimitedWriter } from '../../output/delimited-writer.js';
import { defaultNullText } from '../../output/format-options.js';
import { valueText } from '../../output/value-text.js';

export type CopyFormat = 'tsv' | 'csv' | 'markdown';
export const copyFormatLabels: Record<CopyFormat, string> = { tsv: 'TSV', csv: 'CSV', markdown: 'Markdown' };

/** One value as it is, not as the grid shows it: NULL is empty, control characters are kept. */
export function rawValueText(value: Value): string {
  return value === null ? '' : valueText(value);
}

function delimitedText(columns: Column[], rows: readonly Row[], format: 'tsv' | 'csv'): string {
  let text = '';
  const writer = new DelimitedWriter(
    {
      write: (chunk) => {
        text += chunk;
      },
    },
    { format, header: true, nullText: defaultNullText(format), color: false },
  );
  writer.begin(columns);
  writer.rows([...rows]);
  return text;
}

/** A Markdown cell: pipes escaped and line breaks as <br> so the table stays one line a row. */
function markdownCell(value: Value): string {
  return rawValueText(value)
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

function markdownText(columns: Column[], rows: readonly Row[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
  return (
    line(columns.map((column) => markdownCell(column.name))) +
    line(columns.map(() => '---')) +
    rows.map((row) => line(columns.map((_, index) => markdownCell(row[index] ?? null)))).join('')
  );
}

export function copyText(columns: Column[], rows: readonly Row[], format: CopyFormat): string {
  return format === 'markdown' ? markdownText(columns, rows) : delimitedText(columns, rows, format);
}
