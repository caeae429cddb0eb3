// What a table shows in a cell and which columns it right-aligns: one rule for the CLI's table
// output and the console's grid, which differ only in the text for NULL (`--null`, default NULL;
// the console's ∅) and their separators.
import type { Column, Row, Value } from '../adapters/adapter.js';
import { escapeControls } from '../text/escape-controls.js';
import { wallClockText } from './wall-clock-text.js';

/**
 * One value as one line of cell text: control characters escaped (data never moves the cursor or
 * changes colours); `columnType` (Column.type) lets a zone-less date-time show as the server wrote
 * it (wall-clock-text.ts).
 */
export function tableCellText(value: Value, nullText: string, columnType?: string): string {
  if (value === null) return nullText;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return escapeControls(wallClockText(value, columnType));
}

/** A number, or a decimal number as text (numeric, bigint and decimal arrive as text). */
export function isNumeric(value: Value): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
}

/**
 * A column is right-aligned when the sample holds a value in it and every non-NULL value is a
 * number, as psql aligns numeric columns; a column of NULLs only stays left-aligned.
 */
export function rightAlignedColumns(columns: readonly Column[], sample: readonly Row[]): boolean[] {
  const seen = columns.map(() => false);
  const numeric = columns.map(() => true);
  for (const row of sample) {
    row.forEach((value, index) => {
      if (value === null) return;
      seen[index] = true;
      if (!isNumeric(value)) numeric[index] = false;
    });
  }
  return numeric.map((all, index) => all && seen[index] === true);
}
