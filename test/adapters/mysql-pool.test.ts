// Pool parameters on the real server: max_conns caps server sessions (seen in the processlist)
// and queues callers visibly; max_idle_conns, max_conn_lifetime and max_conn_idle_time retire
// connections as Go's database/sql does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { MYSQL_TEST_DB, ensureDatabase, mysqlDsn, waitUntil } from '../helpers/mariadb-test-db.js';
import { availability } from '../helpers/servers.js';

const POOL_DB = 'dsnsh_mysql_pool';

describe.skipIf(!availability().mysql)('MySQL pool', () => {
  let monitor: Adapter;

  const serverSessions = async (): Promise<number> =>
    Number((await monitor.run(`SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '${POOL_DB}'`)).rows[0]?.[0]);

  beforeAll(async () => {
    await ensureDatabase(POOL_DB);
    await ensureDatabase(MYSQL_TEST_DB);
    monitor = await openMysqlAdapter(mysqlDsn('max_conns=1'));
  });

  afterAll(async () => {
    await monitor?.close();
  });

  it('runs 50 concurrent statements on at most max_conns=5 server sessions, queueing the rest visibly', async () => {
    const adapter = await openMysqlAdapter(mysqlDsn('max_conns=5&max_idle_conns=5', POOL_DB));
    try {
      let observedMax = 0;
      let sampling = true;
      let openAboveLimit = 0;
      const sampler = (async () => {
        while (sampling) {
          // A failed sample (the monitor shares the server with other suites) is just skipped.
          observedMax = Math.max(observedMax, await serverSessions().catch(() => 0));
          if (adapter.poolSnapshot().open > 5) openAboveLimit++;
        }
      })();
      const statements = Array.from({ length: 50 }, (_, index) => adapter.run(`SELECT SLEEP(0.05), ${index}`));
      await Promise.resolve();
      const during = adapter.poolSnapshot();
      expect(during.waiting).toBeGreaterThan(0);
      expect(during.maxConns).toBe(5);
      const results = await Promise.all(statements);
      sampling = false;
      await sampler;
      expect(results.map((result) => result.rows[0]?.[1])).toEqual(Array.from({ length: 50 }, (_, index) => index));
      expect(openAboveLimit).toBe(0);
      expect(observedMax).toBeGreaterThan(0);
      expect(observedMax).toBeLessThanOrEqual(5);
      expect(adapter.poolSnapshot()).toMatchObject({ open: 5, idle: 5, inUse: 0, waiting: 0 });
    } finally {
      await adapter.close();
    }
    await waitUntil(async () => (await serverSessions()) === 0, 10_000, 'pool sessions to close');
  }, 30_000);

  it('keeps at most max_idle_conns idle connections', async () => {
    const adapter = await openMysqlAdapter(mysqlDsn('max_conns=5&max_idle_conns=2', POOL_DB));
    try {
      await Promise.all(Array.from({ length: 10 }, () => adapter.run('SELECT SLEEP(0.02)')));
      expect(adapter.poolSnapshot()).toMatchObject({ open: 2, idle: 2, maxIdleConns: 2 });
      await waitUntil(async () => (await serverSessions()) === 2, 10_000, 'two server sessions');
    } finally {
      await adapter.close();
    }
  }, 20_000);

  it('retires connections older than max_conn_lifetime', async () => {
    const adapter = await openMysqlAdapter(mysqlDsn('max_conns=1&max_conn_lifetime=300ms', POOL_DB));
    try {
      const first = (await adapter.run('SELECT CONNECTION_ID()')).rows[0]?.[0];
      let current = first;
      await waitUntil(
        async () => {
          current = (await adapter.run('SELECT CONNECTION_ID()')).rows[0]?.[0];
          return current !== first;
        },
        10_000,
        'a new connection after the lifetime',
      );
      expect(current).not.toBe(first);
      expect(adapter.poolSnapshot().maxConnLifetimeMs).toBe(300);
    } finally {
      await adapter.close();
    }
  }, 20_000);

  it('closes connections idle longer than max_conn_idle_time', async () => {
    const adapter = await openMysqlAdapter(mysqlDsn('max_conns=3&max_idle_conns=3&max_conn_idle_time=300ms', POOL_DB));
    try {
      await Promise.all([1, 2, 3].map(() => adapter.run('SELECT SLEEP(0.02)')));
      expect(adapter.poolSnapshot().idle).toBe(3);
      await waitUntil(() => adapter.poolSnapshot().open === 0, 10_000, 'idle connections to be closed');
      await waitUntil(async () => (await serverSessions()) === 0, 10_000, 'server sessions to end');
      expect(await adapter.run('SELECT 1')).toMatchObject({ rows: [[1]] });
    } finally {
      await adapter.close();
    }
  }, 20_000);

  it('stops waiting for a connection when the caller aborts', async () => {
    const adapter = await openMysqlAdapter(mysqlDsn('max_conns=1', POOL_DB));
    try {
      const session = await adapter.session();
      const controller = new AbortController();
      const waiting = adapter.run('SELECT 1', { signal: controller.signal });
      await waitUntil(() => adapter.poolSnapshot().waiting === 1, 5000, 'a queued caller');
      controller.abort();
      await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
      expect(adapter.poolSnapshot().waiting).toBe(0);
      await session.release();
      expect((await adapter.run('SELECT 2')).rows).toEqual([[2]]);
    } finally {
      await adapter.close();
    }
  });
});
