// The scrollback on screen: earlier results above the newest one, the keys that move between
// blocks ([ and ]), go to the focused block's start (s) and open it full screen (f, Esc back).
import { useMemo } from 'react';
import { matches, type KeyCommandId } from '../keys/key-bindings.js';
import type { KeyEvent } from '../keys/key-event.js';
import { frozenLines, olderLines, scrollbackLines, statementLine } from '../query/block-lines.js';
import type { ScreenLine } from '../query/result-lines.js';
import { focusedBlock } from '../state/result-blocks.js';
import { pagerOffset, type PagerMove } from '../state/line-pager.js';
import type { QuerySession } from './use-query-session.js';

const pagerMoves: Array<[KeyCommandId, PagerMove]> = [
  ['scroll.lineUp', 'lineUp'],
  ['scroll.lineDown', 'lineDown'],
  ['scroll.pageUp', 'pageUp'],
  ['scroll.pageDown', 'pageDown'],
  ['scroll.top', 'top'],
  ['scroll.bottom', 'bottom'],
];

/** The statement line and note the newest result has above and under its own lines */
export function newestChrome(query: QuerySession, width: number): { above: ScreenLine[]; below: ScreenLine[] } {
  const outcome = query.outcome;
  const statement = outcome && outcome.kind !== 'info' ? outcome.statement : (outcome?.statement ?? '');
  return {
    above: statement ? [statementLine(statement, width)] : [],
    below: query.note ? [{ text: query.note, tone: 'error' }] : [],
  };
}

export function useResultBlocks(query: QuerySession, width: number, height: number) {
  const { scrollback, scrollbackRef, dispatchScrollback: dispatch } = query;
  const older = useMemo(() => olderLines(scrollback, width), [scrollback.blocks, scrollback.dropped, width]);
  const block = focusedBlock(scrollback);
  const openOlder = scrollback.fullScreen && block !== null;

  /** True when the key was a block command (or paged an earlier block open full screen). */
  const handleKey = (event: KeyEvent): boolean => {
    // The state as of the keys before this one (they may not have rendered yet)
    const now = scrollbackRef.current;
    const nowBlock = focusedBlock(now);
    if (matches(event, 'blocks.previous')) {
      dispatch({ type: 'previous' });
      return true;
    }
    if (matches(event, 'blocks.next')) {
      dispatch({ type: 'next' });
      return true;
    }
    if (matches(event, 'blocks.fullScreen')) {
      dispatch({ type: 'toggleFullScreen' });
      return true;
    }
    if (now.fullScreen && matches(event, 'results.back')) {
      dispatch({ type: 'toggleFullScreen' });
      return true;
    }
    if (matches(event, 'blocks.start')) {
      if (nowBlock === null) query.scroll({ type: 'top' });
      dispatch({ type: 'page', offset: 0 });
      return true;
    }
    if (now.fullScreen && nowBlock !== null) {
      const move = pagerMoves.find(([id]) => matches(event, id));
      if (move) dispatch({ type: 'page', offset: pagerOffset(now.offset, move[1], frozenLines(nowBlock, width, null).length, height) });
      return move !== undefined;
    }
    return false;
  };

  const lines = (current: ScreenLine[]) => scrollbackLines(scrollback, older, current, width, height);
  return { handleKey, lines, openOlder, focused: block };
}
