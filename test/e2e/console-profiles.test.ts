// Switching profiles inside the console, and adding one with live DSN validation.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { childEnv } from '../helpers/pty.js';
import { privateConsoles } from '../helpers/private-console.js';
import { availability, PG_DSN, PG_HOST, PG_PORT } from '../helpers/servers.js';
import { startStandIn, type StandIn } from '../helpers/stand-in-service.js';

const consoles = privateConsoles('dsnsh-ui-profiles-');
const standIns: StandIn[] = [];
afterEach(async () => {
  for (const standIn of standIns.splice(0)) await standIn.stop();
});

describe.skipIf(!availability().postgres)('profile switcher', () => {
  it('adds a profile with live validation and switches to it without restarting', async () => {
    const session = consoles.start({ columns: 100, rows: 30 });
    await session.waitFor('connected');
    session.write('\x1bOQ'); // F2
    await session.waitFor('Profiles');
    session.write('a');
    await session.waitFor('Add a profile');
    session.write('uipg');
    session.write('\t');
    session.write('postgres://postgres:sekrit@127.0.0.1:notaport/test');
    expect(await session.waitFor('✗')).not.toContain('sekrit');
    for (let i = 0; i < 'notaport/test'.length; i += 1) session.write('\x7f');
    session.write(PG_DSN.replace('postgres://postgres@127.0.0.1:', '5432/').replace(/^5432\/\d+\//, '5432/'));
    await session.waitFor('✓ valid DSN');
    session.write('\r');
    await session.waitFor(/uipg\s+postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:5432/);
    session.write('\x1b[B'.repeat(5));
    session.write('\r');
    const screen = await session.waitFor(/uipg · postgres/);
    expect(screen).not.toContain('sekrit');
    await session.waitFor('connected');
    session.write('select current_database() as db;');
    session.write('\r');
    await session.waitFor(/db\s*\n─+\s*\ntest/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('with no DSN anywhere, lists a process whose environment holds DSN and connects with it, redacted', async () => {
    // Trust auth ignores the password: it is there to prove it is never shown.
    const dsn = `postgres://postgres:sekrit-pid@${PG_HOST}:${PG_PORT}/test?sslmode=disable&application_name=ory-standin`;
    const kratos = await startStandIn({ name: 'kratos', args: ['serve', '--watch-courier'], env: { DSN: dsn } });
    standIns.push(kratos);
    const session = consoles.start({ columns: 120, rows: 30 });
    await session.waitFor('memory');
    session.write('\x1bOQ'); // F2
    const list = await session.waitFor(`kratos serve (pid ${kratos.pid})`);
    expect(list).not.toContain('sekrit-pid');
    const rows = list.split('\n');
    const at = rows.findIndex((row) => row.includes(`kratos serve (pid ${kratos.pid})`));
    const from = rows.findIndex((row) => /[●*]?\s*memory\s/.test(row) && !row.includes('·'));
    session.write('\x1b[B'.repeat(Math.max(1, at - from)));
    session.write('\r');
    const connected = await session.waitFor(/postgres:\/\/postgres:\*\*\*@/);
    expect(connected).not.toContain('sekrit-pid');
    await session.waitFor('connected');
    session.write("select current_setting('application_name') as app;");
    session.write('\r');
    expect(await session.waitFor(/app\s*\n─+\s*\nory-standin/)).not.toContain('sekrit-pid');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});

describe('profile switcher on the error screen and in the add form', () => {
  it('a profile that cannot be resolved says why and what to do', async () => {
    const session = consoles.start((home) => {
      const env = childEnv({ HOME: home, DSNSH_CONFIG_DIR: join(home, 'config'), DSN: undefined });
      const added = spawnSync(process.execPath, [CLI_PATH, 'profile', 'add', 'envy', 'sqlite:///${DSNSH_NO_SUCH_VAR}/db'], { env });
      expect(added.status, String(added.stderr)).toBe(0);
      return { columns: 200, rows: 30 };
    });
    await session.waitFor('connected');
    session.write('\x1bOQ'); // F2
    const list = await session.waitFor(/envy\s+sqlite:/);
    const rows = list.split('\n');
    const at = rows.findIndex((row) => /envy\s+sqlite:/.test(row));
    const from = rows.findIndex((row) => /[●*›]?\s*memory\s/.test(row) && !row.includes('·'));
    session.write('\x1b[B'.repeat(Math.max(0, at - from)));
    session.write('\r');
    expect(await session.waitFor('which is not set in the environment')).toMatch(
      /profile "envy" refers to \$\{DSNSH_NO_SUCH_VAR\}, which is not set in the environment \(set DSNSH_NO_SUCH_VAR/,
    );
  });

  it('on the error screen, typed SQL goes to the prompt, not into the switcher', async () => {
    const session = consoles.start({ args: ['postgres://app:sekrit-x@db.example:notaport/app'], columns: 120, rows: 30 });
    await session.waitFor('Profiles (');
    session.write('select 40 + 2 as answer;');
    const screen = await session.waitFor(/select 40 \+ 2 as answer;/);
    expect(screen).not.toContain('Add a profile');
    expect(screen).not.toContain('Profiles (');
    // The list is one key away, and Enter there still switches.
    session.write('\x1bOQ');
    await session.waitFor('Profiles (↑/↓ choose · Enter switch · a add');
    session.write('\r');
    await session.waitFor(/dsnsh memory · memory[^]* · connected/);
    session.write('select 40 + 2 as answer;\r');
    await session.waitFor(/answer\s*\n─+\s*\n\s*42/);
  });

  it('the add form says why Tab does not leave an invalid name, and a duplicate name offers to replace', async () => {
    let home = '';
    const session = consoles.start((h) => {
      home = h;
      return { columns: 160, rows: 30 };
    });
    await session.waitFor('connected');
    const add = async (name: string, file: string) => {
      session.write('\x1bOQ');
      await session.waitFor('Profiles (');
      session.write('a');
      await session.waitFor('Add a profile');
      session.write(`${name}\t`);
      await session.waitFor('DSN:  ▏');
      session.write(`sqlite://${home}/${file}`);
      await session.waitFor('✓ valid DSN');
      session.write('\r');
    };
    session.write('\x1bOQ');
    await session.waitFor('Profiles (');
    session.write('a');
    await session.waitFor('Add a profile');
    session.write('bad name!\t');
    expect(await session.waitFor('Tab stays on the name until it is valid')).toMatch(
      /"bad name!" is not a valid profile name; Tab stays on the name until it is valid\n\s+use letters/,
    );
    session.write('\x1b');
    await session.waitFor('Profiles (');
    session.write('\x1b');
    await add('dup', 'first.db');
    await session.waitFor(/dup\s+sqlite:\/\/.*first\.db/);
    session.write('\x1b');
    await add('dup', 'second.db');
    const asked = await session.waitFor('A profile named "dup" exists: Enter replaces');
    expect(asked).not.toContain('--replace');
    session.write('\r');
    const list = await session.waitFor(/dup\s+sqlite:\/\/.*second\.db/);
    expect(list).not.toMatch(/first\.db/);
  });
});
