// The console against PostgreSQL in a real pty: run statements, cancel a long one with Ctrl+C.
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type PtySession } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';

let session: PtySession | null = null;
afterEach(() => { session?.kill(); session = null; });

describe.skipIf(!availability().postgres)('console on PostgreSQL', () => {
  it('runs a statement, cancels pg_sleep with Ctrl+C, then runs another', async () => {
    session = startCli({ args: [PG_DSN], env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor('sql>');
    session.write("select 1 as one, '中文' as t, null as n;");
    session.write('\r');
    const screen = await session.waitFor('1 row');
    console.log(screen);
    expect(screen).toContain('∅');
    session.write('SELECT pg_sleep(30);');
    session.write('\r');
    await session.waitFor('running');
    session.write('\x03');
    await session.waitFor('Statement cancelled');
    console.log(session.screen());
    session.write('select 41 + 1 as answer;');
    session.write('\r');
    expect(await session.waitFor(/42/)).toContain('answer');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
