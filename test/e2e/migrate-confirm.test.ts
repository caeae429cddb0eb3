// On a terminal, `migrate up` asks before changing anything; "n" (or Enter) leaves the database alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli-path.js';
import { startCli } from '../helpers/pty.js';

const ORY = join(PROJECT_ROOT, 'test/fixtures/migrations/ory-style');
const dir = mkdtempSync(join(tmpdir(), 'dsnsh-migrate-confirm-'));
const dsn = `sqlite://${join(dir, 'confirm.sqlite')}?_fk=true`;
const home = { HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), DSN: undefined };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dsnsh migrate up on a terminal', () => {
  it('asks, and "n" changes nothing', async () => {
    const cli = startCli({ args: ['migrate', 'up', dsn, '--migrations', ORY], columns: 120, env: home });
    try {
      await cli.waitFor('Apply 5 migration(s)? [y/N]');
      cli.write('n\r');
      expect(await cli.exited).toBe(0);
      await cli.waitFor('Nothing changed.');
    } finally {
      cli.kill();
    }
    const status = startCli({ args: ['migrate', 'status', dsn], columns: 120, env: home });
    await status.waitFor('No migration table found: nothing applied');
    expect(await status.exited).toBe(0);
  });

  it('asks, and "y" applies the plan', async () => {
    const cli = startCli({ args: ['migrate', 'up', dsn, '--migrations', ORY], columns: 120, env: home });
    try {
      await cli.waitFor('[y/N]');
      cli.write('y\r');
      expect(await cli.exited).toBe(0);
      // the last output can reach the emulated screen just after the exit is seen
      await cli.waitFor('Done: 5 migration(s) applied.');
    } finally {
      cli.kill();
    }
  });
});
