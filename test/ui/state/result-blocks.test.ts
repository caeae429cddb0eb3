import { describe, expect, it } from 'vitest';
import { olderLines, scrollbackLines, frozenLines } from '../../../source/ui/query/block-lines.js';
import { freezeOutcome, KEPT_ROWS } from '../../../source/ui/query/freeze-outcome.js';
import { ResultSource } from '../../../source/ui/query/result-source.js';
import { pagerOffset } from '../../../source/ui/state/line-pager.js';
import {
  focusedBlock,
  initialScrollback,
  scrollbackLimits,
  scrollbackReducer,
  type Scrollback,
} from '../../../source/ui/state/result-blocks.js';

const done = (statement: string) => freezeOutcome({ kind: 'done', summary: `${statement} done`, elapsedMs: 1, statement });
const rows = (count: number) =>
  freezeOutcome({
    kind: 'rows',
    statement: 'select n',
    elapsedMs: 2,
    source: ResultSource.fromRows(
      [{ name: 'n', type: 'int' }],
      Array.from({ length: count }, (_, index) => [index + 1]),
    ),
  });
const pushAll = (state: Scrollback, blocks: ReturnType<typeof done>[]) =>
  blocks.reduce((current, block) => scrollbackReducer(current, { type: 'push', block }), state);

describe('the scrollback of earlier results', () => {
  it('drops the oldest blocks first past the block limit and counts them', () => {
    const state = pushAll(initialScrollback({ blocks: 2, rows: 1000 }), ['a', 'b', 'c', 'd'].map(done));
    expect(state.blocks.map((block) => block.statement)).toEqual(['c', 'd']);
    expect(state.dropped).toBe(2);
    expect(olderLines(state, 80).lines[0]?.text).toMatch(/^2 older results dropped/);
  });

  it('drops the oldest blocks past the held-rows limit; a big result keeps at most KEPT_ROWS rows', () => {
    const big = rows(KEPT_ROWS * 3);
    expect(big.rows).toHaveLength(KEPT_ROWS);
    expect(big.rowCount).toBe(KEPT_ROWS * 3);
    const state = pushAll(initialScrollback({ blocks: 100, rows: KEPT_ROWS * 2 }), [
      rows(KEPT_ROWS * 3),
      rows(KEPT_ROWS * 3),
      rows(KEPT_ROWS * 3),
    ]);
    expect(state.blocks).toHaveLength(2);
    expect(state.dropped).toBe(1);
  });

  it('moves between blocks: previous from the newest, next past the last back to the newest', () => {
    let state = pushAll(initialScrollback(), ['a', 'b'].map(done));
    state = scrollbackReducer(state, { type: 'previous' });
    expect(focusedBlock(state)?.statement).toBe('b');
    state = scrollbackReducer(scrollbackReducer(state, { type: 'previous' }), { type: 'previous' });
    expect(focusedBlock(state)?.statement).toBe('a');
    state = scrollbackReducer(scrollbackReducer(state, { type: 'next' }), { type: 'next' });
    expect(state.focused).toBeNull();
    // A new result brings the view back to the newest.
    state = scrollbackReducer(scrollbackReducer(state, { type: 'previous' }), { type: 'push', block: done('c') });
    expect(state.focused).toBeNull();
  });

  it('shows earlier blocks above the newest, and a focused block from its start', () => {
    let state = pushAll(initialScrollback(), ['a', 'b'].map(done));
    const current = [{ text: '› newest', tone: 'heading' as const }];
    const bottom = scrollbackLines(state, olderLines(state, 80), current, 80, 20).map((line) => line.text);
    expect(bottom.at(-1)).toBe('› newest');
    expect(bottom.indexOf('› a')).toBeLessThan(bottom.indexOf('› b'));
    state = scrollbackReducer(state, { type: 'previous' });
    const focused = scrollbackLines(state, olderLines(state, 80), current, 80, 20);
    expect(focused[0]).toEqual({ text: '› b', tone: 'focused' });
    expect(focused.map((line) => line.text)).not.toContain('› a');
  });

  it('previews a few rows of an earlier result and says how many it had; full screen shows all it kept', () => {
    const block = rows(50);
    const preview = frozenLines(block, 80).map((line) => line.text);
    expect(preview.at(-1)).toMatch(/^showing first 10 of 50 rows \(f: full screen\)/);
    const full = frozenLines(block, 80, null).map((line) => line.text);
    expect(full.at(-1)).toMatch(/^50 rows/);
    expect(full.some((text) => text.trim() === '50')).toBe(true);
  });

  it('previews the start of a long listing, and an error whole', () => {
    const listing = freezeOutcome({
      kind: 'info',
      title: 'Tables',
      lines: Array.from({ length: 40 }, (_, index) => `t${index}`),
      statement: '\\dt',
    });
    expect(frozenLines(listing, 80).map((line) => line.text)).toContain('… 31 more lines (f: full screen)');
    expect(frozenLines(listing, 80, null).map((line) => line.text)).toContain('t39');
    const error = freezeOutcome({ kind: 'error', message: 'x'.repeat(400), hint: 'try again', statement: 'select', position: null });
    const lines = frozenLines(error, 40).map((line) => line.text);
    expect(lines.join('').replace(/[^x]/g, '')).toHaveLength(400);
    expect(lines).toContain('HINT: try again');
  });

  it('reads its block limit from DSNSH_SCROLLBACK_BLOCKS, ignoring a bad value', () => {
    expect(scrollbackLimits({ DSNSH_SCROLLBACK_BLOCKS: '3' }).blocks).toBe(3);
    expect(scrollbackLimits({ DSNSH_SCROLLBACK_BLOCKS: 'lots' }).blocks).toBe(100);
    expect(scrollbackLimits({ DSNSH_SCROLLBACK_BLOCKS: '0' }).blocks).toBe(100);
  });
});

describe('paging fixed lines', () => {
  it('moves by a line or a page and stays within the lines', () => {
    expect(pagerOffset(0, 'lineUp', 100, 10)).toBe(0);
    expect(pagerOffset(0, 'pageDown', 100, 10)).toBe(10);
    expect(pagerOffset(85, 'pageDown', 100, 10)).toBe(90);
    expect(pagerOffset(50, 'bottom', 100, 10)).toBe(90);
    expect(pagerOffset(50, 'top', 100, 10)).toBe(0);
    expect(pagerOffset(0, 'bottom', 5, 10)).toBe(0);
  });
});
