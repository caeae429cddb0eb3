// One writer per output format. The runner calls begin → rows* → end for each statement that
// returns rows, status for one that does not, and awaits the sink between chunks.
import type { Column, Row } from '../adapters/adapter.js';

export interface StatementStatus {
  command: string | null;
  affectedRows: number | null;
}

export interface ResultWriter {
  begin(columns: Column[]): void;
  rows(rows: Row[]): void;
  end(rowCount: number): void;
  status(status: StatementStatus): void;
  /** What to add when the output stops inside a result (before its end was written): JSON's array is then never closed */
  cutOffNote?(): string | null;
}
