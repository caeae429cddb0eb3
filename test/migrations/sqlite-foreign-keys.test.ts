// SQLite with foreign keys on (`_fk=true`, the DSN dsnsh recommends): popx turns them off for the
// run and on again after, so table rebuilds neither cascade nor stop on a mismatch; dsnsh does the
// same on every path and then reports what `PRAGMA foreign_key_check` finds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { applyMigrations, planMigrations, type MigrationRunResult, type PlanOptions } from '../../source/migrations/index.js';
import { PROJECT_ROOT } from '../helpers/cli-path.js';

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/migrations');

async function migrate(adapter: Adapter, options: PlanOptions): Promise<MigrationRunResult> {
  const planned = await planMigrations(adapter, options);
  if (!planned.ok) throw new Error(planned.problem.message);
  return applyMigrations(adapter, planned.plan);
}

const foreignKeys = async (adapter: Adapter) => Number((await adapter.run('PRAGMA foreign_keys')).rows[0]?.[0]);
const count = async (adapter: Adapter, table: string) => Number((await adapter.run(`SELECT COUNT(*) FROM ${table}`)).rows[0]?.[0]);

for (const inProcess of [false, true]) {
  describe(`SQLite foreign keys during migrations (${inProcess ? 'in process' : 'worker process'})`, () => {
    let dir = '';
    let adapter: Adapter;
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dsnsh-mig-fk-'));
      adapter = await openAdapter(parseDsn(`sqlite://${join(dir, 'fk.sqlite')}?_fk=true`), { inProcess });
    });
    afterEach(async () => {
      await adapter.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a table rebuild keeps the child rows, and foreign keys are on again afterwards', async () => {
      expect(await foreignKeys(adapter)).toBe(1);
      const run = await migrate(adapter, { dir: join(FIXTURES, 'sqlite-rebuild'), direction: 'up' });
      expect(run.failure).toBeNull();
      expect(await count(adapter, 'mig_credentials')).toBe(2);
      expect(await foreignKeys(adapter)).toBe(1);
      expect(run.foreignKeyViolations).toEqual([]);
      const down = await migrate(adapter, { dir: join(FIXTURES, 'sqlite-rebuild'), direction: 'down' });
      expect(down.failure).toBeNull();
      expect(await count(adapter, 'mig_credentials')).toBe(2);
      expect(await foreignKeys(adapter)).toBe(1);
    });

    it('a child rebuilt before its parent key exists does not stop on "foreign key mismatch"', async () => {
      const run = await migrate(adapter, { dir: join(FIXTURES, 'sqlite-mismatch'), direction: 'up' });
      expect(run.failure).toBeNull();
      expect(run.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect(await foreignKeys(adapter)).toBe(1);
    });

    it('reports the violations PRAGMA foreign_key_check finds at the end', async () => {
      const run = await migrate(adapter, { dir: join(FIXTURES, 'sqlite-orphan'), direction: 'up' });
      expect(run.failure).toBeNull();
      expect(run.foreignKeyViolations).toEqual([{ table: 'mig_credentials', rowid: '30', parent: 'mig_people' }]);
    });

    it('turns foreign keys on again after a failed migration', async () => {
      const run = await migrate(adapter, { dir: join(FIXTURES, 'failing'), direction: 'up' });
      expect(run.failure).not.toBeNull();
      expect(await foreignKeys(adapter)).toBe(1);
    });

    it('turns foreign keys on again after an interrupted run', async () => {
      const planned = await planMigrations(adapter, { dir: join(FIXTURES, 'sqlite-rebuild'), direction: 'up' });
      if (!planned.ok) throw new Error(planned.problem.message);
      const controller = new AbortController();
      controller.abort(new Error('interrupted'));
      const run = await applyMigrations(adapter, planned.plan, { signal: controller.signal });
      expect(run.failure?.message).toContain('interrupted before this migration started');
      expect(await foreignKeys(adapter)).toBe(1);
    });

    it('leaves foreign keys off when the DSN had them off', async () => {
      await adapter.close();
      adapter = await openAdapter(parseDsn(`sqlite://${join(dir, 'fk.sqlite')}?_fk=false`), { inProcess });
      const run = await migrate(adapter, { dir: join(FIXTURES, 'sqlite-rebuild'), direction: 'up' });
      expect(run.failure).toBeNull();
      expect(await foreignKeys(adapter)).toBe(0);
    });
  });
}
