// What a copy key takes from the result on screen: the focused cell, the focused row, the focused
// column or every loaded row, as text and a description for the status line.
import type { Row } from '../../adapters/adapter.js';
import type { Outcome } from '../query/outcome.js';
import { copyFormatLabels, copyText, rawValueText, type CopyFormat } from './copy-text.js';

export type CopyScope = 'cell' | 'row' | 'column' | 'result';
export interface CopySelection {
  text: string;
  what: string;
}
export interface CopyFailure {
  nothing: string;
}

/** Every row read so far that is still held (rows released to bound memory are counted, not copied). */
function loadedRows(outcome: Extract<Outcome, { kind: 'rows' }>): { rows: Row[]; released: number } {
  const rows: Row[] = [];
  let released = 0;
  for (let index = 0; index < outcome.source.rows.rowCount; index += 1) {
    const row = outcome.source.rows.get(index);
    if (row === 'released') released += 1;
    else if (row !== undefined) rows.push(row);
  }
  return { rows, released };
}

export function copySelection(
  outcome: Outcome | null,
  scope: CopyScope,
  focusedRow: number,
  focusedColumn: number,
  format: CopyFormat = 'tsv',
): CopySelection | CopyFailure {
  if (outcome?.kind !== 'rows') return { nothing: 'nothing to copy (no result rows)' };
  const { columns } = outcome.source;
  const column = columns[focusedColumn];
  if (scope === 'cell' || scope === 'row') {
    const row = outcome.source.rows.get(focusedRow);
    if (row === undefined || row === 'released') return { nothing: 'nothing to copy (no row focused)' };
    if (scope === 'row') return { text: row.map(rawValueText).join('\t'), what: `row ${focusedRow + 1}` };
    if (column === undefined) return { nothing: 'nothing to copy (no column)' };
    return { text: rawValueText(row[focusedColumn] ?? null), what: `cell ${column.name} of row ${focusedRow + 1}` };
  }
  const { rows, released } = loadedRows(outcome);
  const more = outcome.source.complete ? '' : ' loaded so far';
  const skipped = released > 0 ? `, ${released.toLocaleString('en-US')} released rows left out` : '';
  const count = `${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? 'row' : 'rows'}${more}${skipped}`;
  if (scope === 'column') {
    if (column === undefined) return { nothing: 'nothing to copy (no column)' };
    const text = copyText(
      [column],
      rows.map((row) => [row[focusedColumn] ?? null]),
      format,
    );
    return { text, what: `column ${column.name} as ${copyFormatLabels[format]}, ${count}` };
  }
  return { text: copyText(columns, rows, format), what: `the result as ${copyFormatLabels[format]}, ${count}` };
}
