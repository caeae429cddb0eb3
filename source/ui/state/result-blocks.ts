// The scrollback of earlier results: a pure reducer over frozen blocks (oldest first; the newest
// result is the live outcome, not in here), which one is focused, whether it is open full screen,
// and how many were dropped to bound memory (oldest first, past a number of blocks or held rows).
import type { Column, Row } from '../../adapters/adapter.js';

/** An earlier result as it stays: its statement, what it said, and at most a bounded set of rows. */
export interface FrozenBlock {
  id: number;
  statement: string;
  /** Lines for what is not a grid (a write's summary, an error with its hint, an info listing) */
  kind: 'rows' | 'text';
  columns: Column[];
  /** The first rows of a result (bounded), for its grid and \export */
  rows: Row[];
  /** Rows the result had (read so far when it was not read to the end) */
  rowCount: number;
  /** The result was read to the end */
  complete: boolean;
  text: Array<{ text: string; tone: 'normal' | 'error' | 'muted' }>;
  /** "1 row · 0.4 ms", said under the block */
  footer: string;
  /** "stopped at the error: 2 statements did not run" */
  note: string | null;
}

export interface ScrollbackLimits {
  blocks: number;
  rows: number;
}

export interface Scrollback {
  blocks: FrozenBlock[];
  dropped: number;
  /** A block of `blocks` the view starts at; null: the newest result, at the bottom */
  focused: number | null;
  fullScreen: boolean;
  /** First line shown of a block open full screen */
  offset: number;
  limits: ScrollbackLimits;
}

export type ScrollbackAction =
  | { type: 'push'; block: FrozenBlock }
  | { type: 'previous' }
  | { type: 'next' }
  | { type: 'toggleFullScreen' }
  | { type: 'page'; offset: number }
  | { type: 'newest' };

export const DEFAULT_SCROLLBACK_LIMITS: ScrollbackLimits = { blocks: 100, rows: 20_000 };

export function initialScrollback(limits: ScrollbackLimits = DEFAULT_SCROLLBACK_LIMITS): Scrollback {
  return { blocks: [], dropped: 0, focused: null, fullScreen: false, offset: 0, limits };
}

/** The limits with `DSNSH_SCROLLBACK_BLOCKS` (earlier results kept) from the environment. */
export function scrollbackLimits(env: NodeJS.ProcessEnv): ScrollbackLimits {
  const blocks = Number.parseInt(env.DSNSH_SCROLLBACK_BLOCKS ?? '', 10);
  return { ...DEFAULT_SCROLLBACK_LIMITS, blocks: Number.isSafeInteger(blocks) && blocks >= 1 ? blocks : DEFAULT_SCROLLBACK_LIMITS.blocks };
}

const heldRows = (blocks: readonly FrozenBlock[]) => blocks.reduce((sum, block) => sum + block.rows.length, 0);

export function scrollbackReducer(state: Scrollback, action: ScrollbackAction): Scrollback {
  switch (action.type) {
    case 'push': {
      const blocks = [...state.blocks, action.block];
      let dropped = state.dropped;
      while (blocks.length > 1 && (blocks.length > state.limits.blocks || heldRows(blocks) > state.limits.rows)) {
        blocks.shift();
        dropped += 1;
      }
      // A new result brings the view back to the newest.
      return { ...state, blocks, dropped, focused: null, fullScreen: false, offset: 0 };
    }
    case 'previous': {
      if (state.blocks.length === 0) return state;
      const focused = state.focused === null ? state.blocks.length - 1 : Math.max(0, state.focused - 1);
      return { ...state, focused, offset: 0 };
    }
    case 'next': {
      if (state.focused === null) return state;
      const focused = state.focused + 1 < state.blocks.length ? state.focused + 1 : null;
      return { ...state, focused, offset: 0 };
    }
    case 'toggleFullScreen':
      return { ...state, fullScreen: !state.fullScreen, offset: 0 };
    case 'page':
      return { ...state, offset: Math.max(0, action.offset) };
    case 'newest':
      return { ...state, focused: null, fullScreen: false, offset: 0 };
  }
}

/** The focused earlier block, if one is. */
export function focusedBlock(state: Scrollback): FrozenBlock | null {
  return state.focused === null ? null : (state.blocks[state.focused] ?? null);
}
