// The read-only guard on a real SQLite session: every way in (run, runScript, stream) refuses a
// statement that would turn read-only off before it reaches the database, and the session stays
// read-only; the worker-process connection opens the file read-only too.
import { afterAll, describe, expect, it } from 'vitest';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { openReadOnlySession, readOnlyRefusal } from '../../source/adapters/read-only-session.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { sqliteTestFolder } from './sqlite-test-files.js';

const folder = sqliteTestFolder();
afterAll(() => folder.remove());

describe('read-only session guard', () => {
  it('refuses through run, runScript and stream, and the session stays read-only', async () => {
    const file = folder.file('guard.sqlite');
    const setup = await openAdapter(parseDsn(`sqlite://${file}`));
    await setup.runScript('create table t (id int); insert into t values (1), (2)');
    await setup.close();

    const warnings: string[] = [];
    const adapter = await openAdapter(parseDsn(`sqlite://${file}?_journal_mode=WAL&_pragma=user_version(9)`), {
      readOnly: true,
      onWarning: (w) => warnings.push(w),
    });
    const session = await openReadOnlySession(adapter);
    try {
      // `_pragma=` is ignored as the service's driver ignores it; `_journal_mode` would write
      expect(warnings).toEqual([expect.stringMatching(/journal_mode = WAL .*not applied/)]);
      for (const attempt of [
        () => session.run('pragma query_only = 0'),
        () => session.runScript('select 1; pragma query_only = 0; delete from t'),
        () => session.stream("select 1; attach 'x.sqlite' as x"),
      ]) {
        const error = await attempt().then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(AdapterError);
        expect((error as AdapterError).code).toBe('read-only');
        expect((error as AdapterError).message).toMatch(/^Not run under read-only: /);
      }
      expect((await session.run('pragma query_only')).rows).toEqual([[1]]);
      expect((await session.run('pragma user_version')).rows).toEqual([[0]]);
      expect((await session.run('pragma journal_mode')).rows).toEqual([['delete']]);
      await expect(session.run('delete from t')).rejects.toThrow(/readonly/i);
      expect((await session.run('select count(*) from t')).rows).toEqual([[2]]);
    } finally {
      await session.release();
      await adapter.close();
    }
  });

  it('names the statement refused, with its position in a longer text', () => {
    const refusal = readOnlyRefusal('select 1;\nset session transaction read write', 'mysql');
    expect(refusal?.message).toBe(
      'Not run under read-only: SET … TRANSACTION READ WRITE would make transactions writable (set session transaction read write).',
    );
    expect(refusal?.position).toBe(11);
    expect(readOnlyRefusal('select 1; delete from t', 'mysql')).toBeNull();
    expect(readOnlyRefusal('/*M!100000 set tx_read_only = 0 */', 'mysql')?.message).toMatch(/tx_read_only/);
  });
});
