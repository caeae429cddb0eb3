import { describe, expect, it } from 'vitest';
import {
  describeRowCount,
  initialResultWindow,
  resultWindowReducer,
  visibleTo,
  wantsMoreRows,
  type ResultWindow,
  type ResultWindowAction,
} from '../../../source/ui/state/result-window.js';

function run(state: ResultWindow, ...actions: ResultWindowAction[]): ResultWindow {
  return actions.reduce(resultWindowReducer, state);
}
const loaded = (rows: number, complete = true): ResultWindow =>
  run(initialResultWindow(10, 80), { type: 'rowsArrived', rowCount: rows, complete });

describe('result window', () => {
  const cases: Array<[string, ResultWindow, ResultWindowAction[], number, number]> = [
    ['line down inside the page keeps the window', loaded(100), [{ type: 'lineDown' }], 1, 0],
    ['line down past the page scrolls by one', loaded(100), Array.from({ length: 10 }, () => ({ type: 'lineDown' }) as const), 10, 1],
    ['line up at the top stays', loaded(100), [{ type: 'lineUp' }], 0, 0],
    ['page down moves a page', loaded(100), [{ type: 'pageDown' }], 10, 10],
    ['page down near the end clamps', loaded(15), [{ type: 'pageDown' }, { type: 'pageDown' }], 14, 5],
    ['page up returns', loaded(100), [{ type: 'pageDown' }, { type: 'pageDown' }, { type: 'pageUp' }], 10, 10],
    ['bottom shows the last page', loaded(100), [{ type: 'bottom' }], 99, 90],
    ['top after bottom', loaded(100), [{ type: 'bottom' }, { type: 'top' }], 0, 0],
    ['fewer rows than the page', loaded(3), [{ type: 'pageDown' }], 2, 0],
    ['empty result', loaded(0), [{ type: 'lineDown' }, { type: 'bottom' }], 0, 0],
    [
      'shrinking the height keeps the focused row visible',
      loaded(100),
      [
        { type: 'focus', row: 9 },
        { type: 'resize', height: 5, viewWidth: 80 },
      ],
      9,
      5,
    ],
  ];
  it.each(cases)('%s', (_name, start, actions, focused, visibleFrom) => {
    const end = run(start, ...actions);
    expect(end.focused).toBe(focused);
    expect(end.visibleFrom).toBe(visibleFrom);
    expect(end.focused).toBeGreaterThanOrEqual(end.visibleFrom);
    expect(end.focused).toBeLessThan(Math.max(1, visibleTo(end)));
  });

  it('bottom while rows arrive follows the end until complete', () => {
    let state = run(loaded(1000, false), { type: 'bottom' });
    expect(state.followEnd).toBe(true);
    expect(wantsMoreRows(state, 0)).toBe(true);
    state = run(state, { type: 'rowsArrived', rowCount: 2000, complete: false });
    expect(state.focused).toBe(1999);
    state = run(state, { type: 'rowsArrived', rowCount: 2500, complete: true });
    expect(state.focused).toBe(2499);
    expect(state.followEnd).toBe(false);
    expect(wantsMoreRows(state, 100)).toBe(false);
  });

  it('asks for more rows only near the end of what is known', () => {
    expect(wantsMoreRows(loaded(1000, false), 100)).toBe(false);
    expect(wantsMoreRows(run(loaded(1000, false), { type: 'focus', row: 950 }), 100)).toBe(true);
  });

  it('clamps horizontal scrolling to the line width', () => {
    let state = run(
      loaded(10),
      { type: 'lineWidth', width: 100 },
      { type: 'scrollRight' },
      { type: 'scrollRight' },
      { type: 'scrollRight' },
    );
    expect(state.horizontalOffset).toBe(20);
    state = run(state, { type: 'scrollLeft' }, { type: 'scrollLeft' }, { type: 'scrollLeft' });
    expect(state.horizontalOffset).toBe(0);
  });

  it('describes the row count', () => {
    expect(describeRowCount({ rowCount: 1000, complete: false })).toBe('1,000+ rows so far');
    expect(describeRowCount({ rowCount: 1, complete: true })).toBe('1 row');
  });
});
