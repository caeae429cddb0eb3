// After a server restart nothing hangs or crashes: dead pooled connections are discarded, the next
// statement succeeds or fails with a clear connection error, and the one after succeeds. Uses a
// throw-away cluster this suite starts itself; the shared server on 5432 is never restarted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementResult } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openPostgresAdapter } from '../../source/adapters/postgres/postgres-adapter.js';
import { pgDsn } from '../helpers/pg-dsn.js';
import { startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { availability } from '../helpers/servers.js';

/** The statement's result, or the AdapterError it failed with (anything else is a bug). */
async function outcome(promise: Promise<StatementResult>): Promise<StatementResult | AdapterError> {
  try {
    return await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AdapterError);
    return error as AdapterError;
  }
}

describe.skipIf(!availability().postgres)('postgres adapter: server restart', () => {
  let cluster: TempCluster;
  beforeAll(async () => {
    cluster = await startTempCluster();
  });
  afterAll(() => cluster?.stop());

  it('discards dead pooled connections; the statement after the restart works', async () => {
    const db = await openPostgresAdapter(pgDsn({ port: cluster.port, database: 'postgres', maxConns: 3, maxIdleConns: 3 }));
    try {
      await Promise.all([db.run('SELECT pg_sleep(0.05)'), db.run('SELECT pg_sleep(0.05)'), db.run('SELECT 1')]);
      expect(db.poolSnapshot().idle).toBeGreaterThan(0);
      const before = (await db.run('SELECT pg_postmaster_start_time()::text')).rows[0]![0];

      await cluster.restart();

      const next = await outcome(db.run('SELECT 1 AS next'));
      if (next instanceof AdapterError) {
        expect(next.kind).toBe('connect');
        expect(next.message).toMatch(/Connection to 127\.0\.0\.1:\d+ failed/);
      } else {
        expect(next.rows).toEqual([[1]]);
      }
      const after = await db.run('SELECT pg_postmaster_start_time()::text');
      expect(after.rows[0]![0]).not.toBe(before);
      expect(db.poolSnapshot().open).toBeLessThanOrEqual(3);
    } finally {
      await db.close();
    }
  });

  it('when dead connections are noticed only by a statement, one statement fails and the next works', async () => {
    const db = await openPostgresAdapter(pgDsn({ port: cluster.port, database: 'postgres', maxConns: 3, maxIdleConns: 3 }));
    try {
      await Promise.all([db.run('SELECT pg_sleep(0.05)'), db.run('SELECT pg_sleep(0.05)'), db.run('SELECT 1')]);
      expect(db.poolSnapshot().idle).toBe(3);
      cluster.restartBlocking();
      const next = await outcome(db.run('SELECT 1'));
      if (next instanceof AdapterError) expect(next.kind).toBe('connect');
      expect((await db.run('SELECT 2')).rows).toEqual([[2]]);
    } finally {
      await db.close();
    }
  });

  it('a session whose connection died fails clearly and is discarded on release', async () => {
    const db = await openPostgresAdapter(pgDsn({ port: cluster.port, database: 'postgres', maxConns: 1, maxIdleConns: 1 }));
    try {
      const session = await db.session();
      await session.run('BEGIN');
      await cluster.restart();
      const failed = await outcome(session.run('SELECT 1'));
      expect(failed).toBeInstanceOf(AdapterError);
      expect((failed as AdapterError).kind).toBe('connect');
      await session.release();
      expect(db.poolSnapshot().open).toBe(0);
      expect((await db.run('SELECT 2')).rows).toEqual([[2]]);
    } finally {
      await db.close();
    }
  });

  it('a stopped server gives a connect error, not a hang', async () => {
    const db = await openPostgresAdapter(pgDsn({ port: cluster.port, database: 'postgres', maxConns: 1, maxIdleConns: 0 }));
    await db.run('SELECT 1');
    await db.close();
    const port = cluster.port;
    cluster.stop();
    const error = await openPostgresAdapter(pgDsn({ port, database: 'postgres' })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).kind).toBe('connect');
  });
});
