// TERM=dumb and --plain give a line-mode console in a real pty: a prompt, results printed as the
// non-interactive table, history, the same guards (read-only, destructive confirmation as a y/N
// line, a refused or failing statement stops the rest of the input), \q. No full screen.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { CLI_PATH } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { childEnv } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-session-line-');
const TABLE = `session_line_${process.pid}`;

describe.skipIf(!availability().postgres)('line-mode console on PostgreSQL', () => {
  let other: Adapter;
  beforeAll(async () => {
    other = await openAdapter(parseDsn(PG_DSN));
    await other.run(`drop table if exists ${TABLE}`);
    await other.run(`create table ${TABLE} (id int)`);
  });
  beforeEach(async () => {
    await other.run(`delete from ${TABLE}`);
    await other.run(`insert into ${TABLE} values (1), (2)`);
  });
  afterAll(async () => {
    await other.run(`drop table if exists ${TABLE}`);
    await other.close();
  });

  it('TERM=dumb: prompt, table results, history, destructive y/N, an error stops the rest, \\q', async () => {
    let home = '';
    // A production profile: destructive statements are confirmed (as in the full-screen console).
    const session = consoles.start((dir) => {
      home = dir;
      const env = { HOME: dir, DSNSH_CONFIG_DIR: join(dir, 'config'), XDG_STATE_HOME: join(dir, 'state'), DSN: undefined };
      execFileSync(process.execPath, [CLI_PATH, 'profile', 'add', 'sess_line', PG_DSN, '--production'], {
        env: childEnv(env),
        stdio: 'pipe',
      });
      return { args: ['sess_line'], columns: 160, rows: 60, env: { TERM: 'dumb' } };
    });
    await session.waitFor('PRODUCTION · line mode');
    await session.waitFor('sql> ');
    session.write('select 6 * 7 as answer;\r');
    await session.waitFor(/answer[^]*42/);
    // destructive: asked as a line; refused, it and the rest of the input do not run
    session.write(`delete from ${TABLE}; select 'after' as marker;\r`);
    await session.waitFor('[y/N]');
    session.write('n\r');
    await session.waitFor('Not run (cancelled): none of the 2 statements ran.');
    expect(session.screen()).not.toMatch(/^marker\s*$/m);
    expect(Number((await other.run(`select count(*) from ${TABLE}`)).rows[0]?.[0])).toBe(2);
    // asked before any statement of the input runs: declining, the insert before the delete never ran
    session.write(`insert into ${TABLE} values (3); delete from ${TABLE};\r`);
    await session.waitFor('1 of 2 statements destroy data');
    await vi.waitFor(() => expect(session.screen().match(/run all 2\? \[y\/N\]/g)?.length).toBe(2), { timeout: 10_000, interval: 25 });
    session.write('n\r');
    await vi.waitFor(() => expect(session.screen().match(/Not run \(cancelled\): none of the 2 statements ran\./g)?.length).toBe(2), {
      timeout: 10_000,
      interval: 25,
    });
    expect(Number((await other.run(`select count(*) from ${TABLE}`)).rows[0]?.[0])).toBe(2);
    // a failing statement stops the rest
    session.write(`select * from ${TABLE}_missing; select 'second' as marker2;\r`);
    await session.waitFor('The 1 statement after it did not run.');
    expect(session.screen()).not.toMatch(/^marker2\s*$/m);
    // history: Up recalls the last statement
    session.write('\x1b[A');
    const recalled = new RegExp(`^sql> select \\* from ${TABLE}_missing; select 'second' as marker2;`, 'gm');
    await vi.waitFor(() => expect(session.screen().match(recalled)?.length).toBe(2), { timeout: 10_000, interval: 25 });
    // Ctrl+C at the prompt clears the line and never quits
    session.write('\x03');
    await session.waitFor('Ctrl+D or \\q quits');
    session.write('\\q\r');
    expect(await session.exited).toBe(0);
    expect(session.output()).not.toContain('\x1b[?1049h');
    const historyDir = join(home, 'state', 'dsnsh', 'history');
    expect(existsSync(historyDir)).toBe(true);
    const saved = readdirSync(historyDir)
      .map((name) => readFileSync(join(historyDir, name), 'utf8'))
      .join('\n');
    expect(saved).toContain('select 6 * 7 as answer;');
  });

  it('--plain --read-only: the server refuses a write; \\q with a transaction open asks first', async () => {
    const session = consoles.start({ args: [PG_DSN, '--plain', '--read-only'], columns: 160, rows: 40 });
    await session.waitFor(/READ-ONLY · line mode/);
    session.write(`insert into ${TABLE} values (3);\r`);
    await session.waitFor(/read-only/i);
    session.write('begin;\r');
    session.write(`select count(*) as n from ${TABLE};\r`);
    await session.waitFor(/n\s*\n[-─+]+\s*\n\s*2/);
    session.write('\\q\r');
    await session.waitFor('A transaction is open: c commits, r rolls back');
    session.write('r\r');
    expect(await session.exited).toBe(0);
    expect(session.output()).not.toContain('\x1b[?1049h');
  });
});
