// The \d family's answers on a real memory (SQLite) adapter: one relation, every match of a
// wildcard (at most 50, said so), a missing name, a bad pattern, \dt and \dv apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../../source/adapters/adapter.js';
import { openAdapter } from '../../../source/adapters/open-adapter.js';
import { parseDsn } from '../../../source/dsn/parse-dsn.js';
import { describeRelations, listRelations } from '../../../source/ui/query/run-describe.js';

describe('the \\d family on memory', () => {
  let adapter: Adapter;
  const context = () => ({ adapter, facts: null, signal: new AbortController().signal });
  beforeAll(async () => {
    adapter = await openAdapter(parseDsn('memory'));
    const tables = Array.from(
      { length: 52 },
      (_, index) => `CREATE TABLE many_${String(index + 1).padStart(2, '0')} (id INTEGER PRIMARY KEY);`,
    );
    await adapter.runScript(`${tables.join('\n')} CREATE TABLE solo (n TEXT NOT NULL); CREATE VIEW solo_v AS SELECT n FROM solo;`);
  });
  afterAll(async () => {
    await adapter.close();
  });

  it('describes one relation by name, in any case', async () => {
    const outcome = await describeRelations(context(), 'SOLO', '\\d SOLO');
    expect(outcome).toMatchObject({ kind: 'info', title: 'Table "main.solo"' });
    if (outcome.kind === 'info') expect(outcome.lines[2]).toMatch(/^ n\s+\| TEXT\s+\|\s+\| not null \|$/);
  });

  it('describes every match of a wildcard, at most 50, and says so', async () => {
    const outcome = await describeRelations(context(), 'many_*', '\\d many_*');
    expect(outcome.kind).toBe('info');
    if (outcome.kind !== 'info') return;
    expect(outcome.title).toBe('52 relations match many_*: the first 50 are described (narrow the pattern for the rest)');
    expect(outcome.lines).toContain('Table "main.many_50"');
    expect(outcome.lines).not.toContain('Table "main.many_51"');
    const two = await describeRelations(context(), 'solo*', '\\d solo*');
    expect(two).toMatchObject({ kind: 'info', title: '2 relations match solo*' });
  });

  it('says what is missing and what was wrong with a pattern', async () => {
    expect(await describeRelations(context(), 'nothing', '\\d nothing')).toMatchObject({
      kind: 'error',
      message: 'Did not find any relation named nothing.',
    });
    await expect(describeRelations(context(), 'a.b.c', '\\d a.b.c')).rejects.toThrow(/Too many dotted names/);
  });

  it('\\dt lists tables only, \\dv views only', async () => {
    const tables = await listRelations(context(), 'solo*', 'table', '\\dt solo*');
    expect(tables.kind === 'rows' ? tables.source.rows.rowCount : -1).toBe(1);
    const views = await listRelations(context(), 'solo*', 'view', '\\dv solo*');
    expect(views.kind === 'rows' ? views.source.rows.get(0) : null).toEqual(['main', 'solo_v', 'view']);
    expect(await listRelations(context(), 'zz*', 'view', '\\dv zz*')).toMatchObject({ kind: 'info', title: 'No views match zz*.' });
  });
});
