// The header tells the truth, in a real pty: "running" while a statement runs (PostgreSQL), and a
// connection that failed names the backend it tried.
import { afterEach, describe, expect, it } from 'vitest';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { startCli, type PtySession } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

let session: PtySession | null = null;
afterEach(() => {
  session?.kill();
  session = null;
});
const env = { DSNSH_STATE_DIR: '/tmp/dsnsh-session-header-state' };

describe('console header', () => {
  it.skipIf(!availability().postgres)('says running while a statement runs, connected after', async () => {
    session = startCli({ args: [PG_DSN], columns: 120, rows: 30, env });
    await session.waitFor(' · connected');
    session.write('select pg_sleep(30) as session_header_sleep;');
    session.write('\r');
    await session.waitFor(/^server [^\n]* · idle · running\s*$/m);
    session.write('\x03');
    await session.waitFor('Statement cancelled');
    await session.waitFor(/^server [^\n]* · idle · connected\s*$/m);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  const killers = [
    {
      name: 'PostgreSQL',
      dsn: PG_DSN,
      up: availability().postgres,
      pid: 'select pg_backend_pid() as session_pid;',
      kill: (pid: string) => `select pg_terminate_backend(${pid})`,
    },
    {
      name: 'MariaDB',
      dsn: MYSQL_DSN,
      up: availability().mysql,
      pid: 'select connection_id() as session_pid;',
      kill: (pid: string) => `kill ${pid}`,
    },
  ];
  for (const { name, dsn, up, pid, kill } of killers) {
    it.skipIf(!up)(`${name}: the session ended by the server shows as lost before the next statement`, async () => {
      session = startCli({ args: [dsn], columns: 120, rows: 30, env });
      await session.waitFor(' · connected');
      session.write(pid);
      session.write('\r');
      const screen = await session.waitFor(/session_pid\s*\n[─]+\s*\n\s*(\d+)/);
      const id = /session_pid\s*\n[─]+\s*\n\s*(\d+)/.exec(screen)?.[1] ?? '';
      const other = await openAdapter(parseDsn(dsn));
      try {
        await other.run(kill(id));
      } finally {
        await other.close();
      }
      await session.waitFor(/^server [^\n]* · connection lost/m);
      session.write('select 6 * 7 as after_loss;');
      session.write('\r');
      await session.waitFor(/ERROR|lost/);
      session.write('select 6 * 7 as after_loss;');
      session.write('\r');
      await session.waitFor(/after_loss\s*\n[─]+\s*\n\s*42/);
      await session.waitFor(/^server [^\n]* · idle · connected\s*$/m);
      session.write('\x04');
      expect(await session.exited).toBe(0);
    });
  }

  it('a connection that failed names the backend it tried', async () => {
    session = startCli({ args: ['postgres://postgres@127.0.0.1:1/test?sslmode=disable&connect_timeout=2'], columns: 120, rows: 30, env });
    const screen = await session.waitFor(/Cannot connect/);
    expect(screen.split('\n')[0]).toMatch(/^dsnsh \(DSN\) · postgres · /);
    session.write('\x1b');
    session.kill();
  });
});
