// A MySQL session lost between two statements (server restart, KILL <id> from another session,
// wait_timeout) is never replaced silently: the statement that meets the loss fails with its
// FILE:LINE and is not sent; with a transaction open or session state set (USE, SET, temporary
// tables) the CLI stops with exit 3, even under --continue-on-error; a replacement connection is
// read-only again and has the DSN's session variables. A second connection checks the data.
// Throw-away MariaDB only (never the shared :3306 server).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { isOneClearError, pollUntil, startCliProcess, type CliProcess } from '../helpers/fault-cli-process.js';
import { canStartMariadb, createMariadbInstance, type MariadbInstance } from '../helpers/mariadb-instance.js';
import { availability } from '../helpers/servers.js';

describe.skipIf(!availability().mysql || !canStartMariadb())('session loss: MariaDB', () => {
  let server: MariadbInstance;
  let monitor: Adapter;
  const dsn = (extra = '') => `mysql://root@tcp(127.0.0.1:${server.port})/sess_loss?timeout=5s${extra}`;
  const openMonitor = () => openAdapter(parseDsn(`mysql://root@tcp(127.0.0.1:${server.port})/mysql?timeout=5s&max_conns=2`));
  const rows = async (table: string) => (await monitor.run(`select id, v from ${table} order by id`)).rows;
  const ORIGINAL = [
    [1, 'one'],
    [2, 'two'],
    [3, 'three'],
  ];
  const connectionAlive = async (id: string) =>
    Number((await monitor.run(`select count(*) from information_schema.processlist where id = ${Number(id)}`)).rows[0]![0]) !== 0;

  /** Feeds `first` and returns the CLI's connection id (the script prints it as marker_cid). */
  const startWith = async (args: string[], first: string): Promise<{ cli: CliProcess; id: string }> => {
    const cli = startCliProcess([...args, '--format', 'tsv']);
    cli.write(`${first} select connection_id() as marker_cid;\n`);
    await cli.waitForStdout(/marker_cid\n\d+\n/);
    return { cli, id: /marker_cid\n(\d+)\n/.exec(cli.stdout())![1]! };
  };

  const loseBy = {
    async restart(id: string) {
      await monitor.close();
      await server.stop();
      await server.start();
      monitor = await openMonitor();
      expect(await connectionAlive(id)).toBe(false);
    },
    async kill(id: string) {
      await monitor.run(`kill ${Number(id)}`);
      await pollUntil(async () => !(await connectionAlive(id)), 'the killed connection is gone');
    },
    // The DSN sets wait_timeout=1: the server closes the idle connection by itself.
    async wait_timeout(id: string) {
      await pollUntil(async () => !(await connectionAlive(id)), 'the server closed the idle connection', 15_000);
    },
  } as const;

  beforeAll(async () => {
    server = await createMariadbInstance({ tls: false });
    await server.start();
    monitor = await openMonitor();
  }, 120_000);
  afterAll(async () => {
    await monitor?.close();
    await server?.destroy();
  });
  beforeEach(async () => {
    for (const db of ['sess_loss', 'sess_loss_other']) {
      await monitor.run(`drop database if exists ${db}`);
      await monitor.run(`create database ${db}`);
      await monitor.run(`create table ${db}.loss_t (id int primary key, v varchar(20)) engine=InnoDB`);
      await monitor.run(`insert into ${db}.loss_t values (1, 'one'), (2, 'two'), (3, 'three')`);
    }
  });

  for (const way of Object.keys(loseBy) as (keyof typeof loseBy)[]) {
    it(`lost mid-transaction by ${way}: the DELETE after it is not run, not autocommitted; exit 3 (also with --continue-on-error)`, async () => {
      const extra = way === 'wait_timeout' ? '&wait_timeout=1' : '';
      const { cli, id } = await startWith([dsn(extra), '--continue-on-error'], "begin; update loss_t set v = 'changed' where id = 1;");
      try {
        await loseBy[way](id);
        cli.write('delete from loss_t; rollback;\n');
        cli.end();
        const { code } = await cli.exited;
        expect(code, cli.stderr()).toBe(3);
        expect(cli.stderr()).toMatch(/^dsnsh: error: <stdin>:2: /);
        expect(cli.stderr()).toMatch(/before this statement was sent/);
        expect(cli.stderr()).toMatch(
          /A transaction was open on it \(begun at <stdin>:1\): the transaction is lost \(the server rolls it back\)/,
        );
        expect(cli.stderr()).toMatch(/the rest of the script was not run/);
        expect(cli.stderr()).not.toMatch(/reconnect/);
        expect(isOneClearError(cli.stderr()), cli.stderr()).toBe(true);
        expect(await rows('sess_loss.loss_t')).toEqual(ORIGINAL);
      } finally {
        cli.kill('SIGKILL');
      }
    }, 90_000);
  }

  it('USE before the loss: --continue-on-error stops instead of running the next statements in the DSN database; exit 3', async () => {
    const { cli, id } = await startWith([dsn(), '--continue-on-error'], 'use sess_loss_other;');
    try {
      await loseBy.kill(id);
      cli.write('select 1 as probe;\ndelete from loss_t;\n');
      cli.end();
      expect((await cli.exited).code, cli.stderr()).toBe(3);
      expect(cli.stderr()).toMatch(/^dsnsh: error: <stdin>:2: /);
      expect(cli.stderr()).toMatch(/The session had settings a new connection would not have \(use sess_loss_other\)/);
      expect(cli.stderr()).toMatch(/the rest of the script was not run/);
      expect(isOneClearError(cli.stderr()), cli.stderr()).toBe(true);
      expect(await rows('sess_loss.loss_t')).toEqual(ORIGINAL);
      expect(await rows('sess_loss_other.loss_t')).toEqual(ORIGINAL);
    } finally {
      cli.kill('SIGKILL');
    }
  }, 60_000);

  it('SET and a temporary table before the loss: --continue-on-error stops and names them; exit 3', async () => {
    const { cli, id } = await startWith([dsn(), '--continue-on-error'], 'set @keep := 2; create temporary table loss_tmp (id int);');
    try {
      await loseBy.kill(id);
      cli.write('select 1 as probe;\ndelete from loss_t where id <> coalesce(@keep, 0);\n');
      cli.end();
      expect((await cli.exited).code, cli.stderr()).toBe(3);
      expect(cli.stderr()).toMatch(/set @keep := 2/);
      expect(cli.stderr()).toMatch(/create temporary table loss_tmp/);
      expect(await rows('sess_loss.loss_t')).toEqual(ORIGINAL);
    } finally {
      cli.kill('SIGKILL');
    }
  }, 60_000);

  it('--read-only --continue-on-error: the statement that meets the loss is not sent; the replacement is read-only and has the DSN variables; exit 1', async () => {
    const { cli, id } = await startWith([dsn('&sql_mode=%27ANSI_QUOTES%27'), '--read-only', '--continue-on-error'], '');
    try {
      await loseBy.kill(id);
      cli.write(
        "insert into loss_t values (9, 'nine');\ninsert into loss_t values (10, 'ten');\nselect @@session.sql_mode as mode_now, @@session.tx_read_only as read_only_now;\n",
      );
      cli.end();
      expect((await cli.exited).code, cli.stderr()).toBe(1);
      const stderr = cli.stderr();
      expect(stderr).toMatch(/^dsnsh: error: <stdin>:2: .*before this statement was sent/);
      expect(stderr).toMatch(/dsnsh: reconnected/);
      expect(stderr).toMatch(/dsnsh: error: <stdin>:3: .*READ ONLY/);
      expect(cli.stdout()).toMatch(/mode_now\tread_only_now\nANSI_QUOTES\t1\n/);
      expect(await rows('sess_loss.loss_t')).toEqual(ORIGINAL);
    } finally {
      cli.kill('SIGKILL');
    }
  }, 60_000);

  it('the adapter session never swaps its connection: every statement after the loss fails unsent', async () => {
    const adapter = await openAdapter(parseDsn(dsn('&max_conns=3')));
    try {
      const session = await adapter.session();
      await session.run('begin');
      await session.run("update loss_t set v = 'changed' where id = 2");
      const id = String((await session.run('select connection_id()')).rows[0]![0]);
      await loseBy.kill(id);
      for (const sql of ['delete from loss_t', "insert into loss_t values (11, 'eleven')"]) {
        const error = await session.run(sql).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(AdapterError);
        expect((error as AdapterError).kind).toBe('connect');
        expect((error as AdapterError).message).toMatch(/before this statement was sent/);
      }
      await expect(session.stream('select * from loss_t')).rejects.toMatchObject({ kind: 'connect' });
      expect(session.transactionState()).toBe('in-transaction');
      expect(session.held?.().transactionStatements).toEqual([
        'begin',
        "update loss_t set v = 'changed' where id = 2",
        'select connection_id()',
      ]);
      await session.release();
      expect(await rows('sess_loss.loss_t')).toEqual(ORIGINAL);
    } finally {
      await adapter.close();
    }
  }, 60_000);
});
