// o / O: the loaded rows of the newest result sorted by the focused column, client-side (nothing
// runs again); the same key again shows the server's order. Sorting stops reading a result that
// is still streaming: the sort is of the rows loaded, said on screen.
import { useCallback, useRef, useState } from 'react';
import type { Row } from '../../adapters/adapter.js';
import { columnSpan } from '../format/table-layout.js';
import type { Outcome } from '../query/outcome.js';
import { ResultSource } from '../query/result-source.js';
import type { ResultWindow, ResultWindowAction } from '../state/result-window.js';
import { sortRows, type SortDirection } from '../state/sort-rows.js';

interface Query {
  outcome: Outcome | null;
  running: unknown;
  windowRef: { readonly current: ResultWindow };
  scroll(action: ResultWindowAction): void;
  show(next: Outcome, options?: { inPlace?: boolean }): void;
  closeSource(): Promise<void>;
}
type RowsOutcome = Extract<Outcome, { kind: 'rows' }>;
interface Sorted {
  shown: RowsOutcome;
  original: RowsOutcome;
  column: number;
  direction: SortDirection;
  label: string;
}

export function useResultSort(query: Query, width: number, setNotice: (text: string | null) => void) {
  const [sorted, setSorted] = useState<Sorted | null>(null);
  const sortedRef = useRef(sorted);
  sortedRef.current = sorted;

  const showInPlace = useCallback(
    (next: RowsOutcome, column: number) => {
      query.show(next, { inPlace: true });
      // A new result resets the window: keep the column the user sorted by in focus.
      query.scroll({ type: 'focusColumn', column, ...columnSpan(next.source.layoutAt(width), column) });
    },
    [query, width],
  );

  const sort = useCallback(
    async (direction: SortDirection) => {
      const outcome = query.outcome;
      if (query.running !== null) {
        setNotice('a statement is running: sort once it is done');
        return;
      }
      if (outcome?.kind !== 'rows' || outcome.source.columns.length === 0) {
        setNotice('no result rows to sort');
        return;
      }
      const column = Math.min(query.windowRef.current.focusedColumn, outcome.source.columns.length - 1);
      const current = sortedRef.current?.shown === outcome ? sortedRef.current : null;
      const name = outcome.source.columns[column]?.name ?? '';
      if (current !== null && current.column === column && current.direction === direction) {
        setSorted(null);
        sortedRef.current = null;
        showInPlace(current.original, column);
        setNotice(`sort cleared: the server's order of the loaded rows`);
        return;
      }
      const original = current?.original ?? outcome;
      // A stream still open is closed first (it would hold its connection); what was read is sorted.
      const wasStreaming = !original.source.complete;
      if (current === null) await query.closeSource();
      const store = original.source.rows;
      const rows = store.slice(0, store.rowCount).filter((row): row is Row => Array.isArray(row));
      const whole = original.source.readToEnd && rows.length === store.rowCount;
      const source = ResultSource.fromLoadedRows(original.source.columns, sortRows(rows, column, direction), whole);
      const shown: RowsOutcome = { ...original, source };
      const label = `sorted client-side by ${name} ${direction === 'ascending' ? '↑' : '↓'} (loaded rows only)`;
      const next = { shown, original, column, direction, label };
      setSorted(next);
      sortedRef.current = next;
      showInPlace(shown, column);
      const again = `${direction === 'ascending' ? 'o' : 'O'} again: server order`;
      setNotice(wasStreaming ? `reading stopped at ${rows.length.toLocaleString('en-US')} rows · ${again}` : again);
    },
    [query, setNotice, showInPlace],
  );

  /** Said after the status text while the sorted rows are on screen. */
  const label = sorted !== null && sorted.shown === query.outcome ? sorted.label : null;
  return { sort, label };
}
