// A DSN that does not parse: on a terminal the console opens with the error, its hint and the
// profile switcher (memory is always there); without a terminal it stays exit 2 with the message.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { childEnv } from '../helpers/pty.js';

const BAD_DSN = 'postgres://app:sekrit-bad-dsn@db.example:notaport/app';

const consoles = privateConsoles('dsnsh-ui-bad-dsn-');

describe('a bad DSN at start', () => {
  it('opens the console with the error, the hint and the profile switcher; memory works from there', async () => {
    const session = consoles.start({ args: [BAD_DSN] });
    const screen = await session.waitFor('Profiles (');
    expect(screen).toMatch(/Bad DSN: .*port/i);
    expect(screen).toContain('hint: ');
    expect(screen).toMatch(/^\s*\S?\s*memory\s+memory/m);
    expect(screen).toContain(' · down');
    expect(session.output()).not.toContain('sekrit-bad-dsn');
    session.write('\r'); // memory is the first entry
    await session.waitFor(/dsnsh memory · memory[^]* · connected/);
    session.write('select 40 + 2 as answer;');
    session.write('\r');
    await session.waitFor(/answer\s*\n─+\s*\n\s*42/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(session.output()).not.toContain('sekrit-bad-dsn');
  });

  it('without a terminal, exits 2 with the message', () => {
    const result = spawnSync(process.execPath, [CLI_PATH, BAD_DSN], {
      env: childEnv(consoles.env()),
      input: 'select 1;\n',
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^dsnsh: error: .*port/im);
    expect(result.stdout + result.stderr).not.toContain('sekrit-bad-dsn');
  });
});
