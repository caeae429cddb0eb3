// The console (built CLI in a pty) against a throw-away MariaDB server: a blocked panel query
// never piles up, and the console survives a server restart.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Session } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { pollUntil } from '../helpers/fault-cli-process.js';
import { canStartMariadb, createMariadbInstance, type MariadbInstance } from '../helpers/mariadb-instance.js';
import { startCli, type PtySession } from '../helpers/pty.js';
import { availability } from '../helpers/servers.js';

const PANELS = 2;

describe.skipIf(!availability().mysql || !canStartMariadb())('console faults: MariaDB', () => {
  let server: MariadbInstance;
  let monitor: Adapter;
  let session: PtySession | null = null;
  // The console works in database `rel`; the monitor in `mysql`, so processlist.db tells them apart.
  const dsn = () => `mysql://root@tcp(127.0.0.1:${server.port})/rel?timeout=5s`;
  const consoleQueries = async (where: string) =>
    Number(
      (await monitor.run(`select count(*) from information_schema.processlist where db = 'rel' and command = 'Query' and ${where}`))
        .rows[0]![0],
    );

  beforeAll(async () => {
    server = await createMariadbInstance({ tls: false });
    await server.start();
    monitor = await openAdapter(parseDsn(`mysql://root@tcp(127.0.0.1:${server.port})/mysql?timeout=5s&max_conns=2`));
    await monitor.run('create database rel');
    await monitor.run('create table rel.schema_migration (version varchar(48) not null primary key, version_self int not null default 0)');
    await monitor.run("insert into rel.schema_migration (version) values ('20250101000000000001')");
  }, 120_000);
  afterAll(async () => {
    await monitor?.close();
    await server?.destroy();
  });
  afterEach(() => {
    session?.kill();
    session = null;
  });

  it('a blocked migration table: at most one panel query waits, and the console stays usable', async () => {
    session = startCli({ args: [dsn()], columns: 120, rows: 30 });
    await session.waitFor('sql>', 20_000);
    const blocker: Session = await monitor.session();
    try {
      await blocker.run('lock tables rel.schema_migration write');
      await pollUntil(async () => (await consoleQueries("state like '%lock%'")) >= 1, 'a panel query waits for the lock');
      const samples: number[] = [];
      const started = Date.now();
      await pollUntil(
        async () => {
          samples.push(await consoleQueries("state like '%lock%'"));
          return Date.now() - started >= 7_000;
        },
        'seven seconds of a blocked panel',
        30_000,
      );
      expect(Math.max(...samples)).toBe(1);
      expect(await consoleQueries('true')).toBeLessThanOrEqual(PANELS);
    } finally {
      await blocker.run('unlock tables').catch(() => undefined);
      await blocker.release();
    }
    session.write('select 6 * 7 as answer;');
    session.write('\r');
    await session.waitFor(/answer[\s\S]*42/, 15_000);
  }, 90_000);

  it('a server restart: the console reports it, reconnects, and runs the next statement', async () => {
    session = startCli({ args: [dsn()], columns: 120, rows: 30 });
    await session.waitFor('sql>', 20_000);
    session.write('select 1 as before_restart;');
    session.write('\r');
    await session.waitFor('before_restart', 15_000);
    await server.stop();
    await server.start();
    session.write('select 6 * 7 as after_restart;');
    session.write('\r');
    const screen = await session.waitFor(/after_restart[\s\S]*42|ERROR|error|lost|closed/i, 20_000);
    if (!/after_restart[\s\S]*42/.test(screen)) {
      session.write('select 6 * 7 as after_restart;');
      session.write('\r');
      await session.waitFor(/after_restart[\s\S]*42/, 20_000);
    }
    session.write('\x04');
    expect(await session.exited).toBe(0);
  }, 90_000);

  it('idle panels: statements per second per panel (Questions counter)', async () => {
    session = startCli({ args: [dsn()], columns: 120, rows: 30 });
    await session.waitFor('sql>', 20_000);
    const questions = async () => Number((await monitor.run("show global status like 'Questions'")).rows[0]![1]);
    await pollUntil(async () => (await consoleQueries('true')) >= 0, 'the monitor is ready');
    const before = await questions();
    const started = Date.now();
    await pollUntil(() => Date.now() - started >= 6_000, 'six seconds of idle console', 20_000);
    // The two SHOW STATUS reads of the monitor itself count as questions too.
    const count = (await questions()) - before - 2;
    const seconds = (Date.now() - started) / 1000;
    expect(count).toBeGreaterThan(0);
    expect(count / seconds / PANELS, `${count} statements in ${seconds.toFixed(1)} s`).toBeLessThanOrEqual(1);
  }, 60_000);
});
