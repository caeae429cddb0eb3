// Where `\export` takes its rows from, decided before anything is written or run: the focused
// earlier block when it kept every row; the newest result's rows when it holds them all, or when
// its statement changes data (then written as a partial file, said so: it never runs again); a
// read-only statement run again for every row (said before it runs); otherwise a refusal.
import type { Column, Row } from '../../adapters/adapter.js';
import { classifyStatement } from '../../sql/classify-statement.js';
import type { SqlDialect } from '../../sql/dialect.js';
import type { FrozenBlock } from '../state/result-blocks.js';
import { oneLine } from './export-result.js';
import { heldRows } from './held-rows.js';
import type { Outcome } from './outcome.js';

export type ExportChoice =
  | { kind: 'refused'; outcome: Outcome }
  | { kind: 'held'; columns: Column[]; rows: Row[]; statement: string; partial: boolean }
  | { kind: 'rerun'; statement: string; notice: string };

export interface ExportSituation {
  /** The earlier block the person focused in the scrollback, if any */
  focused: FrozenBlock | null;
  /** The newest outcome on screen */
  newest: Outcome | null;
  /** The last read-only query run (for a newest outcome that is not rows) */
  lastReadOnlyQuery: string | null;
  dialect: SqlDialect;
  /** The `\export …` command as typed */
  command: string;
}

export function chooseExportRows({ focused, newest, lastReadOnlyQuery, dialect, command }: ExportSituation): ExportChoice {
  const refuse = (message: string, hint: string): ExportChoice => ({
    kind: 'refused',
    outcome: { kind: 'error', message, hint, statement: command, position: null },
  });
  if (focused) {
    if (focused.kind === 'rows' && focused.complete && focused.rows.length === focused.rowCount) {
      return { kind: 'held', columns: focused.columns, rows: focused.rows, statement: focused.statement, partial: false };
    }
    const what =
      focused.kind === 'rows'
        ? `kept only its first ${focused.rows.length} of ${focused.rowCount}${focused.complete ? '' : '+'} rows`
        : 'has no rows';
    return refuse(
      `The focused earlier result (${oneLine(focused.statement)}) ${what}.`,
      'Press ] until the newest result is focused to export it, or run the statement again and export that.',
    );
  }
  const held = heldRows(newest);
  const rowsStatement = newest?.kind === 'rows' ? newest.statement : null;
  const readOnly = rowsStatement !== null && classifyStatement(rowsStatement, dialect).readOnly;
  // A result whose reading was stopped (Ctrl+C) holds only its first rows.
  if (held !== null && (held.whole || !readOnly))
    return { kind: 'held', columns: held.columns, rows: held.rows, statement: held.statement, partial: !held.whole };
  if (rowsStatement !== null && !readOnly) {
    return refuse(
      `The result on screen (${oneLine(rowsStatement)}) no longer holds all its rows, and its statement changes data, so it is not run again.`,
      'Export a read-only query instead (e.g. select the rows it changed), or keep results under 20,000 rows.',
    );
  }
  const again = readOnly ? rowsStatement : lastReadOnlyQuery;
  if (again === null) return refuse('Nothing to export yet.', 'Run a query first; \\export runs it again into the file.');
  return {
    kind: 'rerun',
    statement: again,
    notice: `\\export runs ${oneLine(again)} again (read-only): the result on screen does not hold all its rows`,
  };
}
