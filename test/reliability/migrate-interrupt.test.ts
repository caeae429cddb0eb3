// `migrate up` interrupted while a migration runs (SIGINT, then SIGKILL): the migration table stays
// consistent (finished migrations recorded, the interrupted one not), the run lock is not left
// behind, and a second `migrate up` finishes the job. Each backend works in its own database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { pollUntil, startCliProcess } from '../helpers/fault-cli-process.js';
import { availability, MYSQL_HOST, MYSQL_PORT, PG_DSN } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

const DATABASE = 'dsnsh_reliability_migrate';

interface Backend {
  name: 'postgres' | 'mysql';
  enabled: boolean;
  adminDsn: string;
  dsn: string;
  suffix: string;
  /** Sleeps only while table rel_sleep_flag has a row, so the rerun passes straight through */
  slowStatement: string;
  runningSql: string;
  /** Rows the interrupted migration inserted before its slow statement and left behind */
  leftoverRows: number;
}

const backends: Backend[] = [
  {
    name: 'postgres',
    enabled: availability().postgres,
    adminDsn: PG_DSN,
    dsn: PG_DSN.replace(/\/test\?/, `/${DATABASE}?`),
    suffix: 'postgres',
    slowStatement: 'select pg_sleep(case when exists (select 1 from rel_sleep_flag) then 60 else 0 end) as rel_migrate_sleep',
    runningSql:
      "select count(*) from pg_stat_activity where query like '%as rel_migrate_sleep%' and state = 'active' and pid <> pg_backend_pid()",
    // A transaction per migration: the insert is rolled back with it.
    leftoverRows: 0,
  },
  {
    name: 'mysql',
    enabled: availability().mysql,
    adminDsn: `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/test`,
    dsn: `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/${DATABASE}`,
    suffix: 'mysql',
    slowStatement: 'select sleep(if((select count(*) from rel_sleep_flag) > 0, 60, 0)) as rel_migrate_sleep',
    runningSql: "select count(*) from information_schema.processlist where info like '%as rel_migrate_sleep%' and id <> connection_id()",
    // No transactional DDL: the migration runs statement by statement, its insert stays.
    leftoverRows: 1,
  },
];

function writeMigrations(dir: string, backend: Backend): void {
  const write = (name: string, sql: string) => fs.writeFileSync(path.join(dir, name), sql);
  write(
    '20250101000000000001_create_items.up.sql',
    'create table rel_items (id int primary key);\ncreate table rel_sleep_flag (id int);\ninsert into rel_sleep_flag values (1);\n',
  );
  write('20250101000000000001_create_items.down.sql', 'drop table rel_items;\ndrop table rel_sleep_flag;\n');
  write(`20250101000000000002_slow_fill.${backend.suffix}.up.sql`, `insert into rel_items values (2);\n${backend.slowStatement};\n`);
  write('20250101000000000002_slow_fill.down.sql', 'delete from rel_items where id = 2;\n');
  write('20250101000000000003_more.up.sql', 'insert into rel_items values (3);\n');
  write('20250101000000000003_more.down.sql', 'delete from rel_items where id = 3;\n');
}

for (const backend of backends) {
  describe.skipIf(!backend.enabled)(`migrate up interrupted: ${backend.name}`, () => {
    let admin: Adapter;
    let target: Adapter;
    let dir: string;

    const status = async (): Promise<Record<string, string>> => {
      const result = await runCli(['migrate', 'status', backend.dsn, '--migrations', dir, '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      const parsed = JSON.parse(result.stdout) as unknown;
      const rows = (Array.isArray(parsed) ? parsed : (parsed as { migrations: unknown[] }).migrations) as {
        version: string;
        state: string;
      }[];
      return Object.fromEntries(rows.map((row) => [row.version.slice(-1), row.state]));
    };
    const items = async (): Promise<number[]> =>
      (await target.run('select id from rel_items order by id')).rows.map((row) => Number(row[0]));
    const reset = async () => {
      // A killed client's server session may linger for a moment: PostgreSQL must force it out.
      await admin.run(`drop database if exists ${DATABASE}${backend.name === 'postgres' ? ' with (force)' : ''}`);
      await admin.run(`create database ${DATABASE}`);
    };

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-reliability-migrations-'));
      writeMigrations(dir, backend);
      admin = await openAdapter(parseDsn(backend.adminDsn));
      await reset();
      target = await openAdapter(parseDsn(`${backend.dsn}${backend.dsn.includes('?') ? '&' : '?'}max_conns=2`));
    });
    afterAll(async () => {
      await target?.close();
      await admin?.run(`drop database if exists ${DATABASE}${backend.name === 'postgres' ? ' with (force)' : ''}`);
      await admin?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      it(`${signal} during a migration: table consistent, no lock left, a rerun completes`, async () => {
        const cli = startCliProcess(['migrate', 'up', backend.dsn, '--migrations', dir, '--yes']);
        try {
          await pollUntil(async () => Number((await admin.run(backend.runningSql)).rows[0]![0]) === 1, 'the slow migration runs', 30_000);
          cli.kill(signal);
          const { code } = await cli.exited;
          if (signal === 'SIGINT') {
            // Cancelled on the server, reported, 130; the migration's own state is named.
            expect(code, cli.stderr()).toBe(130);
            expect(cli.stderr()).toMatch(/migration 20250101000000000002 failed/);
            expect(cli.stderr()).toMatch(
              backend.leftoverRows ? /first 1 statement\(s\) stayed applied/ : /rolled back and is not recorded/,
            );
            expect(cli.stderr()).toMatch(/interrupted; the running migration was cancelled/);
            expect(cli.stderr()).not.toMatch(/internal error|\n\s+at /);
            expect(Number((await admin.run(backend.runningSql)).rows[0]![0])).toBe(0);
          }
          expect(await status()).toEqual({ 1: 'Applied', 2: 'Pending', 3: 'Pending' });
          expect(await items()).toEqual(backend.leftoverRows ? [2] : []);

          if (signal === 'SIGKILL' && backend.name === 'postgres') {
            // PostgreSQL notices a vanished client only when it next talks to it: the orphaned
            // backend keeps its transaction (and the run lock) until its statement ends. An
            // operator would terminate it; waiting for the 60 s statement would do as well.
            await admin.run(
              "select pg_terminate_backend(pid) from pg_stat_activity where query like '%as rel_migrate_sleep%' and pid <> pg_backend_pid()",
            );
          }
          // Finish: no sleeping this time; the leftover row of a non-transactional run is undone by hand.
          await target.run('delete from rel_sleep_flag');
          if (backend.leftoverRows) await target.run('delete from rel_items where id = 2');
          const rerun = await runCli(['migrate', 'up', backend.dsn, '--migrations', dir, '--yes']);
          expect(rerun.code, rerun.stderr + rerun.stdout).toBe(0);
          expect(await status()).toEqual({ 1: 'Applied', 2: 'Applied', 3: 'Applied' });
          expect(await items()).toEqual([2, 3]);
        } finally {
          cli.kill('SIGKILL');
          await target.close();
          await reset();
          target = await openAdapter(parseDsn(`${backend.dsn}${backend.dsn.includes('?') ? '&' : '?'}max_conns=2`));
        }
      }, 90_000);
    }
  });
}
