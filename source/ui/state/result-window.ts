// Scrolling over a result whose rows are still arriving: a pure reducer over the focused row,
// the first visible row and a horizontal offset (after Shopify cli-kit's list scrolling).

export interface ResultWindow {
  /** Rows known so far */
  rowCount: number;
  /** True once the source reported its last row */
  complete: boolean;
  focused: number;
  /** First visible row (inclusive) */
  visibleFrom: number;
  /** Rows that fit on screen */
  height: number;
  /** Display columns scrolled to the right */
  horizontalOffset: number;
  /** Widest line in display columns and the visible width, to clamp horizontal scrolling */
  lineWidth: number;
  viewWidth: number;
  /** Set by `bottom` while rows are still arriving: keep following the end as they come */
  followEnd: boolean;
  /** The column the cell and column keys (copy, sort) act on */
  focusedColumn: number;
}

export type ResultWindowAction =
  | { type: 'reset' }
  | { type: 'resize'; height: number; viewWidth: number }
  | { type: 'rowsArrived'; rowCount: number; complete: boolean }
  | { type: 'lineWidth'; width: number }
  | { type: 'lineUp' }
  | { type: 'lineDown' }
  | { type: 'pageUp' }
  | { type: 'pageDown' }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'scrollLeft' }
  | { type: 'scrollRight' }
  | { type: 'pageLeft' }
  | { type: 'pageRight' }
  /** Focus a column spanning display columns [start, end) of a line, scrolled into view */
  | { type: 'focusColumn'; column: number; start: number; end: number }
  | { type: 'focus'; row: number };

/** Columns moved per horizontal step */
export const HORIZONTAL_STEP = 8;

export function initialResultWindow(height = 10, viewWidth = 80): ResultWindow {
  return {
    rowCount: 0,
    complete: false,
    focused: 0,
    visibleFrom: 0,
    height: Math.max(1, height),
    horizontalOffset: 0,
    lineWidth: 0,
    viewWidth,
    followEnd: false,
    focusedColumn: 0,
  };
}

export function visibleTo(state: ResultWindow): number {
  return Math.min(state.rowCount, state.visibleFrom + state.height);
}

/** Focus a row and scroll just enough to keep it on screen. */
function focusRow(state: ResultWindow, row: number): ResultWindow {
  const last = Math.max(0, state.rowCount - 1);
  const focused = Math.min(Math.max(0, row), last);
  let visibleFrom = state.visibleFrom;
  if (focused < visibleFrom) visibleFrom = focused;
  if (focused >= visibleFrom + state.height) visibleFrom = focused - state.height + 1;
  visibleFrom = Math.max(0, Math.min(visibleFrom, Math.max(0, state.rowCount - state.height)));
  return { ...state, focused, visibleFrom, followEnd: false };
}

function clampHorizontal(state: ResultWindow, offset: number): number {
  return Math.max(0, Math.min(offset, Math.max(0, state.lineWidth - state.viewWidth)));
}

export function resultWindowReducer(state: ResultWindow, action: ResultWindowAction): ResultWindow {
  switch (action.type) {
    case 'reset':
      return initialResultWindow(state.height, state.viewWidth);
    case 'resize': {
      const resized = { ...state, height: Math.max(1, action.height), viewWidth: Math.max(1, action.viewWidth) };
      const refocused = focusRow(resized, state.focused);
      return { ...refocused, followEnd: state.followEnd, horizontalOffset: clampHorizontal(refocused, state.horizontalOffset) };
    }
    case 'rowsArrived': {
      const grown = { ...state, rowCount: action.rowCount, complete: action.complete };
      if (state.followEnd) {
        const followed = focusRow(grown, action.rowCount - 1);
        return { ...followed, followEnd: !action.complete };
      }
      return { ...grown, followEnd: false };
    }
    case 'lineWidth':
      return {
        ...state,
        lineWidth: action.width,
        horizontalOffset: clampHorizontal({ ...state, lineWidth: action.width }, state.horizontalOffset),
      };
    case 'lineUp':
      return focusRow(state, state.focused - 1);
    case 'lineDown':
      return focusRow(state, state.focused + 1);
    case 'pageUp': {
      const moved = focusRow(state, state.focused - state.height);
      return focusRow({ ...moved, visibleFrom: Math.max(0, state.visibleFrom - state.height) }, moved.focused);
    }
    case 'pageDown': {
      const moved = focusRow(state, state.focused + state.height);
      return focusRow({ ...moved, visibleFrom: state.visibleFrom + state.height }, moved.focused);
    }
    case 'top':
      return focusRow(state, 0);
    case 'bottom': {
      const moved = focusRow(state, state.rowCount - 1);
      return { ...moved, followEnd: !state.complete };
    }
    case 'scrollLeft':
      return { ...state, horizontalOffset: clampHorizontal(state, state.horizontalOffset - HORIZONTAL_STEP) };
    case 'scrollRight':
      return { ...state, horizontalOffset: clampHorizontal(state, state.horizontalOffset + HORIZONTAL_STEP) };
    case 'pageLeft':
      return { ...state, horizontalOffset: clampHorizontal(state, state.horizontalOffset - state.viewWidth) };
    case 'pageRight':
      return { ...state, horizontalOffset: clampHorizontal(state, state.horizontalOffset + state.viewWidth) };
    case 'focusColumn': {
      // Just enough scrolling to show the column; its start wins when it is wider than the screen.
      let offset = state.horizontalOffset;
      if (action.end > offset + state.viewWidth) offset = action.end - state.viewWidth;
      if (action.start < offset) offset = action.start;
      return { ...state, focusedColumn: Math.max(0, action.column), horizontalOffset: clampHorizontal(state, offset) };
    }
    case 'focus':
      return focusRow(state, action.row);
  }
}

/** "1,234 rows" when complete, "1,000+ rows so far" while more may come. */
export function describeRowCount(state: Pick<ResultWindow, 'rowCount' | 'complete'>): string {
  const count = state.rowCount.toLocaleString('en-US');
  if (!state.complete) return `${count}+ rows so far`;
  return `${count} ${state.rowCount === 1 ? 'row' : 'rows'}`;
}

/** Whether the source should read another chunk: the view is near the end of what is known. */
export function wantsMoreRows(state: ResultWindow, lookahead: number): boolean {
  if (state.complete) return false;
  return state.followEnd || visibleTo(state) + lookahead >= state.rowCount;
}
