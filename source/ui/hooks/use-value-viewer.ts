// The value viewer (v on a result): the focused row's values in full, wrapped and scrollable with
// the scroll keys; Esc (or v, q) closes it. The lines are built once per row and width.
import { useMemo } from 'react';
import type { Column, Row } from '../../adapters/adapter.js';
import { matches } from '../keys/key-bindings.js';
import type { KeyEvent } from '../keys/key-event.js';
import type { ScreenLine } from '../query/result-lines.js';
import { valueLines } from '../query/value-lines.js';
import { useRefState } from './use-ref-state.js';

export interface ViewedRow {
  columns: Column[];
  row: Row;
  rowNumber: number;
}

export function useValueViewer(width: number, height: number) {
  const [state, setState, stateRef] = useRefState<{ viewed: ViewedRow; offset: number } | null>(null);
  const body = useMemo(() => (state ? valueLines(state.viewed.columns, state.viewed.row, width) : []), [state?.viewed, width]);
  const room = Math.max(1, height - 1);
  const lastOffset = Math.max(0, body.length - room);

  const open = (viewed: ViewedRow) => setState({ viewed, offset: 0 });

  /** True when the key was the viewer's (every key is while it is open). */
  const handleKey = (event: KeyEvent): boolean => {
    const current = stateRef.current;
    if (current === null) return false;
    const moveTo = (offset: number) => setState({ ...current, offset: Math.max(0, Math.min(lastOffset, offset)) });
    if (matches(event, 'scroll.lineDown')) moveTo(current.offset + 1);
    else if (matches(event, 'scroll.lineUp')) moveTo(current.offset - 1);
    else if (matches(event, 'scroll.pageDown')) moveTo(current.offset + room);
    else if (matches(event, 'scroll.pageUp')) moveTo(current.offset - room);
    else if (matches(event, 'scroll.top')) moveTo(0);
    else if (matches(event, 'scroll.bottom')) moveTo(lastOffset);
    else if (matches(event, 'results.back') || matches(event, 'results.viewValue')) setState(null);
    return true;
  };

  const lines: ScreenLine[] | null =
    state === null
      ? null
      : [
          {
            text: `Row ${state.viewed.rowNumber}, whole values · ${body.length > room ? `lines ${state.offset + 1}-${Math.min(body.length, state.offset + room)} of ${body.length} · ` : ''}Esc closes`,
            tone: 'heading',
          },
          ...body
            .slice(state.offset, state.offset + room)
            .map((entry) => ({ text: entry.text, tone: entry.heading ? ('heading' as const) : ('normal' as const) })),
        ];
  return { isOpen: state !== null, open, handleKey, lines };
}
