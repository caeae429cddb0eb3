// Column widths and one pre-formatted line per row. Widths come from the header and the first
// rows seen (later, wider values are cut with …) so the layout never jumps while scrolling.
// A column may take the room the screen has: only when the columns do not fit together is each
// capped, at its fair share of the width (never below MIN_COLUMN_CAP: then columns scroll).
import type { Column, Row } from '../../adapters/adapter.js';
import { rightAlignedColumns } from '../../output/table-cells.js';
import { cellText } from './cell-text.js';
import { displayWidth, padColumns, truncateColumns } from './display-width.js';
import { wrapColumns } from './wrap-columns.js';

/** Below this a fair share of the width would make values unreadable: columns scroll instead. */
export const MIN_COLUMN_CAP = 40;
export const COLUMN_SEPARATOR = ' │ ';

export interface TableLayout {
  columns: Column[];
  widths: number[];
  /** The most each column may widen to (its fair share of the screen) */
  caps: number[];
  rightAligned: boolean[];
  /** Total display width of one line */
  lineWidth: number;
}

/**
 * Each column's cap for natural (uncut) widths on a screen `viewWidth` wide: the narrow columns
 * keep their width and the rest share what is left equally (water-filling).
 */
export function fairCaps(natural: readonly number[], viewWidth: number): number[] {
  let room = Math.max(1, viewWidth - COLUMN_SEPARATOR.length * Math.max(0, natural.length - 1));
  const order = natural.map((width, index) => ({ width, index })).sort((a, b) => a.width - b.width);
  const caps = natural.map(() => MIN_COLUMN_CAP);
  order.forEach(({ width, index }, position) => {
    const share = Math.floor(room / (order.length - position));
    const cap = Math.max(MIN_COLUMN_CAP, share);
    caps[index] = cap;
    room = Math.max(0, room - Math.min(width, cap));
  });
  return caps;
}

const lineWidthOf = (widths: readonly number[]) =>
  widths.reduce((sum, width) => sum + width, 0) + COLUMN_SEPARATOR.length * Math.max(0, widths.length - 1);

/** `viewWidth`: the screen's width, which the columns share (unknown: each capped at MIN_COLUMN_CAP). */
export function layoutTable(columns: Column[], sample: readonly Row[], viewWidth = 0): TableLayout {
  const natural = columns.map((column) => Math.max(1, displayWidth(column.name)));
  for (const row of sample) {
    row.forEach((value, index) => {
      natural[index] = Math.max(natural[index] ?? 1, displayWidth(cellText(value, columns[index]?.type)));
    });
  }
  const numeric = rightAlignedColumns(columns, sample);
  const caps = fairCaps(natural, viewWidth);
  const widths = natural.map((width, index) => Math.min(width, caps[index] ?? MIN_COLUMN_CAP));
  return { columns, widths, caps, rightAligned: numeric, lineWidth: lineWidthOf(widths) };
}

/** The layout with columns widened (never narrowed) to fit these rows; the same object when nothing changed. */
export function widenLayout(layout: TableLayout, rows: readonly Row[]): TableLayout {
  let widths: number[] | null = null;
  for (const row of rows) {
    row.forEach((value, index) => {
      const needed = Math.min(layout.caps[index] ?? MIN_COLUMN_CAP, displayWidth(cellText(value, layout.columns[index]?.type)));
      if (needed > ((widths ?? layout.widths)[index] ?? 0)) {
        widths ??= [...layout.widths];
        widths[index] = needed;
      }
    });
  }
  if (widths === null) return layout;
  return { ...layout, widths, lineWidth: lineWidthOf(widths as number[]) };
}

function joinCells(layout: TableLayout, cells: string[]): string {
  return cells
    .map((cell, index) =>
      padColumns(truncateColumns(cell, layout.widths[index] ?? 1), layout.widths[index] ?? 1, layout.rightAligned[index] ?? false),
    )
    .join(COLUMN_SEPARATOR);
}

/** Where column `index` sits in a line: display columns [start, end). */
export function columnSpan(layout: TableLayout, index: number): { start: number; end: number } {
  const start = layout.widths.slice(0, index).reduce((sum, width) => sum + width + COLUMN_SEPARATOR.length, 0);
  return { start, end: start + (layout.widths[index] ?? 0) };
}

export function headerLine(layout: TableLayout): string {
  return joinCells(
    { ...layout, rightAligned: layout.rightAligned.map(() => false) },
    layout.columns.map((column) => column.name),
  );
}

export function ruleLine(layout: TableLayout): string {
  return layout.widths.map((width) => '─'.repeat(width)).join('─┼─');
}

export function rowLine(layout: TableLayout, row: Row): string {
  return joinCells(
    layout,
    layout.columns.map((column, index) => cellText(row[index] ?? null, column.type)),
  );
}

/** Record (expanded) view: one `name │ value` entry per column, a long value wrapped under itself. */
export function recordLines(columns: Column[], row: Row, rowNumber: number, width = Number.MAX_SAFE_INTEGER): string[] {
  const nameWidth = Math.max(...columns.map((column) => displayWidth(column.name)), 1);
  const room = Math.max(10, width - nameWidth - 3);
  return [
    `-[ RECORD ${rowNumber} ]`,
    ...columns.flatMap((column, index) =>
      wrapColumns(cellText(row[index] ?? null, column.type), room).map(
        (part, line) => `${padColumns(line === 0 ? column.name : '', nameWidth)} │ ${part}`,
      ),
    ),
  ];
}
