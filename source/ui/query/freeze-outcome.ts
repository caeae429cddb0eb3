// A result as it stays in the scrollback once a newer one replaces it: its statement, its message,
// and at most KEPT_ROWS of its rows (the result's source, with its stream, is let go).
import type { Row } from '../../adapters/adapter.js';
import { describeRowCount } from '../state/result-window.js';
import type { FrozenBlock } from '../state/result-blocks.js';
import { formatElapsed, markPosition, type Outcome } from './outcome.js';

/** Rows an earlier result keeps (for its full-screen view and \export) */
export const KEPT_ROWS = 1000;

let nextId = 1;

export function freezeOutcome(outcome: Outcome, note: string | null = null): FrozenBlock {
  const base = { id: nextId++, columns: [], rows: [], rowCount: 0, complete: true, text: [], footer: '', note };
  switch (outcome.kind) {
    case 'rows': {
      const store = outcome.source.rows;
      const rows: Row[] = [];
      for (let index = 0; index < Math.min(KEPT_ROWS, store.rowCount); index += 1) {
        const row = store.get(index);
        if (!Array.isArray(row)) break;
        rows.push(row);
      }
      // Closed before its end (a newer statement ran): what was read, "500+ rows".
      const complete = outcome.source.readToEnd;
      const count = describeRowCount({ rowCount: store.rowCount, complete });
      return {
        ...base,
        kind: 'rows',
        statement: outcome.statement,
        columns: outcome.source.columns,
        rows,
        rowCount: store.rowCount,
        complete,
        footer: `${count} · ${formatElapsed(outcome.elapsedMs)}`,
      };
    }
    case 'done':
      return {
        ...base,
        kind: 'text',
        statement: outcome.statement,
        footer: formatElapsed(outcome.elapsedMs),
        text: [
          { text: outcome.summary, tone: 'normal' },
          ...(outcome.warnings ?? []).map((text) => ({ text: `WARNING: ${text}`, tone: 'error' as const })),
        ],
      };
    case 'error':
      return {
        ...base,
        kind: 'text',
        statement: outcome.statement,
        text: [
          { text: `ERROR: ${outcome.message}`, tone: 'error' },
          ...markPosition(outcome.statement, outcome.position).map((text) => ({ text, tone: 'error' as const })),
          ...(outcome.hint ? [{ text: `HINT: ${outcome.hint}`, tone: 'muted' as const }] : []),
        ],
      };
    case 'info':
      return {
        ...base,
        kind: 'text',
        statement: outcome.statement ?? '',
        text: [
          { text: outcome.title, tone: 'normal' },
          ...outcome.lines.slice(0, KEPT_ROWS).map((text) => ({ text, tone: 'normal' as const })),
        ],
        footer: outcome.lines.length > KEPT_ROWS ? `showing first ${KEPT_ROWS} of ${outcome.lines.length} lines` : '',
      };
  }
}
