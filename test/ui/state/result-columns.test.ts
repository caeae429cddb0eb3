// The focused column and page-wise horizontal scrolling of the result window, and finding a
// column by name for `@`.
import { describe, expect, it } from 'vitest';
import {
  initialResultWindow,
  resultWindowReducer,
  type ResultWindow,
  type ResultWindowAction,
} from '../../../source/ui/state/result-window.js';
import { columnCandidates, completeColumnName } from '../../../source/ui/state/column-names.js';
import { findMatches, startSearch, stepSearch, describeSearch } from '../../../source/ui/state/result-search.js';

const run = (state: ResultWindow, ...actions: ResultWindowAction[]) => actions.reduce(resultWindowReducer, state);
const wide = run(initialResultWindow(10, 80), { type: 'rowsArrived', rowCount: 5, complete: true }, { type: 'lineWidth', width: 300 });

describe('focused column and page-wise scrolling', () => {
  it.each([
    { name: 'page right moves a screen width', actions: [{ type: 'pageRight' }], offset: 80, column: 0 },
    {
      name: 'page right clamps at the end of the line',
      actions: [{ type: 'pageRight' }, { type: 'pageRight' }, { type: 'pageRight' }, { type: 'pageRight' }],
      offset: 220,
      column: 0,
    },
    {
      name: 'page left back to the start',
      actions: [{ type: 'pageRight' }, { type: 'pageLeft' }, { type: 'pageLeft' }],
      offset: 0,
      column: 0,
    },
    { name: 'a column on screen: no scrolling', actions: [{ type: 'focusColumn', column: 2, start: 40, end: 60 }], offset: 0, column: 2 },
    {
      name: 'a column past the right edge: just shown',
      actions: [{ type: 'focusColumn', column: 6, start: 120, end: 140 }],
      offset: 60,
      column: 6,
    },
    {
      name: 'a column left of the screen: its start',
      actions: [{ type: 'pageRight' }, { type: 'pageRight' }, { type: 'focusColumn', column: 1, start: 20, end: 38 }],
      offset: 20,
      column: 1,
    },
    {
      name: 'a column wider than the screen: its start',
      actions: [{ type: 'focusColumn', column: 3, start: 100, end: 250 }],
      offset: 100,
      column: 3,
    },
  ] as Array<{ name: string; actions: ResultWindowAction[]; offset: number; column: number }>)('$name', ({ actions, offset, column }) => {
    const state = run(wide, ...actions);
    expect(state.horizontalOffset).toBe(offset);
    expect(state.focusedColumn).toBe(column);
  });

  it('a new result starts at the first column', () => {
    expect(run(wide, { type: 'focusColumn', column: 4, start: 100, end: 120 }, { type: 'reset' }).focusedColumn).toBe(0);
  });
});

describe('columns by name', () => {
  const names = ['id', 'user_id', 'Identity', 'name', 'id_2'];
  it('exact first, then prefix, then substring, case-insensitive', () => {
    expect(columnCandidates(names, 'ID')).toEqual([0, 2, 4, 1]);
    expect(columnCandidates(names, 'nam')).toEqual([3]);
    expect(columnCandidates(names, 'zz')).toEqual([]);
  });
  it('Tab completes to the shared prefix', () => {
    expect(completeColumnName(names, 'na')).toBe('name');
    expect(completeColumnName(names, 'I')).toBe('id');
    expect(completeColumnName(names, 'x')).toBe('x');
  });
});

describe('search over loaded rows', () => {
  const rows = [[1, 'Ada'], [2, null], ['released'], [4, 'a.d'], [5, 'brad']] as const;
  const rowAt = (index: number) => (rows[index]?.[0] === 'released' ? ('released' as const) : (rows[index] as never));
  it('case-insensitive literal substring; NULL and released rows never match', () => {
    expect(findMatches(rowAt, rows.length, 'AD')).toEqual([
      { row: 0, column: 1 },
      { row: 4, column: 1 },
    ]);
    expect(findMatches(rowAt, rows.length, 'a.d')).toEqual([{ row: 3, column: 1 }]);
    expect(findMatches(rowAt, rows.length, 'null')).toEqual([]);
  });
  it('starts at the focused row, wraps both ways, and says where it is', () => {
    const search = startSearch('ad', findMatches(rowAt, rows.length, 'ad'), 2, rows.length);
    expect(search.current).toBe(1);
    expect(describeSearch(search)).toBe('2 of 2 matches for "ad" (n next, N previous; 5 loaded rows)');
    expect(stepSearch(search, 1).current).toBe(0);
    expect(stepSearch(stepSearch(search, 1), -1).current).toBe(1);
    expect(describeSearch(startSearch('zz', [], 0, 5))).toBe('no match for "zz" in 5 loaded rows');
  });
});
