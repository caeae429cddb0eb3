// The console against PostgreSQL in a real pty: run statements, cancel a long one with Ctrl+C.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type PtySession } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';

let session: PtySession | null = null;
afterEach(() => {
  session?.kill();
  session = null;
});

describe.skipIf(!availability().postgres)('console on PostgreSQL', () => {
  it('runs a statement, cancels pg_sleep with Ctrl+C, then runs another', async () => {
    session = startCli({ args: [PG_DSN], env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor(' · connected');
    session.write("select 1 as one, '中文' as t, null as n;");
    session.write('\r');
    const screen = await session.waitFor('1 row');
    expect(screen).toContain('∅');
    session.write('SELECT pg_sleep(30);');
    session.write('\r');
    await session.waitFor('running');
    session.write('\x03');
    await session.waitFor('Statement cancelled');
    session.write("select count(*) as sleeping from pg_stat_activity where state = 'active' and query like 'SELECT pg_sleep(30)%';");
    session.write('\r');
    expect(await session.waitFor(/sleeping\s*\n[─┼]+\n\s*0\s*$/m)).toBeTruthy();
    session.write('select 41 + 1 as answer;');
    session.write('\r');
    await session.waitFor(/answer\s*\n[─]+\s*\n\s*42/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('recovers after the server drops the session, and quits on a second Ctrl+C', async () => {
    session = startCli({ args: [PG_DSN], env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor('connected');
    session.write('select pg_terminate_backend(pg_backend_pid());');
    session.write('\r');
    await session.waitFor('ERROR');
    session.write('select 6 * 7 as recovered;');
    session.write('\r');
    await session.waitFor(/recovered\s*\n[─]+\s*\n\s*42/);
    session.write('select pg_sleep(30);');
    session.write('\r');
    // The spinner (the hint above, now wrapped whole, also says "before running it again")
    await session.waitFor(/running [\d.]+ s/);
    session.write('\x03');
    session.write('\x03');
    expect(await session.exited).toBe(130);
  });

  it('scrolls to the end of 1,000,000 rows with bounded memory', async () => {
    session = startCli({ args: [PG_DSN], env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor('connected');
    session.write('select i, md5(i::text) as hash from generate_series(1, 1000000) as i;');
    session.write('\r');
    await session.waitFor('rows so far');
    session.write('\x1b[Z');
    session.write('G');
    const screen = await session.waitFor('1,000,000 rows', 120_000);
    expect(screen).toMatch(/1000000 │ [0-9a-f]{32}/);
    const status = readFileSync(`/proc/${session.pty.pid}/status`, 'utf8');
    const rssMb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    expect(rssMb).toBeGreaterThan(0);
    expect(rssMb).toBeLessThan(200);
    session.write('\x1b\x04');
    expect(await session.exited).toBe(0);
  }, 180_000);

  it('--read-only makes the server refuse writes', async () => {
    session = startCli({ args: [PG_DSN, '--read-only'], env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor(/READ-ONLY[^]*connected/);
    session.write('create table ui_console_should_not_exist (id int);');
    session.write('\r');
    expect(await session.waitFor('ERROR')).toMatch(/read-only/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('\\conninfo names the server once (no repeated product name)', async () => {
    session = startCli({ args: [PG_DSN], columns: 140, env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor('connected');
    session.write('\\conninfo\r');
    const screen = await session.waitFor(/server\s+PostgreSQL \d+/);
    expect(screen).not.toMatch(/PostgreSQL PostgreSQL/);
  });

  it('shows the transaction state and marks the failing position', async () => {
    session = startCli({ args: [PG_DSN], env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor('connected');
    session.write('begin;');
    session.write('\r');
    await session.waitFor('in transaction');
    session.write('select 1 frm nowhere;');
    session.write('\r');
    const screen = await session.waitFor('failed transaction');
    expect(screen).toContain('ERROR: ');
    expect(screen).toMatch(/LINE 1: select 1 frm nowhere;\n\s+\^/);
    session.write('rollback;');
    session.write('\r');
    await session.waitFor(/ · idle · connected/);
    session.write('\\l');
    session.write('\r');
    await session.waitFor(/database\s+│\s+owner/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});

describe('console with an unreachable server', () => {
  it('opens with the error, says down, and still quits cleanly', async () => {
    session = startCli({
      args: ['postgres://postgres:hunter2@127.0.0.1:1/test?sslmode=disable&connect_timeout=2'],
      env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' },
    });
    const screen = await session.waitFor('Cannot connect');
    expect(screen).toMatch(/down|reconnecting/);
    expect(session.output()).not.toContain('hunter2');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
