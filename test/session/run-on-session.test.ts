// The one statement runner the console and the CLI share, on real sessions: what yields rows is
// streamed (RETURNING too, run once), the rest is run; a cancel through the signal is told apart
// from a failure; a connection lost inside a transaction says what it took along.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { lostConnection } from '../../source/session/lost-connection.js';
import { isCancellation, runOnSession, throwIfCancelled } from '../../source/session/run-on-session.js';
import { PG_DSN } from '../helpers/servers.js';

const TABLE = 'dsnsh_core_run_on_session';

async function drain(answer: Awaited<ReturnType<typeof runOnSession>>): Promise<unknown[][]> {
  if (answer.kind !== 'stream') throw new Error(`expected a stream, got ${answer.kind}`);
  const rows: unknown[][] = [];
  try {
    for await (const chunk of answer.stream) rows.push(...chunk);
  } finally {
    await answer.stream.close();
  }
  return rows;
}

describe('runOnSession (memory)', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await openAdapter(parseDsn('memory'));
  });
  afterAll(() => adapter.close());

  it('streams what yields rows, runs the rest, and runs a RETURNING statement once', async () => {
    const session = await adapter.session();
    const signal = new AbortController().signal;
    const options = { dialect: adapter.backend, signal, chunkSize: 2 };
    try {
      const created = await runOnSession(session, 'create table t (id integer)', options);
      expect(created.kind).toBe('result');
      const inserted = await runOnSession(session, 'insert into t values (1), (2), (3)', options);
      expect(inserted).toMatchObject({ kind: 'result', result: { affectedRows: 3 } });
      expect(await drain(await runOnSession(session, 'with x as (select id from t) select id from x order by id', options))).toEqual([
        [1],
        [2],
        [3],
      ]);
      expect(await drain(await runOnSession(session, 'insert into t values (4) returning id', options))).toEqual([[4]]);
      expect(await drain(await runOnSession(session, 'select count(*) from t', options))).toEqual([[4]]);
    } finally {
      await session.release();
    }
  });
});

describe('cancellation', () => {
  it('is the signal or a cancelled statement, never another failure', () => {
    const idle = new AbortController();
    const aborted = new AbortController();
    aborted.abort();
    expect(isCancellation(new AdapterError('cancelled', 'postgres', 'The statement was cancelled'), idle.signal)).toBe(true);
    expect(isCancellation(new AdapterError('syntax', 'postgres', 'syntax error'), aborted.signal)).toBe(true);
    expect(isCancellation(new AdapterError('syntax', 'postgres', 'syntax error'), idle.signal)).toBe(false);
    expect(() => throwIfCancelled(idle.signal, 'postgres')).not.toThrow();
    expect(() => throwIfCancelled(aborted.signal, 'postgres')).toThrow(expect.objectContaining({ kind: 'cancelled' }));
  });
});

describe('runOnSession (PostgreSQL)', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await openAdapter(parseDsn(PG_DSN));
    await adapter.run(`drop table if exists ${TABLE}`);
    await adapter.run(`create table ${TABLE} (id int)`);
  });
  afterAll(async () => {
    await adapter.run(`drop table if exists ${TABLE}`);
    await adapter.close();
  });

  it('a statement cancelled through the signal is a cancellation, cancelled on the server', async () => {
    const session = await adapter.session();
    const controller = new AbortController();
    try {
      const running = runOnSession(session, 'select pg_sleep(30)', { dialect: adapter.backend, signal: controller.signal, chunkSize: 10 });
      setTimeout(() => controller.abort(), 200);
      const error = await running.then(drain).then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(AdapterError);
      expect(isCancellation(error, controller.signal)).toBe(true);
      // The session goes on: the cancel ended only the statement.
      const after = await runOnSession(session, 'select 1', {
        dialect: adapter.backend,
        signal: new AbortController().signal,
        chunkSize: 10,
      });
      expect(await drain(after)).toEqual([[1]]);
    } finally {
      await session.release();
    }
  });

  it('a connection lost inside a transaction: rolled back, with its statements and settings', async () => {
    const session = await adapter.session();
    const signal = new AbortController().signal;
    const options = { dialect: adapter.backend, signal, chunkSize: 10 };
    try {
      await runOnSession(session, 'set search_path = public', options);
      await runOnSession(session, 'begin', options);
      await runOnSession(session, `insert into ${TABLE} values (1)`, options);
      const pid = (await drain(await runOnSession(session, 'select pg_backend_pid()', options)))[0]?.[0];
      await adapter.run(`select pg_terminate_backend(${Number(pid)})`);
      const sql = `insert into ${TABLE} values (2)`;
      const transactionBefore = session.transactionState();
      const error = await runOnSession(session, sql, options).then(
        () => null,
        (failure: unknown) => failure,
      );
      const lost = lostConnection(error, { sql, transactionBefore, session, adapter });
      expect(lost).toMatchObject({ transactionOpen: true, mayCommit: false });
      expect(lost?.held.transactionStatements).toEqual(expect.arrayContaining([`insert into ${TABLE} values (1)`]));
      expect(lost?.held.settings).toEqual(['set search_path = public']);
      expect(
        lostConnection(new AdapterError('syntax', 'postgres', 'syntax error'), { sql, transactionBefore, session, adapter }),
      ).toBeNull();
    } finally {
      await session.release().catch(() => undefined);
    }
    expect((await adapter.run(`select count(*)::int from ${TABLE}`)).rows).toEqual([[0]]);
  });
});
