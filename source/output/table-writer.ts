// Aligned text for a person at a terminal. Column widths come from the header and the first chunk
// of rows (so output starts before the result is fully read); a later, wider value widens its own
// line only. Control characters in values are shown escaped, never sent to the terminal.
import stringWidth from 'string-width';
import type { Column, Row, Value } from '../adapters/adapter.js';
import type { FormatOptions } from './format-options.js';
import type { OutputSink } from './output-sink.js';
import type { ResultWriter, StatementStatus } from './result-writer.js';
import { RowEnds } from './row-marks.js';
import { escapeControls } from './value-text.js';
import { rightAlignedColumns, tableCellText } from './table-cells.js';

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

interface Cell {
  text: string;
  width: number;
  isNull: boolean;
}

export class TableWriter implements ResultWriter {
  private columns: Column[] = [];
  private widths: number[] | null = null;
  private rightAligned: boolean[] = [];

  constructor(
    private readonly sink: OutputSink,
    private readonly options: FormatOptions,
  ) {}

  begin(columns: Column[]): void {
    this.columns = columns;
    this.widths = null;
  }

  rows(rows: Row[]): void {
    const cells = rows.map((row) => row.map((value, index) => this.cell(value, this.columns[index]?.type)));
    if (this.widths === null) {
      // Alignment, like the widths, comes from the first chunk, so output starts at once.
      this.rightAligned = rightAlignedColumns(this.columns, rows);
      this.widths = this.columns.map((column, i) =>
        Math.max(stringWidth(escapeControls(column.name)), ...cells.map((row) => row[i]?.width ?? 0)),
      );
      this.writeHeader();
    }
    let text = '';
    const ends: number[] = [];
    for (const row of cells) {
      text += `${this.line(row)}\n`;
      ends.push(text.length);
    }
    this.sink.write(text, new RowEnds(ends));
  }

  end(rowCount: number): void {
    if (this.widths === null) this.rows([]);
    this.sink.write(`(${rowCount} ${rowCount === 1 ? 'row' : 'rows'})\n\n`);
  }

  status({ command, affectedRows }: StatementStatus): void {
    const what = command ?? 'OK';
    this.sink.write(affectedRows === null ? `${what}\n` : `${what} (${affectedRows} ${affectedRows === 1 ? 'row' : 'rows'} affected)\n`);
  }

  private writeHeader(): void {
    if (!this.options.header) return;
    const widths = this.widths!;
    const names = this.columns.map((column, i) => {
      const name = escapeControls(column.name);
      const padded = name + ' '.repeat(Math.max(0, widths[i]! - stringWidth(name)));
      return this.options.color ? `${BOLD}${padded}${RESET}` : padded;
    });
    this.sink.write(`${names.join(' | ').trimEnd()}\n${widths.map((w) => '-'.repeat(w)).join('-+-')}\n`);
  }

  private cell(value: Value, columnType: string | undefined): Cell {
    const text = tableCellText(value, escapeControls(this.options.nullText), columnType);
    return { text, width: stringWidth(text), isNull: value === null };
  }

  private line(row: Cell[]): string {
    const widths = this.widths!;
    const parts = row.map((cell, i) => {
      const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - cell.width));
      const text = cell.isNull && this.options.color ? `${DIM}${cell.text}${RESET}` : cell.text;
      return this.rightAligned[i] === true ? pad + text : text + pad;
    });
    return parts.join(' | ').trimEnd();
  }
}
