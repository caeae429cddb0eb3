// The console's \sessions and \locks (and the lock line of the sessions panel) against the real
// servers: two sessions with different application names (PostgreSQL) or users (MariaDB, whose
// processlist has no application), one holding a row lock idle in its transaction, the other waiting.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mariadbLockWait } from '../helpers/mariadb-lock-wait.js';
import { serverWideLock } from '../helpers/server-wide-lock.js';
import { waitUntil } from '../helpers/mariadb-test-db.js';
import { privateConsoles } from '../helpers/private-console.js';
import { startCli } from '../helpers/pty.js';
import { MYSQL_HOST, MYSQL_PORT, PG_HOST, PG_PORT, availability } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-ui-ory-sessions-');
const PG = `postgres://postgres@${PG_HOST}:${PG_PORT}/test?sslmode=disable`;

describe.skipIf(!availability().postgres)('console sessions and locks on PostgreSQL', () => {
  serverWideLock('postgres-lock-waits');
  let holder: pg.Client;
  let waiter: pg.Client;
  let waiting: Promise<unknown>;
  beforeAll(async () => {
    const setup = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'test' });
    await setup.connect();
    await setup.query(
      'DROP TABLE IF EXISTS ory_console_locks; CREATE TABLE ory_console_locks (id int PRIMARY KEY, n int); INSERT INTO ory_console_locks VALUES (1, 0)',
    );
    await setup.end();
    holder = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'test', application_name: 'ory-console-kratos' });
    waiter = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'test', application_name: 'ory-console-hydra' });
    await holder.connect();
    await waiter.connect();
    await holder.query('BEGIN');
    await holder.query('UPDATE ory_console_locks SET n = n + 1 WHERE id = 1');
    waiting = waiter.query('UPDATE ory_console_locks SET n = n + 10 WHERE id = 1').catch(() => undefined);
    const probe = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'test' });
    await probe.connect();
    await waitUntil(
      async () =>
        (await probe.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'ory-console-hydra' AND wait_event_type = 'Lock'"))
          .rowCount === 1,
      10_000,
      'the lock wait',
    );
    await probe.end();
  });
  afterAll(async () => {
    await holder?.query('ROLLBACK').catch(() => undefined);
    await waiting;
    await holder?.end().catch(() => undefined);
    await waiter?.end().catch(() => undefined);
  });

  it('\\sessions groups by application, user and client with states, headroom and the budget', async () => {
    const session = consoles.start({ args: [`${PG}&max_conns=4`], columns: 170, rows: 40 });
    await session.waitFor('connected');
    session.write('\\sessions 2\r');
    const screen = await session.waitFor(/budget\s+2 replicas × max_conns 4 \+ 1 migration job = 9 connections/);
    expect(screen).toMatch(/ory-console-kratos\s+postgres\s+127\.0\.0\.1\s+1\s+0\s+0\s+1 \(\d/);
    expect(screen).toMatch(/ory-console-hydra\s+postgres\s+127\.0\.0\.1\s+1\s+1\s+0\s+0/);
    expect(screen).toMatch(/connections \d+ of max_connections \d+ open, \d+ reserved \(superuser_reserved_connections/);
  });

  it('the panel groups the server sessions by application, user and client with states and headroom, unasked', async () => {
    // Eight sessions of one "service", so its group is among the largest whatever else runs.
    const service = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const client = new pg.Client({
          host: PG_HOST,
          port: PG_PORT,
          user: 'postgres',
          database: 'test',
          application_name: 'ory-console-svc',
        });
        await client.connect();
        return client;
      }),
    );
    try {
      const session = consoles.start({ args: [PG], columns: 250, rows: 40 });
      await session.waitFor('connected');
      const screen = await session.waitFor(
        /headroom -?\d+ of \d+ \(\d+ reserved\) · by app\/user\/client: .*ory-console-svc postgres@127\.0\.0\.1 8 \(8 idle\)/,
      );
      expect(screen).toMatch(/@127\.0\.0\.1 \(dsnsh here\) \d+ \(\d+ (active|idle)/);
    } finally {
      await Promise.all(service.map((client) => client.end()));
    }
  });

  it('"server sessions: this console N" counts this console\'s sessions, not every dsnsh', async () => {
    // Another dsnsh on the same server, with the same (default) application name.
    const other = startCli({ args: [PG], columns: 170, rows: 40, env: consoles.env() });
    try {
      await other.waitFor('connected');
      const session = consoles.start({ args: [PG], columns: 170, rows: 40 });
      await session.waitFor('connected');
      const screen = await session.waitFor(/pool open (\d+)\/[^]*this console \1 · all \d+/);
      const mine = Number(/this console (\d+)/.exec(screen)![1]);
      const all = Number(/· all (\d+)/.exec(screen)![1]);
      // The other console and the two test sessions hold at least three more.
      expect(all).toBeGreaterThanOrEqual(mine + 3);
    } finally {
      other.kill();
    }
  });

  it('\\locks shows who blocks whom with the statements, and the panel says a session waits', async () => {
    const session = consoles.start({ args: [PG], columns: 170, rows: 40 });
    await session.waitFor('connected');
    await session.waitFor(/locks: 1 session waits: \d+ \(ory-console-hydra\) for \d+ \(ory-console-kratos\), [\d.]+(ms|s)/);
    session.write('\\locks\r');
    const screen = await session.waitFor('blocking: UPDATE ory_console_locks SET n = n + 1 WHERE id = 1');
    expect(screen).toMatch(
      /\d+ \(ory-console-hydra, postgres@127\.0\.0\.1\) waits [\d.]+(ms|s) for \d+ \(ory-console-kratos, postgres@127\.0\.0\.1\), idle in transaction for/,
    );
    expect(screen).toContain('waiting:  UPDATE ory_console_locks SET n = n + 10 WHERE id = 1');
  });

  it("the panel line shows the console's own statement waiting for the lock while it runs", async () => {
    const session = consoles.start({ args: [PG], columns: 170, rows: 40 });
    await session.waitFor('connected');
    session.write('update ory_console_locks set n = n + 100 where id = 1;\r');
    await session.waitFor(/locks: 2 sessions wait: \d+ \(ory-console-hydra\) for \d+ \(ory-console-kratos\)/);
    session.write('\x03'); // cancel it on the server: the row stays as the holder left it
    await session.waitFor('Statement cancelled.');
    await session.waitFor('locks: 1 session waits');
  });
});

describe.skipIf(!availability().mysql)('console sessions and locks on MariaDB', () => {
  serverWideLock('mariadb-lock-waits');
  mariadbLockWait('ory_console_locks', { holder: 'ory_console_a', waiter: 'ory_console_b' });
  const DSN = `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/ory_console_locks`;

  it('\\sessions groups by user and client; \\locks shows the InnoDB wait', async () => {
    const session = consoles.start({ args: [DSN], columns: 170, rows: 40 });
    await session.waitFor('connected');
    await session.waitFor(/locks: 1 session waits: \d+ \(ory_console_b\) for \d+ \(ory_console_a\)/);
    session.write('\\sessions\r');
    const screen = await session.waitFor(/budget\s+1 replica \(\\sessions N for the Deployment's count\)/);
    expect(screen).toMatch(/ory_console_a\s+127\.0\.0\.1\s+1\s+0\s+0\s+1 \(\d/);
    expect(screen).toMatch(/ory_console_b\s+127\.0\.0\.1\s+1\s+1\s+0\s+0/);
    session.write('\\locks\r');
    const locks = await session.waitFor('waiting:  UPDATE t SET n = n + 10 WHERE id = 1');
    expect(locks).toMatch(
      /\d+ \(ory_console_b@127\.0\.0\.1\) waits [\d.]+(ms|s) for \d+ \(ory_console_a@127\.0\.0\.1\), idle in transaction/,
    );
  });
});
