// \export's choice of rows: what it writes, what it runs again (read-only only), what it refuses.
import { describe, expect, it } from 'vitest';
import { chooseExportRows, type ExportSituation } from '../../../source/ui/query/export-choice.js';
import type { Outcome } from '../../../source/ui/query/outcome.js';
import { ResultSource } from '../../../source/ui/query/result-source.js';
import type { FrozenBlock } from '../../../source/ui/state/result-blocks.js';

const columns = [{ name: 'id', type: 'int4' }];
const rows = (statement: string, source: ResultSource): Outcome => ({ kind: 'rows', source, elapsedMs: 1, statement });
const situation = (over: Partial<ExportSituation>): ExportSituation => ({
  focused: null,
  newest: null,
  lastReadOnlyQuery: null,
  dialect: 'postgres',
  command: '\\export f.csv',
  ...over,
});
const block = (over: Partial<FrozenBlock>): FrozenBlock => ({
  id: 1,
  statement: 'select id from t',
  kind: 'rows',
  columns,
  rows: [[1], [2]],
  rowCount: 2,
  complete: true,
  text: [],
  footer: '',
  note: null,
  ...over,
});

describe('\\export chooses its rows', () => {
  it('writes every row of a result read to its end, whatever its statement', () => {
    const choice = chooseExportRows(
      situation({ newest: rows('update t set n = 1 returning id', ResultSource.fromRows(columns, [[1], [2]])) }),
    );
    expect(choice).toMatchObject({ kind: 'held', rows: [[1], [2]], partial: false });
  });

  it('after its reading stopped: a read-only query runs again, said first; a data-changing one is written partial and never runs again', () => {
    const stopped = () => ResultSource.fromLoadedRows(columns, [[1]], false);
    expect(chooseExportRows(situation({ newest: rows('select id from t', stopped()), lastReadOnlyQuery: 'select 1' }))).toMatchObject({
      kind: 'rerun',
      statement: 'select id from t',
      notice: expect.stringContaining('runs select id from t again (read-only)'),
    });
    expect(chooseExportRows(situation({ newest: rows('delete from t returning id', stopped()) }))).toMatchObject({
      kind: 'held',
      rows: [[1]],
      partial: true,
    });
  });

  it('a focused earlier block: its rows when it kept them all, else a refusal that says how many it kept', () => {
    expect(chooseExportRows(situation({ focused: block({}) }))).toMatchObject({
      kind: 'held',
      statement: 'select id from t',
      partial: false,
    });
    const refused = chooseExportRows(situation({ focused: block({ rows: [[1]], rowCount: 5000 }) }));
    expect(refused).toMatchObject({
      kind: 'refused',
      outcome: { kind: 'error', message: expect.stringContaining('kept only its first 1 of 5000 rows') },
    });
  });

  it('with no rows on screen: the last read-only query runs again, or nothing to export', () => {
    const done: Outcome = { kind: 'done', summary: 'INSERT · 1 row affected', elapsedMs: 1, statement: 'insert into t values (1)' };
    expect(chooseExportRows(situation({ newest: done, lastReadOnlyQuery: 'select id from t' }))).toMatchObject({
      kind: 'rerun',
      statement: 'select id from t',
    });
    expect(chooseExportRows(situation({ newest: done }))).toMatchObject({
      kind: 'refused',
      outcome: { message: 'Nothing to export yet.' },
    });
  });
});
