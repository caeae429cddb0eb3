// A console whose terminal vanished without a SIGHUP (the pty's master closed while the console
// runs in a session of its own) notices (stdin ends, reads and writes fail with EIO), cancels the
// statement it runs on the server and exits as SIGHUP does, 129: a normal exit, never a crash
// signal (Node 20 aborts in its exit path on a hung-up terminal) and never left running.
// Full-screen and line mode (TERM=dumb, --plain). An open transaction is rolled back by the
// server when the connection closes: the row inserted in it is not there afterwards. A terminal
// that closed with the kernel's SIGHUP ends the same way (the full-screen console crashed in Node's
// exit there, the line-mode console died by the signal without cancelling).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { privateConsoles } from '../helpers/private-console.js';
import { availability, PG_DSN } from '../helpers/servers.js';
import { closeMaster, startOnVanishingTerminal, type VanishingTerminal } from '../helpers/vanishing-terminal.js';

/** Generous for a loaded machine; the console itself waits at most 1.5 s for the server. */
const GONE_WITHIN_MS = 8000;
const TABLE = `vanished_terminal_${process.pid}`;
const consoles = privateConsoles('dsnsh-hangup-');
let console_: VanishingTerminal | null = null;
afterEach(() => {
  console_?.dispose();
  console_ = null;
});
const start = (args: string[], env: Record<string, string | undefined> = {}) => (console_ = startOnVanishingTerminal(args, env));

describe('a terminal that vanished without SIGHUP, memory', () => {
  it('full-screen: exits 129, not by a signal', async () => {
    const session = start(['memory']);
    await session.waitFor(' · connected');
    session.vanish();
    expect(await session.ended(GONE_WITHIN_MS)).toEqual({ code: 129, signal: null });
  });

  it('TERM=dumb line mode: exits 129, not by a signal', async () => {
    const session = start(['memory'], { TERM: 'dumb' });
    await session.waitFor('sql> ');
    session.vanish();
    expect(await session.ended(GONE_WITHIN_MS)).toEqual({ code: 129, signal: null });
  });
});

describe.skipIf(!availability().postgres)('a terminal that vanished without SIGHUP, PostgreSQL', () => {
  let other: Adapter;
  beforeAll(async () => {
    other = await openAdapter(parseDsn(PG_DSN));
    await other.run(`drop table if exists ${TABLE}`);
    await other.run(`create table ${TABLE} (id int)`);
  });
  afterAll(async () => {
    // A console that failed to cancel leaves its statement holding the table's lock.
    await other.run(
      `select pg_terminate_backend(pid) from pg_stat_activity where query like '%vanish_marker_%_${process.pid}%' and pid <> pg_backend_pid()`,
    );
    await other.run(`drop table if exists ${TABLE}`);
    await other.close();
  });
  const running = async (marker: string) =>
    Number(
      (await other.run(`select count(*) from pg_stat_activity where query like '%${marker}%' and pid <> pg_backend_pid()`)).rows[0]?.[0],
    );
  const rows = async (id: number) => Number((await other.run(`select count(*) from ${TABLE} where id = ${id}`)).rows[0]?.[0]);
  const waitUntilRunning = async (marker: string) => {
    for (let tries = 0; tries < 200 && (await running(marker)) === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await running(marker)).toBe(1);
  };

  it.each([
    { mode: 'full-screen', args: [PG_DSN], env: {}, ready: ' · connected', id: 1 },
    { mode: '--plain line mode', args: [PG_DSN, '--plain'], env: {}, ready: 'sql> ', id: 2 },
  ])('$mode: a running statement is cancelled, the open transaction rolled back, exit 129', async ({ args, env, ready, id }) => {
    const session = start(args, env);
    await session.waitFor(ready);
    session.write('begin;\r');
    await session.waitFor(/BEGIN|in transaction/);
    session.write(`insert into ${TABLE} values (${id});\r`);
    await session.waitFor(/INSERT 0 1|1 row/);
    const marker = `vanish_marker_${id}_${process.pid}`;
    session.write(`select pg_sleep(120) as ${marker};\r`);
    await waitUntilRunning(marker);
    session.vanish();
    expect(await session.ended(GONE_WITHIN_MS)).toEqual({ code: 129, signal: null });
    // The statement does not go on on the server, and the transaction's row was never committed.
    for (let tries = 0; tries < 100 && (await running(marker)) > 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await running(marker)).toBe(0);
    expect(await rows(id)).toBe(0);
  });
});

describe('a terminal that closed with a SIGHUP (the console leads the pty session), memory', () => {
  it.each([
    { mode: 'full-screen', env: {}, ready: ' · connected' },
    { mode: 'TERM=dumb line mode', env: { TERM: 'dumb' }, ready: 'sql> ' },
  ])('$mode: exits 129, not by a signal', async ({ env, ready }) => {
    const session = consoles.start({ args: ['memory'], env });
    await session.waitFor(ready);
    const ended = new Promise<{ exitCode: number; signal?: number }>((resolve) => session.pty.onExit(resolve));
    // Closes the master (the kernel hangs the terminal up) and sends SIGHUP, as a closed window does.
    closeMaster(session.pty);
    expect(await ended).toEqual({ exitCode: 129, signal: 0 });
  });
});
