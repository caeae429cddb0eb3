// The console with max_conns=1 (and 2 with a transaction open) in a real pty: the user's session
// keeps its connection, statements run at once, and the live panels pause saying why instead of
// queueing for a connection the session holds.
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type PtySession } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

let session: PtySession | null = null;
afterEach(() => {
  session?.kill();
  session = null;
});

const env = { DSNSH_STATE_DIR: '/tmp/dsnsh-session-pool-state' };
const withParam = (dsn: string, param: string) => `${dsn}${dsn.includes('?') ? '&' : '?'}${param}`;
const servers = [
  { name: 'PostgreSQL', dsn: PG_DSN, up: availability().postgres },
  { name: 'MariaDB', dsn: MYSQL_DSN, up: availability().mysql },
];

describe.each(servers)('max_conns on $name', ({ dsn, up }) => {
  it.skipIf(!up)('max_conns=1: statements run, completion answers, panels say they are paused', async () => {
    session = startCli({ args: [withParam(dsn, 'max_conns=1')], columns: 120, rows: 30, env });
    await session.waitFor('connected');
    session.write('select 6 * 7 as session_answer;');
    session.write('\r');
    await session.waitFor(/session_answer\s*\n[─]+\s*\n\s*42/);
    await session.waitFor("paused: the only connection is the session's");
    expect(session.screen()).toMatch(/idle · connected/);
    session.write('select 5 + 5 as second_answer;');
    session.write('\r');
    await session.waitFor(/second_answer\s*\n[─]+\s*\n\s*10/);
    expect(session.screen()).not.toMatch(/waiting [1-9]/);
    session.write('select * from zz_session_');
    session.write('\t');
    await session.waitFor("completion paused: the only connection is the session's");
    session.write('\x15');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it.skipIf(!up)('max_conns=2 with a transaction open: statements keep running', async () => {
    session = startCli({ args: [withParam(dsn, 'max_conns=2')], columns: 120, rows: 30, env });
    await session.waitFor('connected');
    session.write('begin;');
    session.write('\r');
    await session.waitFor(/transaction|BEGIN|OK/i);
    for (let i = 1; i <= 4; i++) {
      session.write(`select ${i} * 100 as step_${i};`);
      session.write('\r');
      await session.waitFor(new RegExp(`step_${i}\\s*\\n[─]+\\s*\\n\\s*${i}00`));
    }
    session.write('rollback;');
    session.write('\r');
    session.write('select 7 as after_tx;');
    session.write('\r');
    await session.waitFor(/after_tx\s*\n[─]+\s*\n\s*7/);
    expect(session.screen()).not.toMatch(/waiting [1-9]/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
