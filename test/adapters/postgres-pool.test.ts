// Pool limits from the DSN taking effect on real connections, counted on the server side
// (pg_stat_activity, by a unique application_name) as well as in the pool snapshot.
import { afterEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openPostgresAdapter } from '../../source/adapters/postgres/postgres-adapter.js';
import { pgDsn, type PgDsnOptions } from '../helpers/pg-dsn.js';
import { availability } from '../helpers/servers.js';

const SUFFIX = `${process.pid}_${Date.now().toString(36)}`;
const opened: Adapter[] = [];

async function open(options: PgDsnOptions): Promise<Adapter> {
  const adapter = await openPostgresAdapter(pgDsn(options));
  opened.push(adapter);
  return adapter;
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!availability().postgres)('postgres adapter: pool limits', () => {
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((adapter) => adapter.close()));
  });

  it('50 concurrent statements with max_conns=5 never open more than 5 server sessions; callers wait', async () => {
    const appName = `pgpool_cap_${SUFFIX}`;
    const pool = await open({ applicationName: appName, maxConns: 5, maxIdleConns: 5 });
    const monitor = await open({ applicationName: `pgpool_monitor_${SUFFIX}`, maxConns: 1 });
    const countSessions = async () =>
      Number((await monitor.run('SELECT count(*) FROM pg_stat_activity WHERE application_name = $1', { params: [appName] })).rows[0]![0]);

    const statements = Array.from({ length: 50 }, (_, i) => pool.run(`SELECT pg_sleep(0.02), ${i} AS n`));
    const queued = pool.poolSnapshot();
    expect(queued.waiting).toBeGreaterThan(0);
    expect(queued.open).toBeLessThanOrEqual(5);
    expect(queued.maxConns).toBe(5);

    let running = true;
    let maxSeen = 0;
    let maxOpen = 0;
    const watching = (async () => {
      while (running) {
        maxSeen = Math.max(maxSeen, await countSessions());
        maxOpen = Math.max(maxOpen, pool.poolSnapshot().open);
      }
    })();
    const results = await Promise.all(statements);
    running = false;
    await watching;

    expect(results.map((r) => r.rows[0]![1])).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(maxSeen).toBeGreaterThan(0);
    expect(maxSeen).toBeLessThanOrEqual(5);
    expect(maxOpen).toBeLessThanOrEqual(5);
    expect(pool.poolSnapshot()).toMatchObject({ waiting: 0, inUse: 0 });
  });

  it('max_idle_conns closes surplus idle connections', async () => {
    const appName = `pgpool_idle_${SUFFIX}`;
    const pool = await open({ applicationName: appName, maxConns: 6, maxIdleConns: 2 });
    await Promise.all(Array.from({ length: 6 }, () => pool.run('SELECT pg_sleep(0.05)')));
    const snapshot = pool.poolSnapshot();
    expect(snapshot.idle).toBeLessThanOrEqual(2);
    expect(snapshot.open).toBeLessThanOrEqual(2);
    const monitor = await open({ maxConns: 1 });
    await waitFor(
      async () =>
        (await monitor.run('SELECT count(*) FROM pg_stat_activity WHERE application_name = $1', { params: [appName] })).rows[0]![0] === '2',
      'two server sessions',
    );
  });

  it('max_conn_idle_time retires idle connections; 0 keeps them', async () => {
    const retiring = await open({ maxConns: 3, maxIdleConns: 3, maxConnIdleTimeMs: 100 });
    await Promise.all([retiring.run('SELECT 1'), retiring.run('SELECT 2')]);
    expect(retiring.poolSnapshot().open).toBeGreaterThan(0);
    await waitFor(() => retiring.poolSnapshot().open === 0, 'idle connections to be closed');

    const keeping = await open({ maxConns: 3, maxIdleConns: 3, maxConnIdleTimeMs: 0 });
    await keeping.run('SELECT 1');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(keeping.poolSnapshot().open).toBe(1);
  });

  it('max_conn_lifetime retires a connection after its lifetime', async () => {
    const pool = await open({ maxConns: 1, maxIdleConns: 1, maxConnLifetimeMs: 200 });
    const first = (await pool.run('SELECT pg_backend_pid()')).rows[0]![0];
    await waitFor(() => pool.poolSnapshot().open === 0, 'the connection to be retired');
    const second = (await pool.run('SELECT pg_backend_pid()')).rows[0]![0];
    expect(second).not.toBe(first);
    expect(pool.poolSnapshot()).toMatchObject({ maxConnLifetimeMs: 200 });
  });

  it('a caller waiting for a connection can give up through its AbortSignal', async () => {
    const pool = await open({ maxConns: 1, maxIdleConns: 1 });
    const session = await pool.session();
    const controller = new AbortController();
    const waiting = pool.run('SELECT 1', { signal: controller.signal });
    expect(pool.poolSnapshot().waiting).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    expect(pool.poolSnapshot().waiting).toBe(0);
    await session.release();
    expect((await pool.run('SELECT 2')).rows).toEqual([[2]]);
  });
});
