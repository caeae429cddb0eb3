// The scrollback's lines: each earlier block as fixed lines (built once per width, so a keystroke
// never formats old rows again), the newest result's live lines under them, newest at the bottom.
import { escapeControl } from '../format/cell-text.js';
import { sliceColumns } from '../format/display-width.js';
import { headerLine, layoutTable, rowLine, ruleLine } from '../format/table-layout.js';
import { wrapText } from '../format/wrap-columns.js';
import { escapeLines } from '../../text/escape-controls.js';
import type { FrozenBlock, Scrollback } from '../state/result-blocks.js';
import type { ScreenLine } from './result-lines.js';

/** Rows an earlier block shows in the scrollback (all it keeps: open it full screen) */
export const PREVIEW_ROWS = 10;
/** Rows used to size an earlier block's columns */
const LAYOUT_SAMPLE = 200;

/** The block's statement as its first line: `› select 1;` (a longer one cut with …). */
export function statementLine(statement: string, width: number): ScreenLine {
  const lines = statement.trim().split('\n');
  const text = `› ${escapeControl(lines[0] ?? '')}${lines.length > 1 ? ' …' : ''}`;
  return { text: sliceColumns(text, 0, width), tone: 'heading' };
}

const cache = new WeakMap<FrozenBlock, Map<string, ScreenLine[]>>();

/** An earlier block's lines; `rows`: how many of its rows (all it keeps when null). */
export function frozenLines(block: FrozenBlock, width: number, rows: number | null = PREVIEW_ROWS): ScreenLine[] {
  const key = `${width}:${rows}`;
  const cached = cache.get(block)?.get(key);
  if (cached) return cached;
  const lines: ScreenLine[] = block.statement === '' ? [] : [statementLine(block.statement, width)];
  if (block.kind === 'rows') {
    const layout = layoutTable(block.columns, block.rows.slice(0, LAYOUT_SAMPLE), width);
    const cut = (text: string) => sliceColumns(text, 0, width);
    lines.push({ text: cut(headerLine(layout)), tone: 'heading' }, { text: cut(ruleLine(layout)), tone: 'muted' });
    const shown = block.rows.slice(0, rows ?? block.rows.length);
    for (const row of shown) lines.push({ text: cut(rowLine(layout, row)), tone: 'normal' });
    if (block.rowCount === 0) lines.push({ text: '(no rows)', tone: 'muted' });
    const total = `${block.rowCount.toLocaleString('en-US')}${block.complete ? '' : '+'} rows`;
    if (shown.length < block.rowCount || !block.complete)
      lines.push({
        text: cut(
          `showing first ${shown.length.toLocaleString('en-US')} of ${total}${rows !== null && shown.length < block.rows.length ? ' (f: full screen)' : ''} · ${block.footer}`,
        ),
        tone: 'muted',
      });
    else lines.push({ text: cut(block.footer), tone: 'muted' });
  } else {
    const text = block.text.flatMap((entry) => wrapText(escapeLines(entry.text), width).map((part) => ({ text: part, tone: entry.tone })));
    // A long listing (\dt, \?) shows its start; an error or summary of a few lines shows whole.
    const cut = rows !== null && text.length > 2 * rows;
    lines.push(...(cut ? text.slice(0, rows) : text));
    if (cut) lines.push({ text: `… ${(text.length - rows).toLocaleString('en-US')} more lines (f: full screen)`, tone: 'muted' });
    if (block.footer !== '') lines.push({ text: block.footer, tone: 'muted' });
  }
  if (block.note) for (const part of wrapText(block.note, width)) lines.push({ text: part, tone: 'error' });
  const forBlock = cache.get(block) ?? new Map<string, ScreenLine[]>();
  forBlock.set(key, lines);
  cache.set(block, forBlock);
  return lines;
}

export function droppedLine(state: Scrollback): ScreenLine[] {
  if (state.dropped === 0) return [];
  const count = `${state.dropped.toLocaleString('en-US')} older result${state.dropped === 1 ? '' : 's'} dropped`;
  return [
    {
      text: `${count} (the scrollback keeps ${state.limits.blocks} results and ${state.limits.rows.toLocaleString('en-US')} rows)`,
      tone: 'muted',
    },
  ];
}

/** Where each earlier block starts in `lines` (after the dropped notice) */
export interface OlderLines {
  lines: ScreenLine[];
  starts: number[];
}

export function olderLines(state: Scrollback, width: number): OlderLines {
  const lines = [...droppedLine(state)];
  const starts: number[] = [];
  for (const block of state.blocks) {
    starts.push(lines.length);
    lines.push(...frozenLines(block, width));
  }
  return { lines, starts };
}

/** What the result area shows: `current` is the newest result's live lines (its statement first). */
export function scrollbackLines(state: Scrollback, older: OlderLines, current: ScreenLine[], width: number, height: number): ScreenLine[] {
  const block = state.focused === null ? null : (state.blocks[state.focused] ?? null);
  if (state.fullScreen && block) {
    const lines = frozenLines(block, width, null);
    return lines.slice(state.offset, state.offset + height);
  }
  if (state.fullScreen || block === null) {
    if (state.fullScreen) return current.slice(0, height);
    const room = Math.max(0, height - current.length);
    return [...(room > 0 ? older.lines.slice(-room) : []), ...current].slice(0, height);
  }
  const start = older.starts[state.focused ?? 0] ?? 0;
  const lines = [...older.lines.slice(start), ...current].slice(0, height);
  // The focused block's statement stands out.
  const [first, ...rest] = lines;
  return first ? [{ ...first, tone: 'focused' }, ...rest] : lines;
}
