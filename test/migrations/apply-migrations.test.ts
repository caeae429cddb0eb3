// status/up/down/failure, a legacy table and two concurrent runners, against every backend.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { applyMigrations, planMigrations, readMigrationStatus, type MigrationRunResult } from '../../source/migrations/index.js';
import { dialectSql } from '../../source/migrations/dialect-sql.js';
import { migrationDialectOf } from '../../source/migrations/migration-dialect.js';
import { PROJECT_ROOT } from '../helpers/cli-path.js';
import { dropTestTables, migrationBackends } from './migration-backends.js';

const ORY = join(PROJECT_ROOT, 'test/fixtures/migrations/ory-style');
const FAILING = join(PROJECT_ROOT, 'test/fixtures/migrations/failing');

async function migrate(adapter: Adapter, dir: string, direction: 'up' | 'down', steps?: number): Promise<MigrationRunResult> {
  const planned = await planMigrations(adapter, { dir, direction, steps });
  if (!planned.ok) throw new Error(planned.problem.message);
  return applyMigrations(adapter, planned.plan);
}

async function recorded(adapter: Adapter): Promise<string[]> {
  return (await adapter.run('SELECT version FROM schema_migration ORDER BY version')).rows.map((r) => String(r[0]));
}

async function count(adapter: Adapter, table: string): Promise<number> {
  return Number((await adapter.run(`SELECT COUNT(*) FROM ${table}`)).rows[0]?.[0]);
}

for (const backend of migrationBackends('api')) {
  describe.skipIf(!backend.available)(`migrations on ${backend.label}`, () => {
    let dsn = '';
    let adapter: Adapter;
    let versions: string[] = [];
    beforeAll(async () => {
      dsn = await backend.prepare();
      adapter = await openAdapter(parseDsn(dsn));
      versions = (await readMigrationStatus(adapter, { dir: ORY })).migrations.map((m) => m.version);
    });
    afterAll(async () => {
      await adapter?.close();
      await backend.cleanup();
    });
    beforeEach(async () => {
      await dropTestTables(adapter);
    });

    it('reports everything pending on an empty database, then applies it all', async () => {
      const before = await readMigrationStatus(adapter, { dir: ORY });
      expect(before.summary).toMatchObject({
        tool: 'ory',
        table: null,
        appliedCount: 0,
        pendingCount: versions.length,
        unknownCount: 0,
        problem: null,
      });
      expect(before.rows.every((r) => r.state === 'Pending')).toBe(true);
      const pgOnly = versions.includes('20240103100000000000');
      expect(pgOnly).toBe(adapter.backend === 'postgres' || adapter.backend === 'cockroach');

      const run = await migrate(adapter, ORY, 'up');
      expect(run.failure).toBeNull();
      expect(run.results.map((r) => r.status)).toEqual(versions.map(() => 'applied'));
      const autocommit = run.results.find((r) => r.version === '20240104100000000000');
      expect(autocommit?.transactional).toBe(false);
      expect(run.results.find((r) => r.version === '20240101100000000001')?.transactional).toBe(adapter.capabilities.transactionalDdl);

      expect(await recorded(adapter)).toEqual(versions);
      expect((await adapter.run('SELECT name, color FROM mig_widgets ORDER BY id')).rows).toEqual([
        ['bolt; nut', 'red'],
        ['washer', 'red'],
      ]);
      const after = await readMigrationStatus(adapter, { dir: ORY });
      expect(after.summary).toMatchObject({
        appliedCount: versions.length,
        pendingCount: 0,
        latest: { version: '20240105100000000000', name: 'create_audit' },
      });

      const again = await planMigrations(adapter, { dir: ORY, direction: 'up' });
      expect(again.ok && again.plan.steps).toEqual([]);
    });

    it('applies and rolls back step by step', async () => {
      expect((await migrate(adapter, ORY, 'up', 2)).results.map((r) => r.version)).toEqual(versions.slice(0, 2));
      expect(await recorded(adapter)).toEqual(versions.slice(0, 2));
      await migrate(adapter, ORY, 'up');
      const down = await migrate(adapter, ORY, 'down');
      expect(down.results.map((r) => [r.version, r.status])).toEqual([[versions.at(-1), 'reverted']]);
      expect(await recorded(adapter)).toEqual(versions.slice(0, -1));
      const rest = await migrate(adapter, ORY, 'down', 99);
      expect(rest.failure).toBeNull();
      expect(rest.results.map((r) => r.version)).toEqual(versions.slice(0, -1).reverse());
      expect(await recorded(adapter)).toEqual([]);
      const status = await readMigrationStatus(adapter, { dir: ORY });
      expect(status.summary).toMatchObject({ appliedCount: 0, pendingCount: versions.length });
      const tables = (await adapter.introspect.tables()).map((t) => t.name);
      expect(tables).not.toContain('mig_widgets');
    });

    it('stops at the first failure with earlier migrations recorded and nothing half-recorded', async () => {
      const run = await migrate(adapter, FAILING, 'up');
      expect(run.results.map((r) => r.status)).toEqual(['applied', 'failed', 'not-run']);
      expect(run.failure).toMatchObject({
        version: '20240201000000000002',
        file: '20240201000000000002_broken.up.sql',
        line: 2,
        kind: 'statement',
        statement: 'INSERT INTO mig_no_such_table (id) VALUES (2)',
      });
      expect(run.failure?.message).toMatch(/mig_no_such_table/);
      expect(await recorded(adapter)).toEqual(['20240201000000000001']);
      // In a transaction the first INSERT is rolled back; without one it stays, and the report says so.
      // CockroachDB (as popx runs it): the file is sent as one string, one implicit transaction.
      const atomic = adapter.capabilities.transactionalDdl || adapter.backend === 'cockroach';
      expect(await count(adapter, 'mig_things')).toBe(atomic ? 0 : 1);
      expect(run.failure?.partialStatements).toBe(atomic ? 0 : 1);
      expect(run.failure?.partial).toBe(atomic ? 'none' : 'some');
    });

    it('reads a legacy 14-character table by the prefix rule and moves it to the current layout', async () => {
      await migrate(adapter, ORY, 'up', 3);
      await adapter.run('DROP TABLE schema_migration');
      await adapter.run('CREATE TABLE schema_migration (version VARCHAR(14) NOT NULL)');
      await adapter.run('CREATE UNIQUE INDEX schema_migration_version_idx ON schema_migration (version)');
      for (const v of ['20240101100000', '20240102100000', '20231231000000'])
        await adapter.run(`INSERT INTO schema_migration (version) VALUES ('${v}')`);

      const status = await readMigrationStatus(adapter, { dir: ORY });
      expect(status.summary).toMatchObject({ legacyLayout: true, pendingCount: versions.length - 3, unknownCount: 1 });
      expect(status.rows.slice(0, 4).map((r) => [r.version, r.state, r.appliedAsLegacy, r.file === null])).toEqual([
        ['20231231000000', 'Applied', false, true],
        ['20240101100000000001', 'Applied', true, false],
        ['20240101100000000002', 'Applied', true, false],
        ['20240102100000000000', 'Applied', true, false],
      ]);

      const down = await planMigrations(adapter, { dir: ORY, direction: 'down' });
      expect(down.ok ? null : down.problem.message).toContain('recorded only under its first 14 digits');

      const planned = await planMigrations(adapter, { dir: ORY, direction: 'up' });
      expect(planned.ok && planned.plan.tableAction).toBe('upgrade-legacy');
      const run = planned.ok ? await applyMigrations(adapter, planned.plan) : null;
      expect(run?.failure).toBeNull();
      expect(run?.results.slice(0, 3).map((r) => r.status)).toEqual(['recorded', 'recorded', 'recorded']);
      const after = await readMigrationStatus(adapter, { dir: ORY });
      expect(after.summary).toMatchObject({ legacyLayout: false, pendingCount: 0 });
      expect(await recorded(adapter)).toEqual(['20231231000000', '20240101100000', '20240102100000', ...versions].sort());
      expect(await count(adapter, 'schema_migration_pop_legacy')).toBe(3);
    });

    it.skipIf(!backend.concurrent)('waits while another runner holds the lock, then applies', async () => {
      const lock = dialectSql(migrationDialectOf(adapter.backend)).lock;
      const other = await openAdapter(parseDsn(dsn));
      const holder = await other.session();
      try {
        // SQLite's lock is the write transaction itself.
        await holder.run(lock.kind === 'session' ? lock.tryAcquire : 'BEGIN IMMEDIATE');
        const planned = await planMigrations(adapter, { dir: ORY, direction: 'up' });
        if (!planned.ok) throw new Error(planned.problem.message);
        const events: string[] = [];
        const running = applyMigrations(adapter, planned.plan, { onProgress: (e) => events.push(e.type) });
        await vi.waitFor(() => expect(events).toContain('waiting-for-lock'), { timeout: 10_000 });
        expect(events).not.toContain('step-done');
        await holder.run(lock.kind === 'session' ? lock.release : 'COMMIT');
        const run = await running;
        expect(run.failure).toBeNull();
        expect(await recorded(adapter)).toEqual(versions);
      } finally {
        await holder.release();
        await other.close();
      }
    });

    it.skipIf(!backend.concurrent)('two concurrent runners never apply a migration twice', async () => {
      const second = await openAdapter(parseDsn(dsn));
      try {
        const [a, b] = await Promise.all([
          planMigrations(adapter, { dir: ORY, direction: 'up' }),
          planMigrations(second, { dir: ORY, direction: 'up' }),
        ]);
        if (!a.ok || !b.ok) throw new Error('plan failed');
        const runs = await Promise.all([applyMigrations(adapter, a.plan), applyMigrations(second, b.plan)]);
        expect(runs.map((r) => r.failure)).toEqual([null, null]);
        for (const version of versions) {
          const statuses = runs.map((r) => r.results.find((x) => x.version === version)?.status).sort();
          expect(statuses).toEqual(['applied', 'skipped']);
        }
        expect(await recorded(adapter)).toEqual(versions);
        expect(await count(adapter, 'mig_widgets')).toBe(2);
      } finally {
        await second.close();
      }
    });
  });
}
