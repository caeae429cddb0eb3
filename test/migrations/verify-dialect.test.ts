// popx's VerifyDialect: cockroach:// must reach CockroachDB and postgres:// must not, or the wrong
// dialect's files would run. MySQL and SQLite are not checked.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { planMigrations, readMigrationStatus } from '../../source/migrations/index.js';
import { PROJECT_ROOT } from '../helpers/cli-path.js';
import { availability } from '../helpers/servers.js';
import { migrationBackends } from './migration-backends.js';

const ORY = join(PROJECT_ROOT, 'test/fixtures/migrations/ory-style');
const [postgres, cockroach] = migrationBackends('dialect').filter((b) => b.label === 'postgres' || b.label === 'cockroach dialect');

describe.skipIf(!availability().postgres)("the DSN's dialect must match the server", () => {
  let pgDsn = '';
  let crdbDsn = '';
  const opened: Adapter[] = [];
  const open = async (dsn: string) => {
    const a = await openAdapter(parseDsn(dsn));
    opened.push(a);
    return a;
  };
  beforeAll(async () => {
    pgDsn = await postgres!.prepare();
    crdbDsn = await cockroach!.prepare();
  });
  afterAll(async () => {
    for (const adapter of opened) await adapter.close();
    await postgres!.cleanup();
    await cockroach!.cleanup();
  });

  it('refuses cockroach:// on PostgreSQL, naming what the server reported', async () => {
    const adapter = await open(pgDsn.replace(/^postgres:/, 'cockroach:'));
    const status = await readMigrationStatus(adapter, { dir: ORY });
    expect(status.summary.problem).toMatchObject({ kind: 'dialect' });
    expect(status.summary.problem?.message).toMatch(/cockroach:\/\/ scheme .* the server is not CockroachDB \(it reports "PostgreSQL 1\d/);
    expect(status.summary.problem?.message).toContain('use a postgres:// DSN');
    expect((await planMigrations(adapter, { dir: ORY, direction: 'up' })).ok).toBe(false);
  });

  it('refuses postgres:// on CockroachDB', async () => {
    const adapter = await open(crdbDsn.replace(/^cockroach:/, 'postgres:'));
    const status = await readMigrationStatus(adapter, { dir: ORY });
    expect(status.summary.problem).toMatchObject({ kind: 'dialect', message: expect.stringContaining('the server is CockroachDB') });
  });

  it('accepts matching dialects, and does not check without a folder', async () => {
    expect((await readMigrationStatus(await open(pgDsn), { dir: ORY })).summary.problem).toBeNull();
    expect((await readMigrationStatus(await open(crdbDsn), { dir: ORY })).summary.problem).toBeNull();
    expect((await readMigrationStatus(await open(pgDsn.replace(/^postgres:/, 'cockroach:')))).summary.problem).toBeNull();
  });
});
