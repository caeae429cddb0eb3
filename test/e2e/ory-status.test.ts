// `dsnsh ory status` on Kratos, Hydra and Keto schemas built with `dsnsh migrate up` from small
// fixtures (test/fixtures/ory), on SQLite, PostgreSQL and MariaDB: expired and live rows in the
// service's network and in another, counted by the criteria of Kratos' `cleanup sql` and Hydra's
// `janitor`; nothing is deleted; the printed DELETE, run by hand, removes exactly what was announced.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli-path.js';
import { ensureDatabase } from '../helpers/mariadb-test-db.js';
import { MYSQL_HOST, MYSQL_PORT, PG_HOST, PG_PORT, availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/ory');
const HOUR = 3_600_000;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ory-status-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Backend {
  name: string;
  available: () => boolean;
  /** A fresh, empty database for `service` */
  fresh(service: string): Promise<string>;
  /** A time as the service's driver stores it (UTC) */
  time(offsetMs: number): string;
}

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().replace('T', ' ').slice(0, -1);

const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    available: () => true,
    fresh: async (service) => `sqlite://${path.join(dir, `${service}-${randomUUID()}.db`)}`,
    // go-sqlite3 writes time.Time as "2006-01-02 15:04:05.999999999-07:00"
    time: (offsetMs) => `${iso(offsetMs)}456789+00:00`,
  },
  {
    name: 'postgres',
    available: () => availability().postgres,
    async fresh(service) {
      const name = `dsnsh_ory_status_${service}`;
      const admin = `postgres://postgres@${PG_HOST}:${PG_PORT}/postgres?sslmode=disable`;
      await runCli([admin, '-c', `DROP DATABASE IF EXISTS ${name}`, '-c', `CREATE DATABASE ${name}`]);
      return `postgres://postgres@${PG_HOST}:${PG_PORT}/${name}?sslmode=disable`;
    },
    time: (offsetMs) => `${iso(offsetMs)}456`,
  },
  {
    name: 'mariadb',
    available: () => availability().mysql,
    async fresh(service) {
      const name = `dsnsh_ory_status_${service}`;
      const admin = `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/test`;
      await runCli([admin, '-c', `DROP DATABASE IF EXISTS ${name}`]);
      await ensureDatabase(name);
      return `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/${name}`;
    },
    time: (offsetMs) => `${iso(offsetMs)}456`,
  },
];

async function sql(dsn: string, statement: string): Promise<string> {
  const result = await runCli([dsn, '-c', statement, '--format', 'csv', '--no-header']);
  expect(result.stderr).toBe('');
  return result.stdout.trim();
}

async function build(backend: Backend, service: string): Promise<{ dsn: string; nid: string }> {
  const dsn = await backend.fresh(service);
  const up = await runCli(['migrate', 'up', dsn, '--migrations', path.join(FIXTURES, service), '--yes']);
  expect(up.code).toBe(0);
  const nid = randomUUID();
  // The service's network is the oldest; rows of a newer network are not its own.
  await sql(
    dsn,
    `INSERT INTO networks (id, created_at, updated_at) VALUES ('${nid}', '${backend.time(-1000 * HOUR)}', '${backend.time(-1000 * HOUR)}'), ('${randomUUID()}', '${backend.time(-10 * HOUR)}', '${backend.time(-10 * HOUR)}')`,
  );
  return { dsn, nid };
}

const rows = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join(', ');

async function status(dsn: string, ...args: string[]) {
  const result = await runCli(['ory', 'status', dsn, '--json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const item = (report: { cleanup: Array<{ table: string }> }, table: string) =>
  report.cleanup.find((entry) => entry.table === table) as unknown as { matching: number; oneRun: number; statements: string[] };

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available())(`ory status on ${backend.name}`, () => {
    it('Kratos: recognised, migration version, tables; expired rows of its network counted, one batch per run, nothing deleted', async () => {
      const { dsn, nid } = await build(backend, 'kratos');
      const other = randomUUID();
      await sql(dsn, `INSERT INTO identities (id, nid, traits) VALUES ('${randomUUID()}', '${nid}', '{}')`);
      await sql(
        dsn,
        `INSERT INTO sessions (id, nid, expires_at) VALUES ${rows(3, () => `('${randomUUID()}', '${nid}', '${backend.time(-2 * HOUR)}')`)}, ('${randomUUID()}', '${other}', '${backend.time(-2 * HOUR)}'), ${rows(2, () => `('${randomUUID()}', '${nid}', '${backend.time(2 * HOUR)}')`)}`,
      );
      await sql(
        dsn,
        `INSERT INTO selfservice_login_flows (id, nid, expires_at) VALUES ${rows(150, (i) => `('${randomUUID()}', '${nid}', '${backend.time(-(i + 1) * 60_000)}')`)}`,
      );
      await sql(
        dsn,
        `INSERT INTO session_token_exchanges (id, nid, created_at) VALUES ('${randomUUID()}', '${nid}', '${backend.time(-2 * HOUR)}'), ('${randomUUID()}', '${nid}', '${backend.time(-60_000)}')`,
      );

      const report = await status(dsn, '--exact');
      expect(report.services).toEqual(['kratos']);
      expect(report.network).toBe(nid);
      expect(report.migrations).toMatchObject({ table: 'schema_migration', applied: 4, latest: { version: '20240101000000000003' } });
      expect(report.tables.find((t: { name: string }) => t.name === 'sessions')).toMatchObject({
        rows: 6,
        rowsExact: true,
        service: 'kratos',
      });
      expect(item(report, 'sessions')).toMatchObject({ matching: 3, oneRun: 3 });
      expect(item(report, 'selfservice_login_flows')).toMatchObject({ matching: 150, oneRun: 100 });
      expect(item(report, 'session_token_exchanges')).toMatchObject({ matching: 2, oneRun: 2 });
      expect(item(report, 'continuity_containers')).toMatchObject({ matching: 0 });
      expect(await sql(dsn, 'SELECT COUNT(*) FROM sessions')).toBe('6');

      const keep = await status(dsn, '--keep-last', '90m30s', '--batch-size', '20');
      expect(item(keep, 'selfservice_login_flows')).toMatchObject({ matching: 60, oneRun: 20 });
      expect(item(keep, 'sessions')).toMatchObject({ matching: 3 });

      // The statement shown is the one Kratos runs: run by hand, it removes what was announced.
      const [loginDelete] = item(report, 'selfservice_login_flows').statements;
      expect(loginDelete).toMatch(
        /^DELETE FROM selfservice_login_flows WHERE id in \(SELECT id FROM \(SELECT id FROM selfservice_login_flows c WHERE expires_at <= '.*' and nid = '.*' ORDER BY expires_at ASC LIMIT 100\) AS s\)$/,
      );
      await sql(dsn, loginDelete!);
      expect(await sql(dsn, 'SELECT COUNT(*) FROM selfservice_login_flows')).toBe('50');
      const text = await runCli(['ory', 'status', dsn]);
      expect(text.stdout).toMatch(/selfservice_login_flows: expired login flows: 50 match, one run removes 50/);
      expect(text.stdout).toMatch(/cleanup preview at .* \(read-only: counted, nothing deleted\)/);
    });

    it('Hydra: tokens past their lifespan, unhandled or rejected flows, expired grants', async () => {
      const { dsn, nid } = await build(backend, 'hydra');
      await sql(dsn, `INSERT INTO hydra_client (id, nid) VALUES ('app', '${nid}')`);
      await sql(
        dsn,
        `INSERT INTO hydra_oauth2_access (signature, nid, requested_at) VALUES ('a1', '${nid}', '${backend.time(-2 * HOUR)}'), ('a2', '${nid}', '${backend.time(-30 * 60_000)}'), ('a3', '${randomUUID()}', '${backend.time(-2 * HOUR)}')`,
      );
      await sql(
        dsn,
        `INSERT INTO hydra_oauth2_refresh (signature, nid, requested_at) VALUES ('r1', '${nid}', '${backend.time(-800 * HOUR)}'), ('r2', '${nid}', '${backend.time(-100 * HOUR)}')`,
      );
      await sql(
        dsn,
        `INSERT INTO hydra_oauth2_flow (login_challenge, nid, requested_at, state, login_error, consent_error) VALUES
        ('used', '${nid}', '${backend.time(-2 * HOUR)}', 6, NULL, '{}'),
        ('unhandled', '${nid}', '${backend.time(-2 * HOUR)}', 1, NULL, NULL),
        ('rejected', '${nid}', '${backend.time(-2 * HOUR)}', 6, '{"error":"access_denied"}', NULL),
        ('no-state', '${nid}', '${backend.time(-2 * HOUR)}', NULL, '', NULL),
        ('recent', '${nid}', '${backend.time(-60_000)}', 1, NULL, NULL)`,
      );
      await sql(
        dsn,
        `INSERT INTO hydra_oauth2_trusted_jwt_bearer_issuer (id, nid, expires_at) VALUES ('${randomUUID()}', '${nid}', '${backend.time(-HOUR)}'), ('${randomUUID()}', '${nid}', '${backend.time(HOUR)}')`,
      );

      const report = await status(dsn);
      expect(report.services).toEqual(['hydra']);
      expect(item(report, 'hydra_oauth2_access')).toMatchObject({ matching: 1, oneRun: 1 });
      expect(item(report, 'hydra_oauth2_refresh')).toMatchObject({ matching: 1 });
      expect(item(report, 'hydra_oauth2_flow')).toMatchObject({ matching: 2 });
      expect(item(report, 'hydra_oauth2_trusted_jwt_bearer_issuer')).toMatchObject({ matching: 1 });
      const shorter = await status(dsn, '--access-lifespan', '10m', '--refresh-lifespan', '50h');
      expect(item(shorter, 'hydra_oauth2_access')).toMatchObject({ matching: 2 });
      expect(item(shorter, 'hydra_oauth2_refresh')).toMatchObject({ matching: 2 });
      expect(await sql(dsn, 'SELECT COUNT(*) FROM hydra_oauth2_access')).toBe('3');
    });

    it('Keto: recognised, with no cleanup of its own', async () => {
      const { dsn } = await build(backend, 'keto');
      const report = await status(dsn);
      expect(report.services).toEqual(['keto']);
      expect(report.cleanup).toEqual([]);
      expect(report.notes.join('\n')).toMatch(/Keto has no cleanup command/);
    });
  });
}

describe('ory status elsewhere', () => {
  it('a database without an Ory schema says so; bad options are usage errors', async () => {
    const report = await status('memory');
    expect(report.services).toEqual([]);
    expect(report.notes[0]).toMatch(/no Kratos, Hydra or Keto schema/);
    expect((await runCli(['ory', 'status', 'memory', '--keep-last', '2 days'])).code).toBe(2);
    expect((await runCli(['ory', 'bogus'])).stderr).toMatch(/unknown ory subcommand "bogus"/);
  });
});
