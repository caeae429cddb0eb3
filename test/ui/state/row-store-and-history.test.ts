import { describe, expect, it } from 'vitest';
import { addToHistory, searchHistoryBackward } from '../../../source/ui/state/history.js';
import { RowStore } from '../../../source/ui/state/row-store.js';

describe('row store', () => {
  it('keeps the first rows and the newest rows past the limit, releasing those between', () => {
    const store = new RowStore(2500, 2000);
    for (let chunk = 0; chunk < 100; chunk += 1) store.append(Array.from({ length: 1000 }, (_, i) => [chunk * 1000 + i]));
    expect(store.rowCount).toBe(100_000);
    expect(store.get(99_999)).toEqual([99_999]);
    expect(store.get(97_500)).toEqual([97_500]);
    expect(store.get(0)).toEqual([0]);
    expect(store.get(1999)).toEqual([1999]);
    expect(store.get(2000)).toBe('released');
    expect(store.get(50_000)).toBe('released');
    expect(store.firstRetainedRow).toBeGreaterThanOrEqual(96_000);
    expect(store.get(100_000)).toBeUndefined();
  });
  it('rows passed over by the stream count as released; the window starts afresh after the gap', () => {
    const store = new RowStore(3, 4);
    store.append([[0], [1]]);
    store.appendAfterGap(10, [[12], [13], [14]]);
    expect(store.rowCount).toBe(15);
    expect(store.get(1)).toEqual([1]);
    expect(store.get(2)).toBe('released');
    expect(store.get(11)).toBe('released');
    expect(store.slice(12, 15)).toEqual([[12], [13], [14]]);
    // Later rows join the window, never the head (it stopped at the gap).
    store.append([[15]]);
    store.appendAfterGap(0, [[16]]);
    expect(store.get(16)).toEqual([16]);
    expect(store.get(2)).toBe('released');
    expect(store.rowCount).toBe(17);
    store.appendAfterGap(5, []);
    expect(store.rowCount).toBe(22);
    expect(store.get(16)).toBe('released');
  });

  it('slices across chunks', () => {
    const store = new RowStore();
    store.append([[1], [2]]);
    store.append([[3]]);
    expect(store.slice(1, 10)).toEqual([[2], [3]]);
  });
});

describe('history', () => {
  it('drops consecutive duplicates and bounds the size', () => {
    expect(addToHistory(['a'], ' a ')).toEqual(['a']);
    expect(addToHistory(['a', 'b'], 'c', 2)).toEqual(['b', 'c']);
    expect(addToHistory(['a'], '  ')).toEqual(['a']);
  });
  it('searches backwards', () => {
    const history = ['select 1', 'insert x', 'select 2'];
    expect(searchHistoryBackward(history, 'SELECT')).toBe(2);
    expect(searchHistoryBackward(history, 'select', 2)).toBe(0);
    expect(searchHistoryBackward(history, 'nope')).toBe(-1);
  });
});
