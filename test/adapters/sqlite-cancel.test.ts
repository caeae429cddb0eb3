// Cancel on SQLite: the worker process running a statement is killed and a new one reopens the
// file, so the console's event loop never stalls, committed data (also of `memory`) survives, and
// an open transaction is reported as rolled back.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openDsn, rejection, scalar } from './sqlite-test-files.js';

const LONG = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000) SELECT count(*) FROM c';

/** Aborts once the event loop has ticked `ticks` times: proof that it kept running meanwhile. */
function abortAfterTicks(ticks: number): { signal: AbortSignal; ticked: () => number } {
  const controller = new AbortController();
  let count = 0;
  const timer = setInterval(() => {
    count += 1;
    if (count >= ticks) {
      clearInterval(timer);
      controller.abort();
    }
  }, 20);
  return { signal: controller.signal, ticked: () => count };
}

/** Process ids of this process's SQLite workers. */
function workerPids(): Set<number> {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return new Set(
    out
      .split('\n')
      .filter((line) => line.includes('sqlite-worker'))
      .map((line) => Number.parseInt(line.trim(), 10)),
  );
}

async function backingFile(db: Adapter): Promise<string> {
  return String(await scalar(db, "SELECT file FROM pragma_database_list WHERE name = 'main'"));
}

describe('sqlite cancel', { timeout: 20_000 }, () => {
  const adapters: Adapter[] = [];
  const open = async (dsn: string) => {
    const db = await openDsn(dsn);
    adapters.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of adapters) await db.close();
  });

  it('keeps the event loop running during a long statement, then stops it', async () => {
    const db = await open('memory');
    const { signal, ticked } = abortAfterTicks(10);
    const error = await rejection(db.run(LONG, { signal }));
    expect(error.kind).toBe('cancelled');
    expect(ticked()).toBe(10);
    expect(await scalar(db, 'SELECT 40 + 2')).toBe(42);
  });

  it('keeps committed memory data, rolls back the open transaction and says so', async () => {
    const db = await open('memory');
    await db.runScript('CREATE TABLE kept (a INTEGER); INSERT INTO kept VALUES (1), (2)');
    const session = await db.session();
    try {
      await session.run('BEGIN');
      await session.run('INSERT INTO kept VALUES (3)');
      const error = await rejection(session.run(LONG, { signal: abortAfterTicks(3).signal }));
      expect(error.kind).toBe('cancelled');
      expect(error.message).toMatch(/transaction was rolled back/);
      expect(error.hint).toMatch(/committed data is kept/);
      expect(session.transactionState()).toBe('idle');
      expect((await session.run('SELECT a FROM kept ORDER BY a')).rows).toEqual([[1], [2]]);
      // The DSN's pragmas are in force again on the new connection.
      expect((await session.run('PRAGMA foreign_keys')).rows).toEqual([[1]]);
    } finally {
      await session.release();
    }
  });

  it('says nothing about a transaction when none was open', async () => {
    const db = await open('memory');
    const error = await rejection(db.run(LONG, { signal: abortAfterTicks(2).signal }));
    expect(error.message).toBe('The statement was cancelled.');
  });

  it('cancels a stream between chunks; the connection is usable after', async () => {
    const db = await open('memory');
    const controller = new AbortController();
    const stream = await db.stream('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c', {
      chunkSize: 100,
      signal: controller.signal,
    });
    let chunks = 0;
    const reading = (async () => {
      for await (const chunk of stream) {
        expect(chunk).toHaveLength(100);
        chunks += 1;
        if (chunks === 3) controller.abort();
      }
    })();
    expect((await rejection(reading)).kind).toBe('cancelled');
    expect(chunks).toBe(3);
    await stream.close();
    expect(db.poolSnapshot().inUse).toBe(0);
    expect(await scalar(db, 'SELECT 1')).toBe(1);
  });

  it('keeps the memory database in a private file that close() deletes', async () => {
    const db = await openDsn('memory');
    const file = await backingFile(db);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    expect((await db.serverFacts()).details.file).toContain(file);
    await db.close();
    expect(existsSync(dirname(file))).toBe(false);
  });

  it('survives its worker crashing: the running statement fails clearly, the next one works, data stays', async () => {
    const before = workerPids();
    const db = await open('memory');
    const [pid] = [...workerPids()].filter((candidate) => !before.has(candidate));
    expect(pid).toBeDefined();
    await db.runScript('CREATE TABLE survivor (a); INSERT INTO survivor VALUES (1)');
    const running = db.run(LONG);
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.kill(pid!, 'SIGKILL');
    const error = await rejection(running);
    expect(error.kind).toBe('connect');
    expect(error.message).toMatch(/stopped unexpectedly \(SIGKILL\)/);
    expect(await scalar(db, 'SELECT count(*) FROM survivor')).toBe(1);
  });
});
