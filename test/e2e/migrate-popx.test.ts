// `dsnsh migrate` as Ory's `migrate sql` commands behave, end to end with the built CLI (no TTY,
// as in a pod): the status table byte for byte, popx's JSON, --block, Go migrations, read-only
// targets, merged folders, plans with their SQL, exact counts and messages.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { PROJECT_ROOT } from '../helpers/cli-path.js';
import { startCli } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';
import { startCliProcess } from '../helpers/fault-cli-process.js';
import { runCli, type CliResult } from '../noninteractive/run-cli.js';

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/migrations');
const ORY = join(FIXTURES, 'ory-style');
const GO_BETWEEN = join(FIXTURES, 'go-between/sql');

// Produced by Go's text/tabwriter configured as Ory's cmdx configures it.
const PENDING_TABLE =
  'Version\t\t\tName\t\tStatus\t\n20240101100000000001\tcreate_widgets\tPending\t\n20240101100000000002\tadd_color\tPending\t\n' +
  '20240102100000000000\tseed_widgets\tPending\t\n20240104100000000000\tname_index\tPending\t\n20240105100000000000\tcreate_audit\tPending\t\n';
const PARTLY_TABLE =
  'Version\t\t\tName\t\tStatus\t\n20240101100000000001\tcreate_widgets\tApplied\t\n20240101100000000002\tadd_color\tApplied\t\n' +
  '20240102100000000000\tseed_widgets\tApplied\t\n20240104100000000000\tname_index\tPending\t\n20240105100000000000\tcreate_audit\tPending\t\n';
const GO_TABLE =
  'Version\t\t\tName\t\t\tStatus\t\t\t\t\t\t\t\t\n20240301000000000001\tcreate_gadgets\t\tApplied\t\t\t\t\t\t\t\t\n' +
  "20240301000000000002\tBackfill gadget owners\tPending (Go migration: run the service's migrate sql up)\t\n20240301000000000003\towner_not_null\t\tPending\t\t\t\t\t\t\t\t\n";

let home = '';
let work = '';
let dsn = '';
const env = () => ({ HOME: home, XDG_CONFIG_HOME: join(home, '.config') });
const dsnsh = (args: string[]): Promise<CliResult> => runCli(args, { env: env() });

async function scalar(target: string, sql: string): Promise<string> {
  const adapter = await openAdapter(parseDsn(target));
  try {
    return String((await adapter.run(sql)).rows[0]?.[0]);
  } finally {
    await adapter.close();
  }
}

async function tablesOf(target: string): Promise<string[]> {
  const adapter = await openAdapter(parseDsn(target));
  try {
    return (await adapter.introspect.tables()).map((t) => t.name);
  } finally {
    await adapter.close();
  }
}

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'dsnsh-migrate-popx-home-'));
});
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});
beforeEach(() => {
  work = mkdtempSync(join(home, 'db-'));
  dsn = `sqlite://${join(work, 'popx.sqlite')}?_fk=true`;
});

describe('migrate status prints what Ory prints', () => {
  it('the table byte for byte on stdout, and no summary when stderr is not a terminal', async () => {
    const before = await dsnsh(['migrate', 'status', dsn, '--migrations', ORY]);
    expect(before).toMatchObject({ code: 0, stdout: PENDING_TABLE, stderr: '' });
    expect((await dsnsh(['migrate', 'up', dsn, '--migrations', ORY, '--steps', '3', '--yes'])).code).toBe(0);
    expect((await dsnsh(['migrate', 'status', dsn, '--migrations', ORY])).stdout).toBe(PARTLY_TABLE);
  });

  it("dsnsh's summary goes to the terminal", async () => {
    const cli = startCli({ args: ['migrate', 'status', dsn, '--migrations', ORY], columns: 120, env: { ...env(), DSN: undefined } });
    try {
      await cli.waitFor('Pending:  5');
      await cli.waitFor("Applied:  0 of the folder's 5 migration(s) (0 version(s) recorded in schema_migration)");
      expect(await cli.exited).toBe(0);
    } finally {
      cli.kill();
    }
  });

  it("--format json is popx's array, keys in its order, Go's escaping", async () => {
    await dsnsh(['migrate', 'up', dsn, '--migrations', ORY, '--steps', '1', '--yes']);
    const result = await dsnsh(['migrate', 'status', dsn, '--migrations', ORY, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith(']\n')).toBe(true);
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(parsed).toHaveLength(5);
    expect(Object.keys(parsed[0]!).slice(0, 5)).toEqual(['state', 'version', 'name', 'content', 'content_down']);
    expect(parsed[0]).toMatchObject({
      state: 'Applied',
      version: '20240101100000000001',
      name: 'create_widgets',
      content_down: 'DROP TABLE mig_widgets;\n',
    });
    expect(parsed[1]).toMatchObject({ state: 'Pending', name: 'add_color' });
    expect(result.stdout).not.toMatch(/[<>&]/);
  });

  it('lists a pending Go migration with who must run it; up applies to it and stops (exit 1)', async () => {
    const up = await dsnsh(['migrate', 'up', dsn, '--migrations', GO_BETWEEN, '--yes']);
    expect(up.code).toBe(1);
    expect(up.stdout).toContain('then stop: 20240301000000000002 Backfill gadget owners is a Go migration');
    expect(up.stdout).toContain('Done: 1 migration(s) applied.');
    expect(up.stderr).toContain('dsnsh: error: migration 20240301000000000002 (Backfill gadget owners) is a Go migration');
    expect(up.stderr).toContain("hint: the 1 migration(s) before it were applied; run the service's migrate sql up");
    expect((await dsnsh(['migrate', 'status', dsn, '--migrations', GO_BETWEEN])).stdout).toBe(GO_TABLE);
    const again = await dsnsh(['migrate', 'up', dsn, '--migrations', GO_BETWEEN, '--yes']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(await scalar(dsn, 'SELECT COUNT(*) FROM schema_migration')).toBe('1');
  });

  it('--block waits as popx does, until another run has applied everything', async () => {
    const blocked = startCliProcess(['migrate', 'status', dsn, '--migrations', ORY, '--block', '--timeout', '60s'], { env: env() });
    try {
      await expect
        .poll(() => blocked.stdout(), { timeout: 15_000 })
        .toContain(
          'Waiting for migrations to finish...\n - create_widgets\n - add_color\n - seed_widgets\n - name_index\n - create_audit\n',
        );
      expect((await dsnsh(['migrate', 'up', dsn, '--migrations', ORY, '--yes'])).code).toBe(0);
      const { code } = await blocked.exited;
      expect(code).toBe(0);
      const table = blocked.stdout().slice(blocked.stdout().lastIndexOf('Version\t'));
      expect(table).toBe(PENDING_TABLE.replaceAll('Pending', 'Applied'));
    } finally {
      blocked.kill('SIGKILL');
    }
  }, 30_000);

  it('--block gives up after --timeout with exit 1', async () => {
    const result = await dsnsh(['migrate', 'status', dsn, '--migrations', ORY, '--block', '--timeout', '1500ms']);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('Waiting for migrations to finish...\n - create_widgets\n')).toBe(true);
    expect(result.stderr).toContain(
      'dsnsh: error: 5 migration(s) still pending after --timeout; the oldest is 20240101100000000001 create_widgets',
    );
  });

  it('refuses a folder with no migration for the dialect, and one with an up but no down (exit 2)', async () => {
    const empty = await dsnsh(['migrate', 'status', dsn, '--migrations', join(FIXTURES, 'mysql-only')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('holds no migration for the sqlite3 dialect');
    const folder = mkdtempSync(join(work, 'nodown-'));
    writeFileSync(join(folder, '1_a.up.sql'), 'SELECT 1;');
    const noDown = await dsnsh(['migrate', 'up', dsn, '--migrations', folder, '--yes']);
    expect(noDown.code).toBe(2);
    expect(noDown.stderr).toContain('1_a.up.sql has no down migration');
  });
});

describe('migrate up and down say what they do', () => {
  it('a plan shows the SQL that will run; down says its default of 1', async () => {
    const up = await dsnsh(['migrate', 'up', dsn, '--migrations', ORY, '--steps', '2', '--yes']);
    expect(up.stdout).toContain(
      'The SQL statements to be executed from top to bottom are:\n\n------------ 20240101100000000001 - create_widgets ------------\n-- suffix-less: every dialect\nCREATE TABLE mig_widgets (\n',
    );
    expect(up.stdout).toContain('------------ 20240101100000000002 - add_color ------------\nALTER TABLE mig_widgets');
    const down = await dsnsh(['migrate', 'down', dsn, '--migrations', ORY, '--yes']);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('Plan: roll back 1 migration(s)');
    expect(down.stdout).toContain('(down rolls back 1 migration unless --steps N says how many)');
    expect(down.stdout).toContain('------------ 20240101100000000002 - add_color ------------\n');
  });

  it('counts exactly: migrations applied and versions only recorded are told apart', async () => {
    expect((await dsnsh(['migrate', 'up', dsn, '--migrations', ORY, '--steps', '3', '--yes'])).code).toBe(0);
    const adapter = await openAdapter(parseDsn(dsn));
    try {
      await adapter.run('DROP TABLE schema_migration');
      await adapter.run('CREATE TABLE schema_migration (version VARCHAR(14) NOT NULL)');
      for (const v of ['20240101100000', '20240102100000']) await adapter.run(`INSERT INTO schema_migration (version) VALUES ('${v}')`);
    } finally {
      await adapter.close();
    }
    const up = await dsnsh(['migrate', 'up', dsn, '--migrations', ORY, '--yes']);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('Done: 2 migration(s) applied, 3 recorded under their full version (applied before under a 14-digit one).');
  });

  it('a failing down is told as a rollback', async () => {
    const folder = mkdtempSync(join(work, 'baddown-'));
    writeFileSync(join(folder, '1_a.up.sql'), 'CREATE TABLE mig_things (id INTEGER);\n');
    writeFileSync(join(folder, '1_a.down.sql'), 'DROP TABLE mig_things;\n');
    writeFileSync(join(folder, '2_b.up.sql'), 'CREATE TABLE mig_widgets (id INTEGER);\n');
    writeFileSync(join(folder, '2_b.down.sql'), 'DROP TABLE mig_no_such_table;\n');
    expect((await dsnsh(['migrate', 'up', dsn, '--migrations', folder, '--yes'])).code).toBe(0);
    const down = await dsnsh(['migrate', 'down', dsn, '--migrations', folder, '--steps', '2', '--yes']);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('dsnsh: error: rolling back migration 2 failed: 2_b.down.sql, line 1');
    expect(down.stderr).toContain('Its down migration was rolled back: the migration is still applied and recorded.');
    expect(down.stderr).toContain('0 newer migration(s) rolled back before it; 1 older migration(s) not rolled back.');
  });

  it('merges repeated --migrations folders', async () => {
    const up = await dsnsh([
      'migrate',
      'up',
      dsn,
      '--migrations',
      join(FIXTURES, 'merged/own'),
      '--migrations',
      join(FIXTURES, 'merged/shared'),
      '--yes',
    ]);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('Done: 3 migration(s) applied.');
    expect(await tablesOf(dsn)).not.toContain('mig_networks_from_shared');
  });

  it('reports foreign key violations after a SQLite run', async () => {
    const up = await dsnsh(['migrate', 'up', dsn, '--migrations', join(FIXTURES, 'sqlite-orphan'), '--yes']);
    expect(up.code).toBe(0);
    expect(up.stderr).toContain('dsnsh: warning: PRAGMA foreign_key_check finds 1 row(s) without their parent row');
    expect(up.stderr).toContain('mig_credentials → mig_people: rowid 30');
  });

  it('a comment-only file is announced and nothing of it is sent', async () => {
    const up = await dsnsh(['migrate', 'up', dsn, '--migrations', join(FIXTURES, 'comment-only'), '--yes']);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(
      "note: 20240401000000000002_index_notes.up.sql holds only comments: nothing is sent, the version is recorded (Ory's rule)",
    );
    expect(up.stdout).toContain('20240401000000000002_index_notes.up.sql: applied (only comments: nothing sent)');
    expect(up.stdout).toContain('Done: 2 migration(s) applied, 1 of them only comments (nothing sent).');
  });
});

describe('a read-only target is never migrated', () => {
  it('--read-only: up and down refuse with exit 2 before connecting; status works', async () => {
    for (const action of ['up', 'down']) {
      const result = await dsnsh(['migrate', action, dsn, '--migrations', ORY, '--yes', '--read-only']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `dsnsh: error: migrate ${action} changes the database, but the target is read-only (--read-only was given); nothing was changed`,
      );
    }
    expect(await tablesOf(dsn)).toEqual([]);
    expect((await dsnsh(['migrate', 'status', dsn, '--migrations', ORY, '--read-only'])).code).toBe(0);
  });

  it('a read-only profile: up refuses', async () => {
    expect((await dsnsh(['profile', 'add', 'migro', dsn, '--read-only', '--migrations', ORY, '--replace'])).code).toBe(0);
    const result = await dsnsh(['migrate', 'up', 'migro', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('(profile "migro" is read-only)');
    expect(await tablesOf(dsn)).toEqual([]);
  });
});

describe.skipIf(!availability().postgres)('the dialect check, end to end', () => {
  it('cockroach:// pointed at PostgreSQL is refused with exit 2, nothing changed', async () => {
    const result = await dsnsh(['migrate', 'up', PG_DSN.replace(/^postgres:/, 'cockroach:'), '--migrations', ORY, '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /dsnsh: error: the DSN's cockroach:\/\/ scheme selects CockroachDB's migration files, but the server is not CockroachDB/,
    );
  });
});
