// A PostgreSQL session lost between two statements (pg_terminate_backend, server restart) is
// never replaced silently: with a transaction open, or after SET (search_path …), the CLI stops
// with exit 3 even under --continue-on-error, instead of running the rest on a new connection
// in the wrong schema. A second connection checks the data. Throw-away cluster only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { isOneClearError, pollUntil, startCliProcess, type CliProcess } from '../helpers/fault-cli-process.js';
import { startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { availability } from '../helpers/servers.js';

const APP = 'sess_loss_cli';
const ORIGINAL = [
  [1, 'one'],
  [2, 'two'],
  [3, 'three'],
];

describe.skipIf(!availability().postgres)('session loss: PostgreSQL', () => {
  let cluster: TempCluster;
  let monitor: Adapter;
  const dsn = () => `postgres://postgres@127.0.0.1:${cluster.port}/sess_loss?sslmode=disable&connect_timeout=5&application_name=${APP}`;
  const openMonitor = () => openAdapter(parseDsn(`postgres://postgres@127.0.0.1:${cluster.port}/sess_loss?sslmode=disable&max_conns=2`));
  const rows = async (table: string) => (await monitor.run(`select id, v from ${table} order by id`)).rows;
  const backendAlive = async (pid: string) =>
    Number((await monitor.run(`select count(*) from pg_stat_activity where pid = ${Number(pid)}`)).rows[0]![0]) > 0;

  /** Feeds `first` and returns the CLI's backend pid (the script prints it as marker_pid). */
  const startWith = async (args: string[], first: string): Promise<{ cli: CliProcess; pid: string }> => {
    const cli = startCliProcess([...args, '--format', 'tsv']);
    cli.write(`${first} select pg_backend_pid() as marker_pid;\n`);
    await cli.waitForStdout(/marker_pid\n\d+\n/);
    return { cli, pid: /marker_pid\n(\d+)\n/.exec(cli.stdout())![1]! };
  };
  const loseBy = {
    async terminate(pid: string) {
      await monitor.run(`select pg_terminate_backend(${Number(pid)})`);
      await pollUntil(async () => !(await backendAlive(pid)), 'the terminated backend is gone');
    },
    async restart() {
      await monitor.close();
      await cluster.restart();
      monitor = await openMonitor();
    },
  } as const;

  beforeAll(async () => {
    cluster = await startTempCluster();
    cluster.psql('CREATE DATABASE sess_loss');
    monitor = await openMonitor();
  }, 120_000);
  afterAll(async () => {
    await monitor?.close();
    cluster?.stop();
  });
  beforeEach(async () => {
    await monitor.run('drop schema if exists other cascade; drop table if exists public.loss_t');
    await monitor.run('create schema other');
    for (const table of ['public.loss_t', 'other.loss_t']) {
      await monitor.run(
        `create table ${table} (id int primary key, v text); insert into ${table} values (1, 'one'), (2, 'two'), (3, 'three')`,
      );
    }
  });

  for (const way of Object.keys(loseBy) as (keyof typeof loseBy)[]) {
    it(`lost mid-transaction by ${way}: the DELETE after it is not run; exit 3 (also with --continue-on-error)`, async () => {
      const { cli, pid } = await startWith([dsn(), '--continue-on-error'], "begin; update loss_t set v = 'changed' where id = 1;");
      try {
        await loseBy[way](pid);
        cli.write('delete from loss_t; rollback;\n');
        cli.end();
        expect((await cli.exited).code, cli.stderr()).toBe(3);
        expect(cli.stderr()).toMatch(/^dsnsh: error: <stdin>:2: .*before this statement was sent/);
        expect(cli.stderr()).toMatch(/A transaction was open on it \(begun at <stdin>:1\): the transaction is lost/);
        expect(isOneClearError(cli.stderr()), cli.stderr()).toBe(true);
        expect(await rows('public.loss_t')).toEqual(ORIGINAL);
      } finally {
        cli.kill('SIGKILL');
      }
    }, 90_000);
  }

  it('SET search_path before the loss: --continue-on-error stops instead of going on in the default schema; exit 3', async () => {
    const { cli, pid } = await startWith([dsn(), '--continue-on-error'], 'set search_path = other;');
    try {
      await loseBy.terminate(pid);
      cli.write('select 1 as probe;\ndelete from loss_t;\n');
      cli.end();
      expect((await cli.exited).code, cli.stderr()).toBe(3);
      expect(cli.stderr()).toMatch(/^dsnsh: error: <stdin>:2: /);
      expect(cli.stderr()).toMatch(/The session had settings a new connection would not have \(set search_path = other\)/);
      expect(cli.stderr()).not.toMatch(/reconnect/);
      expect(isOneClearError(cli.stderr()), cli.stderr()).toBe(true);
      expect(await rows('public.loss_t')).toEqual(ORIGINAL);
      expect(await rows('other.loss_t')).toEqual(ORIGINAL);
    } finally {
      cli.kill('SIGKILL');
    }
  }, 60_000);

  it("SET LOCAL (ends with its transaction) and dsnsh's own read-only setting are not session state: --continue-on-error reconnects, read-only again; exit 1", async () => {
    const { cli, pid } = await startWith([dsn(), '--continue-on-error', '--read-only'], 'begin; set local search_path = other; commit;');
    try {
      await loseBy.terminate(pid);
      cli.write(
        "select 1 as probe;\ninsert into loss_t values (9, 'nine');\nselect current_setting('default_transaction_read_only') as read_only_now;\n",
      );
      cli.end();
      expect((await cli.exited).code, cli.stderr()).toBe(1);
      expect(cli.stderr()).toMatch(/dsnsh: reconnected/);
      expect(cli.stderr()).toMatch(/dsnsh: error: <stdin>:3: .*read-only transaction/);
      expect(cli.stdout()).toMatch(/read_only_now\non\n/);
      expect(await rows('public.loss_t')).toEqual(ORIGINAL);
    } finally {
      cli.kill('SIGKILL');
    }
  }, 60_000);

  it('the adapter session never runs a statement after the loss, and says what it held', async () => {
    const adapter = await openAdapter(parseDsn(`${dsn()}&max_conns=3`));
    try {
      const session = await adapter.session();
      await session.run('set search_path = other');
      await session.run('begin');
      await session.run("update loss_t set v = 'changed' where id = 2");
      const pid = String((await session.run('select pg_backend_pid()')).rows[0]![0]);
      await loseBy.terminate(pid);
      for (const sql of ['delete from loss_t', 'commit']) {
        const error = await session.run(sql).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(AdapterError);
        expect((error as AdapterError).notSent).toBe(true);
      }
      expect(session.held?.()).toEqual({
        transactionStatements: ['begin', "update loss_t set v = 'changed' where id = 2", 'select pg_backend_pid()'],
        settings: ['set search_path = other'],
      });
      await session.release();
      expect(await rows('other.loss_t')).toEqual(ORIGINAL);
    } finally {
      await adapter.close();
    }
  }, 60_000);
});
