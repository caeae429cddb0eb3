// Scrolling a list of fixed lines a page at a time (the value viewer, a result block opened full
// screen): the new first line for a scroll command, clamped to the lines there are.
export type PagerMove = 'lineUp' | 'lineDown' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export function pagerOffset(offset: number, move: PagerMove, total: number, room: number): number {
  const last = Math.max(0, total - room);
  const page = Math.max(1, room);
  const next = { lineUp: offset - 1, lineDown: offset + 1, pageUp: offset - page, pageDown: offset + page, top: 0, bottom: last }[move];
  return Math.max(0, Math.min(last, next));
}
