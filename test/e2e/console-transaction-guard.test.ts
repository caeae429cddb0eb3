// An open transaction is never dropped silently, in a real pty on PostgreSQL, MariaDB and a SQLite
// file: Ctrl+C at an empty prompt does not quit; quitting (Ctrl+D, \q) or switching profile (F2 +
// Enter on the current one) with a transaction open asks: c commits, r rolls back, other keys stay.
// The row is checked afterwards from another connection.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { CLI_PATH } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { childEnv } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-session-tx-');
const sqliteDir = mkdtempSync(join(tmpdir(), 'dsnsh-session-tx-sqlite-'));
const TABLE = `session_tx_guard_${process.pid}`;
const backends = [
  { name: 'PostgreSQL', dsn: PG_DSN, up: availability().postgres },
  { name: 'MariaDB', dsn: MYSQL_DSN, up: availability().mysql },
  { name: 'SQLite file', dsn: `sqlite://${join(sqliteDir, 'guard.sqlite')}`, up: true },
];
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

describe.each(backends)('transaction guard on $name', ({ dsn, up }) => {
  let other: Adapter;
  beforeAll(async () => {
    if (!up) return;
    other = await openAdapter(parseDsn(dsn));
    await other.run(`drop table if exists ${TABLE}`);
    await other.run(`create table ${TABLE} (id int)`);
  });
  afterAll(async () => {
    if (!up) return;
    await other.run(`drop table if exists ${TABLE}`);
    await other.close();
  });
  const rows = async (id: number) => Number((await other.run(`select count(*) from ${TABLE} where id = ${id}`)).rows[0]?.[0]);

  const startInTransaction = async (id: number, options: Parameters<typeof consoles.start>[0] = { args: [dsn] }) => {
    const chosen = typeof options === 'function' ? options : () => options;
    const session = consoles.start((home) => ({ columns: 120, rows: 30, ...chosen(home) }));
    await session.waitFor(' · connected');
    session.write('begin;');
    session.write('\r');
    await session.waitFor('in transaction');
    session.write(`insert into ${TABLE} values (${id});`);
    session.write('\r');
    await session.waitFor(/1 row/);
    return session;
  };

  it.skipIf(!up)('Ctrl+C at an empty prompt stays; Ctrl+D asks; s stays; c commits and quits', async () => {
    const session = await startInTransaction(1);
    session.write('\x03');
    await session.waitFor('Ctrl+D or \\q quits');
    session.write('\x04');
    await session.waitFor('A transaction is open. Quitting would end it: c commits, r rolls back');
    session.write('s');
    await session.waitFor('Stayed: the transaction is still open.');
    expect(session.screen()).toContain('in transaction');
    session.write('\x04');
    await session.waitFor('c commits, r rolls back');
    session.write('c');
    expect(await session.exited).toBe(0);
    expect(await rows(1)).toBe(1);
  });

  it.skipIf(!up)('\\q with a transaction open asks; r rolls back and quits', async () => {
    const session = await startInTransaction(2);
    session.write('\\q');
    session.write('\r');
    await session.waitFor('c commits, r rolls back');
    session.write('r');
    expect(await session.exited).toBe(0);
    expect(await rows(2)).toBe(0);
  });

  it.skipIf(!up)('F2 + Enter on the current profile with a transaction open asks; c commits before reconnecting', async () => {
    const session = await startInTransaction(3, (home) => {
      const env = { HOME: home, DSNSH_CONFIG_DIR: join(home, 'config'), XDG_STATE_HOME: join(home, 'state'), DSN: undefined };
      execFileSync(process.execPath, [CLI_PATH, 'profile', 'add', 'sess_guard', dsn], { env: childEnv(env), stdio: 'pipe' });
      return { args: ['sess_guard'] };
    });
    session.write('\x1bOQ'); // F2
    await session.waitFor('Profiles');
    session.write('\r');
    await session.waitFor('A transaction is open. Switching profile would end it: c commits, r rolls back');
    session.write('c');
    await session.waitFor(/sess_guard[^\n]*\n[^\n]*idle · connected/);
    expect(await rows(3)).toBe(1);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
