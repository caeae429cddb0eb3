// Column widths and one pre-formatted line per row. Widths come from the header and the first
// rows seen (later, wider values are cut with …) so the layout never jumps while scrolling.
import type { Column, Row } from '../../adapters/adapter.js';
import { cellText, isNumeric } from './cell-text.js';
import { displayWidth, padColumns, truncateColumns } from './display-width.js';

export const MAX_COLUMN_WIDTH = 40;
export const COLUMN_SEPARATOR = ' │ ';

export interface TableLayout {
  columns: Column[];
  widths: number[];
  rightAligned: boolean[];
  /** Total display width of one line */
  lineWidth: number;
}

export function layoutTable(columns: Column[], sample: readonly Row[]): TableLayout {
  const widths = columns.map((column) => Math.min(MAX_COLUMN_WIDTH, Math.max(1, displayWidth(column.name))));
  const numeric = columns.map(() => sample.length > 0);
  for (const row of sample) {
    row.forEach((value, index) => {
      widths[index] = Math.min(MAX_COLUMN_WIDTH, Math.max(widths[index] ?? 1, displayWidth(cellText(value))));
      if (value !== null && !isNumeric(value)) numeric[index] = false;
    });
  }
  const lineWidth = widths.reduce((sum, width) => sum + width, 0) + COLUMN_SEPARATOR.length * Math.max(0, widths.length - 1);
  return { columns, widths, rightAligned: numeric, lineWidth };
}

/** The layout with columns widened (never narrowed) to fit these rows; the same object when nothing changed. */
export function widenLayout(layout: TableLayout, rows: readonly Row[]): TableLayout {
  let widths: number[] | null = null;
  for (const row of rows) {
    row.forEach((value, index) => {
      const needed = Math.min(MAX_COLUMN_WIDTH, displayWidth(cellText(value)));
      if (needed > ((widths ?? layout.widths)[index] ?? 0)) {
        widths ??= [...layout.widths];
        widths[index] = needed;
      }
    });
  }
  if (widths === null) return layout;
  const lineWidth = (widths as number[]).reduce((sum, width) => sum + width, 0) + COLUMN_SEPARATOR.length * Math.max(0, (widths as number[]).length - 1);
  return { ...layout, widths, lineWidth };
}

function joinCells(layout: TableLayout, cells: string[]): string {
  return cells.map((cell, index) => padColumns(truncateColumns(cell, layout.widths[index] ?? 1), layout.widths[index] ?? 1, layout.rightAligned[index] ?? false)).join(COLUMN_SEPARATOR);
}

export function headerLine(layout: TableLayout): string {
  return joinCells({ ...layout, rightAligned: layout.rightAligned.map(() => false) }, layout.columns.map((column) => column.name));
}

export function ruleLine(layout: TableLayout): string {
  return layout.widths.map((width) => '─'.repeat(width)).join('─┼─');
}

export function rowLine(layout: TableLayout, row: Row): string {
  return joinCells(layout, layout.columns.map((_, index) => cellText(row[index] ?? null)));
}

/** Record (expanded) view: one `name │ value` line per column. */
export function recordLines(columns: Column[], row: Row, rowNumber: number): string[] {
  const nameWidth = Math.max(...columns.map((column) => displayWidth(column.name)), 1);
  return [
    `-[ RECORD ${rowNumber} ]`,
    ...columns.map((column, index) => `${padColumns(column.name, nameWidth)} │ ${cellText(row[index] ?? null)}`),
  ];
}
