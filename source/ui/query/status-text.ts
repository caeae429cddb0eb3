// The status line's text for an outcome: row count ("N+ so far" while streaming), position,
// horizontal offset and timing.
import { describeRowCount, type ResultWindow } from '../state/result-window.js';
import { formatElapsed, type Outcome } from './outcome.js';

export function statusText(outcome: Outcome | null, window: ResultWindow, options: { timing: boolean; focus: string }): string {
  if (outcome === null) return '';
  const time = (ms: number) => (options.timing ? ` · ${formatElapsed(ms)}` : '');
  switch (outcome.kind) {
    case 'rows': {
      const position = window.rowCount > 0 ? ` · row ${(window.focused + 1).toLocaleString('en-US')}` : '';
      const shifted = window.horizontalOffset > 0 ? ` · column +${window.horizontalOffset}` : '';
      // A stream that failed after its first rows (connection lost, statement timeout)
      const failure = outcome.source.failure ? ` · reading stopped: ${outcome.source.failure.message}` : '';
      return `${describeRowCount(window)}${position}${shifted}${time(outcome.elapsedMs)}${failure}`;
    }
    case 'done':
      return options.timing ? formatElapsed(outcome.elapsedMs) : '';
    case 'error':
      return '';
    case 'info':
      return window.rowCount > window.height
        ? `${window.visibleFrom + 1}-${Math.min(window.rowCount, window.visibleFrom + window.height)} of ${window.rowCount} lines`
        : '';
  }
}
