// The console (built CLI in a pty) loses its connection inside a transaction: it says the open
// transaction was rolled back on the server and which statements it held, never "run the
// statement again"; the header leaves "in transaction"; the next statement runs on a new
// connection, and a second connection shows that nothing of the lost transaction stayed.
// Throw-away servers only: a PostgreSQL cluster restarted, a MariaDB connection KILLed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { pollUntil } from '../helpers/fault-cli-process.js';
import { canStartMariadb, createMariadbInstance, type MariadbInstance } from '../helpers/mariadb-instance.js';
import { startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { startCli, type PtySession } from '../helpers/pty.js';
import { availability } from '../helpers/servers.js';

const ORIGINAL = [
  [1, 'one'],
  [2, 'two'],
  [3, 'three'],
];

/** The header's second line (server … · transaction state · connection state). */
function headerState(screen: string): string {
  return screen.split('\n').find((line) => line.startsWith('server ')) ?? '';
}

async function type(console: PtySession, statement: string, expected: string | RegExp): Promise<string> {
  console.write(statement);
  console.write('\r');
  return console.waitFor(expected, 20_000);
}

/** Runs a transaction's first statements, loses the connection, and checks what the console says. */
async function loseTransaction(console: PtySession, lose: () => Promise<void>): Promise<string> {
  await console.waitFor('sql>', 20_000);
  await type(console, 'begin;', /in transaction/);
  await type(console, "update loss_t set v = 'changed' where id = 1;", /UPDATE · 1 row affected/);
  await lose();
  await type(console, 'delete from loss_t;', /rolled back on the server/);
  await console.waitFor(/next statement opens a new connection/, 10_000);
  return console.screen();
}

describe.skipIf(!availability().postgres)('console session loss: PostgreSQL', () => {
  let cluster: TempCluster;
  let monitor: Adapter;
  let console: PtySession | null = null;
  const openMonitor = () => openAdapter(parseDsn(`postgres://postgres@127.0.0.1:${cluster.port}/postgres?sslmode=disable&max_conns=2`));

  beforeAll(async () => {
    cluster = await startTempCluster();
    cluster.psql("CREATE TABLE loss_t (id int PRIMARY KEY, v text); INSERT INTO loss_t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    monitor = await openMonitor();
  }, 120_000);
  afterAll(async () => {
    await monitor?.close();
    cluster?.stop();
  });
  afterEach(() => {
    console?.kill();
    console = null;
  });

  it('a restart inside a transaction: rolled back on the server, the statements it held named, no "run it again"; header not in transaction', async () => {
    console = startCli({
      args: [`postgres://postgres@127.0.0.1:${cluster.port}/postgres?sslmode=disable&connect_timeout=5`],
      columns: 220,
      rows: 40,
    });
    const screen = await loseTransaction(console, async () => {
      await monitor.close();
      await cluster.restart();
      monitor = await openMonitor();
    });
    expect(screen).toMatch(/It held: begin; update loss_t set v = 'changed' where id = 1/);
    expect(screen).not.toMatch(/run the statement again|running it again/i);
    expect(headerState(screen)).toMatch(/· idle ·/);
    await type(console, 'select count(*) as rows_after from loss_t;', /rows_after[\s\S]*3/);
    expect((await monitor.run('select id, v from loss_t order by id')).rows).toEqual(ORIGINAL);
  }, 90_000);
});

describe.skipIf(!availability().mysql || !canStartMariadb())('console session loss: MariaDB', () => {
  let server: MariadbInstance;
  let monitor: Adapter;
  let console: PtySession | null = null;

  beforeAll(async () => {
    server = await createMariadbInstance({ tls: false });
    await server.start();
    monitor = await openAdapter(parseDsn(`mysql://root@tcp(127.0.0.1:${server.port})/mysql?timeout=5s&max_conns=2`));
    await monitor.run('create database rel');
    await monitor.run('create table rel.loss_t (id int primary key, v varchar(20)) engine=InnoDB');
    await monitor.run("insert into rel.loss_t values (1, 'one'), (2, 'two'), (3, 'three')");
  }, 120_000);
  afterAll(async () => {
    await monitor?.close();
    await server?.destroy();
  });
  afterEach(() => {
    console?.kill();
    console = null;
  });

  it('KILL inside a transaction: the DELETE is not sent (not autocommitted on a new connection); the transaction named; header not in transaction', async () => {
    console = startCli({ args: [`mysql://root@tcp(127.0.0.1:${server.port})/rel?timeout=5s`], columns: 220, rows: 40 });
    const screen = await loseTransaction(console, async () => {
      const ids = (
        await monitor.run("select id from information_schema.processlist where db = 'rel' and info is null and command = 'Sleep'")
      ).rows.map((row) => String(row[0]));
      // The console's own session is the one whose transaction holds a row lock.
      const holder = (await monitor.run('select trx_mysql_thread_id from information_schema.innodb_trx')).rows.map((row) => String(row[0]));
      const target = holder.find((id) => ids.includes(id)) ?? holder[0]!;
      await monitor.run(`kill ${Number(target)}`);
      await pollUntil(
        async () =>
          Number((await monitor.run(`select count(*) from information_schema.processlist where id = ${Number(target)}`)).rows[0]![0]) === 0,
        'the console connection is gone',
      );
    });
    expect(screen).toMatch(/before this statement was sent/);
    expect(screen).toMatch(/this statement was not run/);
    expect(screen).toMatch(/It held: begin; update loss_t set v = 'changed' where id = 1/);
    expect(headerState(screen)).toMatch(/· idle ·/);
    await type(console, 'select count(*) as rows_after from loss_t;', /rows_after[\s\S]*3/);
    expect((await monitor.run('select id, v from rel.loss_t order by id')).rows).toEqual(ORIGINAL);
  }, 90_000);
});
