// Guarding a database in the console: confirmation before destructive statements (per profile),
// and read-only sessions that the server itself enforces, with READ-ONLY in the header.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { runStatement, childEnv, startCli, type PtySession } from '../helpers/pty.js';
import { availability, MYSQL_DSN } from '../helpers/servers.js';

let session: PtySession | null = null;
const folders: string[] = [];
afterEach(() => {
  session?.kill();
  session = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A home with the given saved profiles; returns the env that points dsnsh at it. */
function homeWith(profiles: Record<string, object>): { home: string; env: Record<string, string | undefined> } {
  const home = mkdtempSync(join(tmpdir(), 'dsnsh-ui-guard-'));
  folders.push(home);
  const config = join(home, 'config');
  mkdirSync(config);
  writeFileSync(join(config, 'profiles.json'), JSON.stringify({ profiles, defaultProfile: null }), { mode: 0o600 });
  return { home, env: { HOME: home, DSNSH_CONFIG_DIR: config, XDG_STATE_HOME: join(home, 'state'), DSN: undefined } };
}

/** Runs SQL with the built CLI, outside the console (setting up fixtures). */
function runSql(target: string, sql: string): string {
  return execFileSync(process.execPath, [CLI_PATH, target, '-c', sql], { env: childEnv(), encoding: 'utf8' });
}

const countIs = (n: number) => new RegExp(`n\\s*\\n─+\\s*\\n\\s*${n}\\s*\\n`);

describe('confirmation before destructive statements', () => {
  it('a profile with confirmDestructive asks, showing the statement; n cancels, y runs it', async () => {
    const { home, env } = homeWith({});
    const db = join(home, 'guard.sqlite');
    writeFileSync(
      join(home, 'config', 'profiles.json'),
      JSON.stringify({ profiles: { careful: { dsn: `sqlite://${db}?_fk=true`, confirmDestructive: true } }, defaultProfile: null }),
    );
    runSql(`sqlite://${db}?_fk=true`, 'create table t (id integer primary key); insert into t values (1), (2), (3);');
    session = startCli({ args: ['careful'], env });
    await session.waitFor(' · connected');
    const asked = await runStatement(session, 'DELETE FROM t;', 'press y to run it');
    expect(asked).toContain('DELETE without WHERE: run this statement?');
    expect(asked).toMatch(/^DELETE FROM t;/m);
    session.write('n');
    await session.waitFor('Not run');
    await session.waitFor('sql> DELETE FROM t;');
    session.write('\x15'); // clear the prompt
    await runStatement(session, 'select count(*) as n from t;', countIs(3));
    await runStatement(session, 'DELETE FROM t;', 'press y to run it');
    session.write('y');
    await session.waitFor('3 rows affected');
    await runStatement(session, 'select count(*) as n from t;', countIs(0));
    // a DELETE with WHERE does not ask
    await runStatement(session, 'delete from t where id = 1;', '0 rows affected');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});

describe('read-only sessions in the console', () => {
  it('--read-only on memory: READ-ONLY in the header, writes refused', async () => {
    const { env } = homeWith({});
    session = startCli({ args: ['memory', '--read-only'], env });
    expect(await session.waitFor(' · connected')).toMatch(/^dsnsh memory · \S+ · READ-ONLY/m);
    await runStatement(session, 'create table ui_guard_ro (id integer);', 'ERROR');
    await runStatement(session, "select count(*) as n from sqlite_master where name = 'ui_guard_ro';", countIs(0));
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('a read-only profile on a SQLite file: READ-ONLY in the header, the rows stay', async () => {
    const { home, env } = homeWith({});
    const db = join(home, 'ro.sqlite');
    runSql(`sqlite://${db}`, 'create table t (id integer); insert into t values (1), (2);');
    writeFileSync(
      join(home, 'config', 'profiles.json'),
      JSON.stringify({ profiles: { look: { dsn: `sqlite://${db}`, readOnly: true } }, defaultProfile: null }),
    );
    session = startCli({ args: ['look'], env });
    expect(await session.waitFor(' · connected')).toMatch(/^dsnsh look · sqlite · READ-ONLY/m);
    await runStatement(session, 'insert into t values (3);', 'ERROR');
    await runStatement(session, 'delete from t where id = 1;', /ERROR[^]*sql>/);
    await runStatement(session, 'select count(*) as n from t;', countIs(2));
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it.skipIf(!availability().mysql)('--read-only on MariaDB: the server refuses writes', async () => {
    runSql(MYSQL_DSN, 'drop table if exists ui_guard_ro; create table ui_guard_ro (id int); insert into ui_guard_ro values (1);');
    try {
      const { env } = homeWith({});
      session = startCli({ args: [MYSQL_DSN, '--read-only'], env });
      await session.waitFor(/READ-ONLY[^]*connected/);
      expect(await runStatement(session, 'insert into ui_guard_ro values (2);', 'ERROR')).toMatch(/READ ONLY|read-only/i);
      await runStatement(session, 'select count(*) as n from ui_guard_ro;', countIs(1));
      session.write('\x04');
      expect(await session.exited).toBe(0);
    } finally {
      runSql(MYSQL_DSN, 'drop table if exists ui_guard_ro;');
    }
  });
});
