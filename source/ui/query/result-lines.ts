// The lines the result area shows for an outcome: only the visible window of rows, each one
// pre-formatted line cut to the screen width at the horizontal offset.
import { escapeControl } from '../format/cell-text.js';
import { sliceColumns } from '../format/display-width.js';
import { wrapText } from '../format/wrap-columns.js';
import { escapeLines } from '../../text/escape-controls.js';
import { headerLine, recordLines, rowLine, ruleLine } from '../format/table-layout.js';
import { visibleTo, type ResultWindow } from '../state/result-window.js';
import { markPosition, type Outcome } from './outcome.js';

export type Tone = 'normal' | 'focused' | 'muted' | 'error' | 'heading';
/** `marks`: [from, to) string ranges of `text` shown highlighted (search matches) */
export interface ScreenLine {
  text: string;
  tone: Tone;
  marks?: ReadonlyArray<readonly [number, number]>;
}

/** Rows of the result area above the first data row (column names and rule). */
export const TABLE_CHROME = 2;

const line = (text: string, tone: Tone = 'normal'): ScreenLine => ({ text, tone });
/** Messages and info text can quote user input (a server error naming a table, a DSN value): never raw control characters. */
const safeLine = (text: string, tone: Tone = 'normal'): ScreenLine => line(escapeControl(text), tone);
/** A message over as many lines as it needs: its line breaks kept, each line wrapped to the width. */
const wrappedLines = (text: string, width: number, tone: Tone): ScreenLine[] =>
  wrapText(escapeLines(text), width).map((part) => line(part, tone));

export function resultLines(
  outcome: Outcome | null,
  window: ResultWindow,
  options: { width: number; height: number; recordView: boolean },
): ScreenLine[] {
  const { width, height } = options;
  if (outcome === null) {
    return [line('Type SQL and press Enter (a statement ending with ; or one line). \\? lists commands, F1 shows keys.', 'muted')];
  }
  switch (outcome.kind) {
    case 'done':
      return [line(outcome.summary), ...(outcome.warnings ?? []).flatMap((text) => wrappedLines(`WARNING: ${text}`, width, 'error'))];
    case 'error':
      return [
        ...wrappedLines(`ERROR: ${outcome.message}`, width, 'error'),
        ...markPosition(outcome.statement, outcome.position).map((text) => safeLine(text, 'error')),
        ...(outcome.hint ? wrappedLines(`HINT: ${outcome.hint}`, width, 'muted') : []),
      ];
    case 'info': {
      const lines = outcome.lines
        .slice(window.visibleFrom, window.visibleFrom + height - 1)
        .map((text) => line(sliceColumns(escapeControl(text), 0, width)));
      return [safeLine(outcome.title, 'heading'), ...lines];
    }
    case 'rows': {
      const { source } = outcome;
      if (options.recordView) {
        const row = source.rows.get(window.focused);
        if (row === undefined) return [line('(no rows)', 'muted')];
        if (row === 'released') return [line('This row was released to bound memory; re-run the statement to see it.', 'muted')];
        return recordLines(source.columns, row, window.focused + 1, width)
          .slice(0, height)
          .map((text, index) => line(sliceColumns(text, 0, width), index === 0 ? 'heading' : 'normal'));
      }
      const layout = source.layoutFor(window.visibleFrom, visibleTo(window), width);
      const cut = (text: string) => sliceColumns(text, window.horizontalOffset, width);
      const lines = [line(cut(headerLine(layout)), 'heading'), line(cut(ruleLine(layout)), 'muted')];
      for (let index = window.visibleFrom; index < visibleTo(window); index += 1) {
        const row = source.rows.get(index);
        const focused = index === window.focused;
        if (row === undefined) break;
        if (row === 'released')
          lines.push(line(`(row ${index + 1} released to bound memory; re-run to see it)`, focused ? 'focused' : 'muted'));
        else lines.push(line(cut(rowLine(layout, row)), focused ? 'focused' : 'normal'));
      }
      if (source.rows.rowCount === 0 && source.complete) lines.push(line('(no rows)', 'muted'));
      return lines;
    }
  }
}
