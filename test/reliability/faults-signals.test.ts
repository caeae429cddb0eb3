// SIGTERM, SIGHUP and SIGQUIT behave like SIGINT in the CLI: the running statement is cancelled on
// the server (pg_stat_activity / processlist show it gone), a migration's run lock is released and
// its half-applied state reported, and the exit code is 128 + the signal (143, 129, 131).
// Shared servers, own tags, tables and databases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { pollUntil, startCliProcess } from '../helpers/fault-cli-process.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

const SIGNALS = { SIGTERM: 143, SIGHUP: 129, SIGQUIT: 131 } as const;
const DATABASE = 'dsnsh_sig_migrate';

interface Backend {
  name: 'postgres' | 'mysql';
  enabled: boolean;
  adminDsn: string;
  migrateDsn: string;
  sleep: (tag: string) => string;
  running: (tag: string) => string;
  slowMigration: string;
  locksHeld: string;
  /** The slow migration's insert stays without transactional DDL */
  leftover: boolean;
}

const backends: Backend[] = [
  {
    name: 'postgres',
    enabled: availability().postgres,
    adminDsn: PG_DSN,
    migrateDsn: PG_DSN.replace(/\/test\?/, `/${DATABASE}?`),
    sleep: (tag) => `select pg_sleep(60) as ${tag}`,
    running: (tag) =>
      `select count(*) from pg_stat_activity where query like '%as ${tag}%' and state = 'active' and pid <> pg_backend_pid()`,
    slowMigration: 'select pg_sleep(case when exists (select 1 from sig_sleep_flag) then 30 else 0 end) as sig_migrate_sleep',
    locksHeld: `select count(*) from pg_locks l join pg_database d on d.oid = l.database where l.locktype = 'advisory' and d.datname = '${DATABASE}'`,
    leftover: false,
  },
  {
    name: 'mysql',
    enabled: availability().mysql,
    adminDsn: MYSQL_DSN,
    migrateDsn: MYSQL_DSN.replace(/\/test$/, `/${DATABASE}`),
    sleep: (tag) => `select sleep(60) as ${tag}`,
    running: (tag) => `select count(*) from information_schema.processlist where info like '%as ${tag}%' and id <> connection_id()`,
    slowMigration: 'select sleep(if((select count(*) from sig_sleep_flag) > 0, 30, 0)) as sig_migrate_sleep',
    locksHeld: `select count(is_used_lock('dsnsh_migrate:${DATABASE}'))`,
    leftover: true,
  },
];

for (const backend of backends) {
  describe.skipIf(!backend.enabled)(`signals: ${backend.name}`, () => {
    let admin: Adapter;
    let dir: string;
    const count = async (sql: string) => Number((await admin.run(sql)).rows[0]![0]);

    beforeAll(async () => {
      admin = await openAdapter(parseDsn(backend.adminDsn));
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-sig-migrations-'));
      const write = (name: string, sql: string) => fs.writeFileSync(path.join(dir, name), sql);
      write(
        '20250301000000000001_flag.up.sql',
        'create table sig_items (id int primary key);\ncreate table sig_sleep_flag (id int);\ninsert into sig_sleep_flag values (1);\n',
      );
      write('20250301000000000001_flag.down.sql', 'drop table sig_items;\ndrop table sig_sleep_flag;\n');
      write(`20250301000000000002_slow.${backend.name}.up.sql`, `insert into sig_items values (2);\n${backend.slowMigration};\n`);
      write('20250301000000000002_slow.down.sql', 'delete from sig_items where id = 2;\n');
    });
    afterAll(async () => {
      await admin?.run(`drop database if exists ${DATABASE}${backend.name === 'postgres' ? ' with (force)' : ''}`).catch(() => undefined);
      await admin?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const [signal, code] of Object.entries(SIGNALS) as [keyof typeof SIGNALS, number][]) {
      it(`${signal} during a statement: cancelled on the server, exit ${code}`, async () => {
        const tag = `dsnsh_sig_${signal.toLowerCase()}_${backend.name}`;
        const cli = startCliProcess([backend.adminDsn, '-c', backend.sleep(tag)]);
        try {
          await pollUntil(async () => (await count(backend.running(tag))) === 1, 'the statement runs');
          cli.kill(signal);
          expect(await cli.exited).toEqual({ code, signal: null });
          expect(cli.stderr()).toBe(`dsnsh: interrupted by ${signal}; the running statement was cancelled\n`);
          // Gone on the server at once, not after its 60 s.
          await pollUntil(async () => (await count(backend.running(tag))) === 0, 'the statement is gone from the server', 3000);
        } finally {
          cli.kill('SIGKILL');
        }
      }, 30_000);
    }

    it('SIGTERM during a migration: cancelled, the half-applied migration named, the run lock released (a second runner takes it at once); exit 143', async () => {
      await admin.run(`drop database if exists ${DATABASE}${backend.name === 'postgres' ? ' with (force)' : ''}`);
      await admin.run(`create database ${DATABASE}`);
      const target = await openAdapter(parseDsn(backend.migrateDsn));
      const cli = startCliProcess(['migrate', 'up', backend.migrateDsn, '--migrations', dir, '--yes']);
      try {
        await pollUntil(async () => (await count(backend.running('sig_migrate_sleep'))) === 1, 'the slow migration runs', 30_000);
        cli.kill('SIGTERM');
        expect((await cli.exited).code, cli.stderr()).toBe(143);
        expect(cli.stderr()).toMatch(/migration 20250301000000000002 failed/);
        expect(cli.stderr()).toMatch(backend.leftover ? /first 1 statement\(s\) stayed applied/ : /rolled back and is not recorded/);
        expect(cli.stderr()).toMatch(/interrupted by SIGTERM; the running migration was cancelled/);
        expect(await count(backend.running('sig_migrate_sleep'))).toBe(0);
        expect(await count(backend.locksHeld)).toBe(0);
        // A second runner: no waiting for a lock, and the slow migration passes straight through.
        await target.run('delete from sig_sleep_flag');
        if (backend.leftover) await target.run('delete from sig_items where id = 2');
        const rerun = await runCli(['migrate', 'up', backend.migrateDsn, '--migrations', dir, '--yes']);
        expect(rerun.code, rerun.stderr + rerun.stdout).toBe(0);
        expect(rerun.stdout + rerun.stderr).not.toMatch(/waiting|another/i);
      } finally {
        cli.kill('SIGKILL');
        await target.close();
      }
    }, 90_000);
  });
}
