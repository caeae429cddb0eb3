// Runs as popx runs them, on every backend: Go migrations are never run past, comment-only files
// send nothing, an .autocommit file is one string, merged folders, and the dialect check.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import {
  applyMigrations,
  planMigrations,
  readMigrationStatus,
  type MigrationRunResult,
  type PlanOptions,
} from '../../source/migrations/index.js';
import { PROJECT_ROOT } from '../helpers/cli-path.js';
import { dropTestTables, migrationBackends } from './migration-backends.js';

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/migrations');
const GO_BETWEEN = join(FIXTURES, 'go-between/sql');
const COMMENT_ONLY = join(FIXTURES, 'comment-only');
const AUTOCOMMIT_FAILURE = join(FIXTURES, 'autocommit-failure');
const MERGED = [join(FIXTURES, 'merged/own'), join(FIXTURES, 'merged/shared')];

async function migrate(adapter: Adapter, options: PlanOptions): Promise<MigrationRunResult> {
  const planned = await planMigrations(adapter, options);
  if (!planned.ok) throw new Error(planned.problem.message);
  return applyMigrations(adapter, planned.plan);
}

async function recorded(adapter: Adapter): Promise<string[]> {
  return (await adapter.run('SELECT version FROM schema_migration ORDER BY version')).rows.map((r) => String(r[0]));
}

async function tables(adapter: Adapter): Promise<string[]> {
  return (await adapter.introspect.tables()).map((t) => t.name);
}

for (const backend of migrationBackends('popx')) {
  describe.skipIf(!backend.available)(`popx runs on ${backend.label}`, () => {
    let adapter: Adapter;
    beforeAll(async () => {
      adapter = await openAdapter(parseDsn(await backend.prepare()));
    });
    afterAll(async () => {
      await adapter?.close();
      await backend.cleanup();
    });
    beforeEach(async () => {
      await dropTestTables(adapter);
    });

    it('lists a Go migration between SQL ones, applies up to it and stops there', async () => {
      const status = await readMigrationStatus(adapter, { dir: GO_BETWEEN });
      expect(status.rows.map((r) => [r.version, r.type, r.state])).toEqual([
        ['20240301000000000001', 'sql', 'Pending'],
        ['20240301000000000002', 'go', 'Pending'],
        ['20240301000000000003', 'sql', 'Pending'],
      ]);
      const planned = await planMigrations(adapter, { dir: GO_BETWEEN, direction: 'up' });
      expect(planned.ok && planned.plan.steps.map((s) => s.version)).toEqual(['20240301000000000001']);
      expect(planned.ok && planned.plan.stop).toMatchObject({
        version: '20240301000000000002',
        name: 'Backfill gadget owners',
        direction: 'up',
      });
      const run = planned.ok ? await applyMigrations(adapter, planned.plan) : null;
      expect(run?.failure).toBeNull();
      expect(await recorded(adapter)).toEqual(['20240301000000000001']);
      await adapter.run('INSERT INTO mig_gadgets (id, owner) VALUES (1, NULL)');

      // The service ran its Go migration (here: its effect and its record, by hand).
      await adapter.run("UPDATE mig_gadgets SET owner = 'nobody' WHERE owner IS NULL");
      await adapter.run("INSERT INTO schema_migration (version) VALUES ('20240301000000000002')");
      const after = await readMigrationStatus(adapter, { dir: GO_BETWEEN });
      expect(after.rows.map((r) => r.state)).toEqual(['Applied', 'Applied', 'Pending']);
      const rest = await migrate(adapter, { dir: GO_BETWEEN, direction: 'up' });
      expect(rest.results.map((r) => [r.version, r.status])).toEqual([['20240301000000000003', 'applied']]);
      expect((await adapter.run('SELECT COUNT(*) FROM mig_gadgets')).rows[0]?.[0]).toEqual(expect.anything());
      expect(Number((await adapter.run('SELECT COUNT(*) FROM mig_gadgets')).rows[0]?.[0])).toBe(1);

      // Rolling back stops before the recorded Go migration.
      const down = await migrate(adapter, { dir: GO_BETWEEN, direction: 'down', steps: 5 });
      expect(down.results.map((r) => [r.version, r.status])).toEqual([['20240301000000000003', 'reverted']]);
      const blocked = await planMigrations(adapter, { dir: GO_BETWEEN, direction: 'down' });
      expect(blocked.ok && blocked.plan.steps).toEqual([]);
      expect(blocked.ok && blocked.plan.stop).toMatchObject({ version: '20240301000000000002', direction: 'down' });
      expect(await recorded(adapter)).toEqual(['20240301000000000001', '20240301000000000002']);
    });

    it('sends nothing for a file of only comments (even `--DROP` without a space) and records its version', async () => {
      const run = await migrate(adapter, { dir: COMMENT_ONLY, direction: 'up' });
      expect(run.failure).toBeNull();
      expect(run.results.map((r) => [r.version, r.status, r.empty])).toEqual([
        ['20240401000000000001', 'applied', false],
        ['20240401000000000002', 'applied', true],
      ]);
      const down = await migrate(adapter, { dir: COMMENT_ONLY, direction: 'down' });
      expect(down.failure).toBeNull();
      expect(down.results.map((r) => [r.version, r.status, r.empty])).toEqual([['20240401000000000002', 'reverted', true]]);
      expect(await recorded(adapter)).toEqual(['20240401000000000001']);
    });

    it('sends an .autocommit file as one string: on PostgreSQL one implicit transaction', async () => {
      const run = await migrate(adapter, { dir: AUTOCOMMIT_FAILURE, direction: 'up' });
      // Elsewhere one string runs exactly as its statements one after the other: sent one by one,
      // so that the failure names its statement.
      const atomic = adapter.backend === 'postgres' || adapter.backend === 'cockroach';
      expect(run.results.map((r) => r.status)).toEqual(['failed']);
      expect(run.failure).toMatchObject({ version: '20240501000000000001', kind: 'statement', oneString: atomic });
      expect(run.failure?.message).toMatch(/mig_ac_no_such_table/);
      // PostgreSQL's error position in the string names the statement.
      expect(run.failure?.statement).toBe('SELECT id FROM mig_ac_no_such_table');
      expect(run.failure?.line).toBe(2);
      expect(await recorded(adapter)).toEqual([]);
      expect(await tables(adapter)).toEqual(atomic ? expect.not.arrayContaining(['mig_ac_made']) : expect.arrayContaining(['mig_ac_made']));
      expect(run.failure?.partial).toBe(atomic ? 'none' : 'some');
    });

    it('merges folders: the first folder shadows the same file name, the second adds its own', async () => {
      const run = await migrate(adapter, { dirs: MERGED, direction: 'up' });
      expect(run.failure).toBeNull();
      expect(run.results.map((r) => r.version)).toEqual(['20150100000001000000', '20150100000002000000', '20240801000000000001']);
      expect(await tables(adapter)).not.toContain('mig_networks_from_shared');
      expect((await adapter.run('SELECT id FROM mig_networks')).rows).toEqual([['n1']]);
    });

    it('refuses a folder with no migration for this dialect', async () => {
      const dir = join(FIXTURES, adapter.backend === 'mysql' ? 'sqlite-rebuild' : 'mysql-only');
      const status = await readMigrationStatus(adapter, { dir });
      expect(status.summary.problem).toMatchObject({ kind: 'folder', message: expect.stringContaining('holds no migration for the') });
      const planned = await planMigrations(adapter, { dir, direction: 'up' });
      expect(planned.ok).toBe(false);
    });
  });
}
