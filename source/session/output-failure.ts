// What a run says when its output stops early: a write that failed (a full disk, an I/O error),
// a reader that went away, or a statement that failed or was cut off after its rows began. Each
// says how many whole rows of the statement reached the output, and what was not run.
import type { FedStatement } from './statement-feed.js';

function rowsText(count: number): string {
  return `${count} ${count === 1 ? 'row' : 'rows'}`;
}

/** `n later statements were not run` / `the rest of the input was not run`, or null when nothing was left. */
export function notRunNote(statement: FedStatement, inputLeft: boolean): string | null {
  const { laterKnown } = statement;
  if (laterKnown > 0) return `${laterKnown} later ${laterKnown === 1 ? 'statement was' : 'statements were'} not run`;
  if (statement.moreMayFollow && inputLeft) return 'the rest of the input was not run';
  return null;
}

/** `N rows of this statement reached the output (the output is partial)[; why the JSON is not valid]` */
export function partialOutputNote(rows: number, cutOff: string | null): string {
  return `${rowsText(rows)} of this statement reached the output (the output is partial)${cutOff ? `; ${cutOff}` : ''}`;
}

/** After EPIPE with work left: the reader stopped reading, and what that left undone. */
export function readerGoneMessage(rows: number, where: string, notRun: string): string {
  return `the output was closed by its reader after ${rowsText(rows)} of the statement at ${where}; ${notRun}`;
}
