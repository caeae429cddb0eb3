// `dsnsh sessions` and `dsnsh locks` against the real servers: two sessions with different
// application names (PostgreSQL) or users (MariaDB, whose processlist has no application), one
// holding a row lock idle in its transaction and the other waiting for it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mariadbLockWait } from '../helpers/mariadb-lock-wait.js';
import { serverWideLock } from '../helpers/server-wide-lock.js';
import { waitUntil } from '../helpers/mariadb-test-db.js';
import { MYSQL_HOST, MYSQL_PORT, PG_HOST, PG_PORT, availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

const PG = `postgres://postgres@${PG_HOST}:${PG_PORT}/test?sslmode=disable`;

describe.skipIf(!availability().postgres)('sessions and locks on PostgreSQL', () => {
  serverWideLock('postgres-lock-waits');
  let holder: pg.Client;
  let waiter: pg.Client;
  let waiting: Promise<unknown>;
  beforeAll(async () => {
    const setup = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'test' });
    await setup.connect();
    await setup.query(
      'DROP TABLE IF EXISTS dsnsh_ory_locks; CREATE TABLE dsnsh_ory_locks (id int PRIMARY KEY, n int); INSERT INTO dsnsh_ory_locks VALUES (1, 0)',
    );
    await setup.end();
    holder = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'test', application_name: 'dsnsh-ory-kratos' });
    waiter = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'test', application_name: 'dsnsh-ory-hydra' });
    await holder.connect();
    await waiter.connect();
    await holder.query('BEGIN');
    await holder.query('UPDATE dsnsh_ory_locks SET n = n + 1 WHERE id = 1');
    waiting = waiter.query('UPDATE dsnsh_ory_locks SET n = n + 10 WHERE id = 1').catch(() => undefined);
    const probe = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'test' });
    await probe.connect();
    await waitUntil(
      async () =>
        (await probe.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'dsnsh-ory-hydra' AND wait_event_type = 'Lock'"))
          .rowCount === 1,
      10_000,
      'the lock wait',
    );
    await probe.end();
  });
  afterAll(async () => {
    await holder?.query('ROLLBACK').catch(() => undefined);
    await waiting;
    await holder?.end().catch(() => undefined);
    await waiter?.end().catch(() => undefined);
  });

  it("groups sessions by application, user and client, with states and the idle transaction's age", async () => {
    const result = await runCli(['sessions', PG, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const group = (application: string) => report.groups.find((g: { application: string }) => g.application === application);
    expect(group('dsnsh-ory-kratos')).toMatchObject({
      user: 'postgres',
      client: '127.0.0.1',
      total: 1,
      idleInTransaction: 1,
      oldestIdleInTransactionMs: expect.any(Number),
    });
    expect(group('dsnsh-ory-hydra')).toMatchObject({ total: 1, active: 1, idleInTransaction: 0 });
    expect(report.limits).toMatchObject({
      maxConnections: expect.any(Number),
      reserved: expect.any(Number),
      reservedDetail: expect.stringContaining('superuser_reserved_connections'),
    });
    expect(report.limits.free).toBe(report.limits.maxConnections - report.limits.reserved - report.limits.open);
    const text = await runCli(['sessions', PG]);
    expect(text.stdout).toMatch(/dsnsh-ory-kratos\s+postgres\s+127\.0\.0\.1\s+1\s+0\s+0\s+1 \(\d/);
  });

  it('the budget: replicas × max_conns + 1 migration job, with a warning when the service can exhaust the server', async () => {
    const fits = JSON.parse((await runCli(['sessions', `${PG}&max_conns=4`, '--replicas', '2', '--json'])).stdout).budget;
    expect(fits).toMatchObject({ replicas: 2, maxConnsPerReplica: 4, migrationJob: 1, total: 9, fits: true, warning: null });
    const text = await runCli(['sessions', `${PG}&max_conns=40`, '--replicas', '3']);
    expect(text.stdout).toMatch(/budget\s+3 replicas × max_conns 40 \+ 1 migration job = 121 connections; \d+ slots left/);
    expect(text.stdout).toMatch(
      /warning\s+the service can exhaust the server: 3 replicas × max_conns 40 \+ 1 migration job = 121 connections, but only \d+ of \d+ slots are left/,
    );
    const unlimited = JSON.parse((await runCli(['sessions', `${PG}&max_conns=0`, '--json'])).stdout).budget;
    expect(unlimited).toMatchObject({ total: null, warning: expect.stringContaining('max_conns is unlimited') });
    expect((await runCli(['sessions', PG, '--replicas', 'three'])).stderr).toMatch(/--replicas expects a whole number/);
  });

  it("the profile's replicas setting is the default", async () => {
    const config = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ory-profile-'));
    try {
      const env = { DSNSH_CONFIG_DIR: config };
      expect((await runCli(['profile', 'add', 'kratos-prod', `${PG}&max_conns=5`, '--replicas', '4'], { env })).code).toBe(0);
      const report = JSON.parse((await runCli(['sessions', 'kratos-prod', '--json'], { env })).stdout);
      expect(report).toMatchObject({ replicasFrom: 'profile', budget: { replicas: 4, total: 21 } });
    } finally {
      fs.rmSync(config, { recursive: true, force: true });
    }
  });

  it('cockroach:// at a PostgreSQL server: the CockroachDB tables are missing, said plainly', async () => {
    const result = await runCli(['sessions', PG.replace('postgres://', 'cockroach://')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/reading CockroachDB's crdb_internal tables failed/);
    expect(result.stderr).toMatch(/hint: .*dsnsh doctor/);
  });

  it('locks: who waits for whom, the blocking statement and the ages', async () => {
    const result = await runCli(['locks', PG]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^\d+ \(dsnsh-ory-hydra, postgres@127\.0\.0\.1\) waits [\d.]+(ms|s) for \d+ \(dsnsh-ory-kratos, postgres@127\.0\.0\.1\), idle in transaction for [\d.]+(ms|s), transaction open [\d.]+(ms|s)$/m,
    );
    expect(result.stdout).toContain('  waiting:  UPDATE dsnsh_ory_locks SET n = n + 10 WHERE id = 1\n');
    expect(result.stdout).toContain(
      '  blocking: UPDATE dsnsh_ory_locks SET n = n + 1 WHERE id = 1   (its last statement; now idle in its transaction)\n',
    );
    const json = JSON.parse((await runCli(['locks', PG, '--json'])).stdout);
    expect(json.waits).toHaveLength(1);
    expect(json.waits[0]).toMatchObject({
      waiting: { application: 'dsnsh-ory-hydra', state: 'active' },
      blocking: { application: 'dsnsh-ory-kratos', state: 'idle in transaction' },
    });
  });
});

describe.skipIf(!availability().mysql)('sessions and locks on MariaDB', () => {
  serverWideLock('mariadb-lock-waits');
  mariadbLockWait('dsnsh_ory_locks', { holder: 'dsnsh_ory_a', waiter: 'dsnsh_ory_b' });
  const DSN = `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/dsnsh_ory_locks`;

  it('groups by user and client: one idle in a transaction, one active (waiting)', async () => {
    const report = JSON.parse((await runCli(['sessions', DSN, '--json'])).stdout);
    const group = (user: string) => report.groups.find((g: { user: string }) => g.user === user);
    expect(group('dsnsh_ory_a')).toMatchObject({
      client: '127.0.0.1',
      total: 1,
      idleInTransaction: 1,
      oldestIdleInTransactionMs: expect.any(Number),
    });
    expect(group('dsnsh_ory_b')).toMatchObject({ total: 1, active: 1 });
    expect(report.limits).toMatchObject({ maxConnections: expect.any(Number), reserved: 0 });
  });

  it('locks: the InnoDB lock wait, the waiting statement, the blocker idle in its transaction', async () => {
    const result = await runCli(['locks', DSN]);
    expect(result.stdout).toMatch(
      /^\d+ \(dsnsh_ory_b@127\.0\.0\.1\) waits [\d.]+(ms|s) for \d+ \(dsnsh_ory_a@127\.0\.0\.1\), idle in transaction for \d.*, transaction open [\d.]+(ms|s)$/m,
    );
    expect(result.stdout).toContain('  waiting:  UPDATE t SET n = n + 10 WHERE id = 1\n');
    expect(result.stdout).toContain('  blocking: (idle in its transaction; its last statement is not visible)\n');
  });
});
