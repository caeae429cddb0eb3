// The rows a result on screen holds in full (its stream read to the end, nothing released), for
// `\export`: writing them needs no statement to run again.
import type { Column, Row } from '../../adapters/adapter.js';
import type { Outcome } from './outcome.js';

/** Above this many rows the store has released some (it keeps the first and the newest rows) */
const MOST_HELD = 20_000;

export interface HeldRows {
  columns: Column[];
  rows: Row[];
  statement: string;
  /** Every row of the result: it was read to its end. False after Ctrl+C (or a close) stopped the
   * reading early: the rows are only the first ones, and an export of them is partial. */
  whole: boolean;
}

/** The rows read so far when none was released; null when the result is still being read or lost rows. */
export function heldRows(outcome: Outcome | null): HeldRows | null {
  if (outcome?.kind !== 'rows' || !outcome.source.complete) return null;
  const store = outcome.source.rows;
  if (store.rowCount > MOST_HELD) return null;
  const rows = store.slice(0, store.rowCount);
  if (rows.some((row) => row === 'released' || row === undefined)) return null;
  return { columns: outcome.source.columns, rows: rows as Row[], statement: outcome.statement, whole: outcome.source.readToEnd };
}
