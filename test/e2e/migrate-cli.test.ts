// `dsnsh migrate` end to end: the built CLI as a child process without a TTY (as in a pod).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { CLI_PATH, PROJECT_ROOT } from '../helpers/cli-path.js';
import { migrationBackends } from '../migrations/migration-backends.js';

const ORY = join(PROJECT_ROOT, 'test/fixtures/migrations/ory-style');
const FAILING = join(PROJECT_ROOT, 'test/fixtures/migrations/failing');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

let home = '';
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'dsnsh-migrate-home-'));
});
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

function dsnsh(args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
  delete env.DSN;
  delete env.DSNSH_CONFIG_DIR;
  const child = spawn(process.execPath, [CLI_PATH, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function scalar(dsn: string, sql: string): Promise<string> {
  const adapter = await openAdapter(parseDsn(dsn));
  try {
    return String((await adapter.run(sql)).rows[0]?.[0]);
  } finally {
    await adapter.close();
  }
}

describe('dsnsh migrate: usage', () => {
  it('needs an action', async () => {
    const result = await dsnsh(['migrate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('migrate needs an action');
  });

  it('prints help', async () => {
    const result = await dsnsh(['migrate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('usage: dsnsh migrate status|up|down');
  });

  it('up needs a folder', async () => {
    const result = await dsnsh(['migrate', 'up', 'memory', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--migrations DIR');
  });

  it('names a file whose name does not match', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsnsh-migrate-bad-'));
    writeFileSync(join(dir, '1_ok.up.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'schema.sql'), 'SELECT 1;');
    const result = await dsnsh(['migrate', 'status', 'memory', '--migrations', dir]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('schema.sql is not a migration file name');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("uses a profile's migrations folder", async () => {
    const dsn = `sqlite://${join(home, 'profile.sqlite')}?_fk=true`;
    expect((await dsnsh(['profile', 'add', 'migtest', dsn, '--migrations', ORY])).code).toBe(0);
    const up = await dsnsh(['migrate', 'up', 'migtest', '--yes']);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('Done: 5 migration(s) applied.');
    const status = await dsnsh(['migrate', 'status', 'migtest']);
    // Ory's table (cmdx over Go's tabwriter): tab-separated, each cell ended by tabs.
    expect(status.stdout).toMatch(/^Version\t+Name\t+Status\t\n/);
    const rows = status.stdout.split('\n').slice(1, -1);
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => /\tApplied\t$/.test(row))).toBe(true);
  });

  it('reports a connection failure with exit 3', async () => {
    const result = await dsnsh(['migrate', 'status', 'postgres://app:s3cret@127.0.0.1:1/app?sslmode=disable&connect_timeout=2']);
    expect(result.code).toBe(3);
    expect(result.stderr + result.stdout).not.toContain('s3cret');
  });

  it('says a DSN warning with its control characters made visible, as the other commands do', async () => {
    const result = await dsnsh(['migrate', 'status', `sqlite://${join(home, 'warned.sqlite')}?max_conns=2%1b[2J`]);
    expect(result.stderr).toContain('dsnsh: warning: max_conns: "2\\x1b[2J" is not an integer');
    expect(result.stderr).not.toContain('\x1b');
  });
});

for (const backend of migrationBackends('e2e').filter((b) => b.label !== 'memory')) {
  describe.skipIf(!backend.available)(`dsnsh migrate on ${backend.label}`, () => {
    let dsn = '';
    beforeAll(async () => {
      dsn = await backend.prepare();
    });
    afterAll(async () => {
      await backend.cleanup();
    });

    it('status, a refused up without --yes, up, status without a folder, down, and a failing folder', async () => {
      const pending = await dsnsh(['migrate', 'status', dsn, '--migrations', ORY]);
      expect(pending.code).toBe(0);
      const lines = pending.stdout.split('\n');
      expect(lines[0]).toMatch(/^Version\t+Name\t+Status\t+$/);
      expect(lines[1]).toMatch(/^20240101100000000001\tcreate_widgets\t+Pending\t+$/);

      const refused = await dsnsh(['migrate', 'up', dsn, '--migrations', ORY]);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toContain('Plan: apply');
      expect(refused.stderr).toContain('stdin is not a terminal');
      expect(refused.stderr).toContain('--yes');

      const up = await dsnsh(['migrate', 'up', dsn, '--migrations', ORY, '--yes']);
      expect(up.code).toBe(0);
      expect(up.stdout).toContain('20240105100000000000_create_audit');
      expect(up.stdout).toMatch(/Done: \d migration\(s\) applied/);

      const json = await dsnsh(['migrate', 'status', dsn, '--migrations', ORY, '--format', 'json']);
      expect(json.code).toBe(0);
      // popx's array of {state, version, name, content, content_down}, dsnsh's keys after them.
      const status = JSON.parse(json.stdout) as { version: string; name: string; state: string; content: string; file: string }[];
      expect(status[0]).toMatchObject({
        version: '20240101100000000001',
        name: 'create_widgets',
        state: 'Applied',
        file: '20240101100000000001_create_widgets.up.sql',
      });
      expect(status[0]?.content).toContain('CREATE TABLE mig_widgets');
      expect(status.every((m) => m.state === 'Applied')).toBe(true);

      const bare = await dsnsh(['migrate', 'status', dsn]);
      expect(bare.code).toBe(0);
      expect(bare.stdout).toMatch(/Applied:\s+\d/);
      expect(bare.stdout).toMatch(/Latest:\s+20240105100000000000/);

      const down = await dsnsh(['migrate', 'down', dsn, '--migrations', ORY, '--steps', '2', '--yes']);
      expect(down.code).toBe(0);
      expect(down.stdout).toContain('20240105100000000000_create_audit.down.sql: reverted');
      const after = await dsnsh(['migrate', 'status', dsn, '--migrations', ORY]);
      expect(after.stdout).toMatch(/\n20240105100000000000\tcreate_audit\t+Pending\t+\n/);
      expect(after.stdout).toMatch(/\n20240104100000000000\tname_index\t+Pending\t+\n/);

      const failing = await dsnsh(['migrate', 'up', dsn, '--migrations', FAILING, '--yes']);
      expect(failing.code).toBe(1);
      expect(failing.stderr).toContain('migration 20240201000000000002 failed: 20240201000000000002_broken.up.sql, line 2');
      expect(failing.stderr).toContain('INSERT INTO mig_no_such_table (id) VALUES (2)');
      expect(failing.stderr).toMatch(/server: .*mig_no_such_table/);
      expect(failing.stderr).toContain('1 earlier migration(s) completed and recorded; 1 later migration(s) not run');
      expect(failing.stderr).not.toMatch(/\n\s+at /);
    });

    it('two concurrent `up` runs apply each migration once', async () => {
      // A recorded version that the folder does not explain blocks `down` until its own folder rolls it back.
      const blocked = await dsnsh(['migrate', 'down', dsn, '--migrations', ORY, '--yes']);
      expect(blocked.code).toBe(2);
      expect(blocked.stderr).toContain('version 20240201000000000001 is recorded in the database but no file');
      expect((await dsnsh(['migrate', 'down', dsn, '--migrations', FAILING, '--yes'])).code).toBe(0);
      expect((await dsnsh(['migrate', 'down', dsn, '--migrations', ORY, '--steps', '99', '--yes'])).code).toBe(0);
      expect(await scalar(dsn, 'SELECT COUNT(*) FROM schema_migration')).toBe('0');
      const runs = await Promise.all([1, 2].map(() => dsnsh(['migrate', 'up', dsn, '--migrations', ORY, '--yes'])));
      expect(runs.map((r) => r.code)).toEqual([0, 0]);
      // The seed migration inserts fixed primary keys: a second run of it would have failed.
      expect(await scalar(dsn, 'SELECT COUNT(*) FROM mig_widgets')).toBe('2');
      const versions = (await dsnsh(['migrate', 'status', dsn, '--migrations', ORY, '--format', 'json'])).stdout;
      const parsed = JSON.parse(versions) as { state: string }[];
      expect(parsed.length).toBeGreaterThan(0);
      expect(parsed.every((m) => m.state === 'Applied')).toBe(true);
    });
  });
}
