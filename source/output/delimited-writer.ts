// csv (RFC 4180 quoting, LF line ends like psql --csv and PostgreSQL COPY) and tsv (PostgreSQL
// text-COPY escapes: \t \n \r \\, so every row is one line and every field one column).
import type { Column, Row, Value } from '../adapters/adapter.js';
import type { FormatOptions } from './format-options.js';
import type { TextSink } from './output-sink.js';
import type { ResultWriter, StatementStatus } from './result-writer.js';
import { RowEnds } from './row-marks.js';
import { escapeControls, valueText } from './value-text.js';

const CSV_NEEDS_QUOTES = /[",\r\n]/;
/** A line holding only \. ends the data for PostgreSQL's COPY FROM: quoted in a one-column row, as COPY does. */
const END_OF_DATA = '\\.';
const TSV_SPECIAL = /[\\\t\n\r]/g;
const TSV_NEEDS_ESCAPE = /[\\\t\n\r]/;
const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export class DelimitedWriter implements ResultWriter {
  private readonly field: (value: Value) => string;
  private readonly separator: string;

  constructor(
    private readonly sink: TextSink,
    private readonly options: FormatOptions,
  ) {
    const csv = options.format === 'csv';
    this.separator = csv ? ',' : '\t';
    const field = csv ? (value: Value) => this.csvField(value) : (value: Value) => this.tsvField(value);
    this.field = options.terminal ? (value) => escapeControls(field(value)) : field;
  }

  begin(columns: Column[]): void {
    if (!this.options.header) return;
    const names = columns.map((column) => column.name);
    if (this.separator === ',' && names.length === 1 && names[0] === END_OF_DATA) this.sink.write(`"${END_OF_DATA}"\n`);
    else this.sink.write(`${names.map((name) => this.field(name)).join(this.separator)}\n`);
  }

  rows(rows: Row[]): void {
    // Plain loops and string concatenation: this runs once per field of a million-row result.
    const ends: number[] = [];
    if (this.separator === ',' && !this.options.terminal) {
      this.sink.write(this.csvRows(rows, ends), new RowEnds(ends));
      return;
    }
    const { field, separator } = this;
    let text = '';
    for (const row of rows) {
      for (let i = 0; i < row.length; i += 1) {
        if (i > 0) text += separator;
        text += field(row[i]!);
      }
      text += '\n';
      ends.push(text.length);
    }
    this.sink.write(text, new RowEnds(ends));
  }

  /** csvField inlined for the common kinds (strings, numbers, NULL): ~10% of a CSV export's CPU. */
  private csvRows(rows: Row[], ends: number[]): string {
    const nullText = this.options.nullText;
    let text = '';
    for (const row of rows) {
      for (let i = 0; i < row.length; i += 1) {
        if (i > 0) text += ',';
        const value = row[i]!;
        if (typeof value === 'string') {
          text +=
            value === nullText || CSV_NEEDS_QUOTES.test(value) || (value === END_OF_DATA && row.length === 1)
              ? `"${value.replaceAll('"', '""')}"`
              : value;
        } else if (typeof value === 'number') {
          text += String(value);
        } else {
          text += this.csvField(value);
        }
      }
      text += '\n';
      ends.push(text.length);
    }
    return text;
  }

  end(_rowCount: number): void {}

  status(_status: StatementStatus): void {}

  private csvField(value: Value): string {
    if (value === null) return this.options.nullText;
    if (typeof value === 'number') return String(value);
    const text = valueText(value);
    // Quote what would otherwise read back as NULL (the empty string, or the --null text itself).
    if (CSV_NEEDS_QUOTES.test(text) || text === this.options.nullText) {
      return `"${text.replaceAll('"', '""')}"`;
    }
    return text;
  }

  private tsvField(value: Value): string {
    if (value === null) return this.options.nullText;
    if (typeof value !== 'string') return String(value);
    return TSV_NEEDS_ESCAPE.test(value) ? value.replace(TSV_SPECIAL, (ch) => TSV_ESCAPES[ch]!) : value;
  }
}
