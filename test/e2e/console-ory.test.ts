// `\ory` in the console: the same view as `dsnsh ory status` (schema recognised, tables with rows
// and sizes, migration version, cleanup preview with the batched DELETE), read-only: nothing is
// deleted. A Kratos schema built from the fixtures with `dsnsh migrate up`, on SQLite and PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { PG_HOST, PG_PORT, availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

const consoles = privateConsoles('dsnsh-ui-ory-');
const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/ory/kratos');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ui-ory-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sql(dsn: string, statement: string): Promise<string> {
  const result = await runCli([dsn, '-c', statement, '--format', 'csv', '--no-header']);
  expect(result.stderr).toBe('');
  return result.stdout.trim();
}

async function kratos(dsn: string): Promise<void> {
  expect((await runCli(['migrate', 'up', dsn, '--migrations', FIXTURES, '--yes'])).code).toBe(0);
  await sql(
    dsn,
    "INSERT INTO networks (id, created_at, updated_at) VALUES ('0b2a5f43-0000-4000-8000-000000000001', '2000-01-01 00:00:00', '2000-01-01 00:00:00')",
  );
  // Two sessions expired long ago, one live for years: the cleanup would remove the two.
  await sql(
    dsn,
    "INSERT INTO sessions (id, nid, expires_at) VALUES ('0b2a5f43-0000-4000-8000-00000000000a', '0b2a5f43-0000-4000-8000-000000000001', '2001-01-01 00:00:00'), ('0b2a5f43-0000-4000-8000-00000000000b', '0b2a5f43-0000-4000-8000-000000000001', '2001-01-01 00:00:00'), ('0b2a5f43-0000-4000-8000-00000000000c', '0b2a5f43-0000-4000-8000-000000000001', '2999-01-01 00:00:00')",
  );
}

async function showsTheOryView(dsn: string): Promise<void> {
  const session = consoles.start({ args: [dsn], columns: 240, rows: 60 });
  await session.waitFor('connected');
  // exact: a server's estimate of a table just written is not known yet.
  session.write('\\ory exact\r');
  const screen = await session.waitFor(/sessions: expired sessions: 2 match, one run removes 2/);
  expect(screen).toMatch(/read-only/);
  expect(screen).toMatch(/services\s+kratos/);
  expect(screen).toMatch(/migrations\s+4 applied in schema_migration, latest 20240101000000000003/);
  expect(screen).toMatch(/sessions\s+3\s+[\d.]+ [kMG]?B\s+kratos/);
  expect(screen).toMatch(
    /DELETE FROM sessions WHERE id in \(SELECT id FROM \(SELECT id FROM sessions c WHERE expires_at <= .* LIMIT 100\) AS s\)/,
  );
  session.write('\x04');
  expect(await session.exited).toBe(0);
  // Shown, never run.
  expect(await sql(dsn, 'SELECT COUNT(*) FROM sessions')).toBe('3');
}

describe('\\ory in the console', () => {
  it('SQLite: the Kratos view, with the cleanup preview, and nothing deleted', async () => {
    const dsn = `sqlite://${path.join(dir, 'kratos.db')}`;
    await kratos(dsn);
    await showsTheOryView(dsn);
  });

  it.skipIf(!availability().postgres)('PostgreSQL: the same view', async () => {
    const admin = `postgres://postgres@${PG_HOST}:${PG_PORT}/postgres?sslmode=disable`;
    await runCli([admin, '-c', 'DROP DATABASE IF EXISTS ory_console_kratos', '-c', 'CREATE DATABASE ory_console_kratos']);
    const dsn = `postgres://postgres@${PG_HOST}:${PG_PORT}/ory_console_kratos?sslmode=disable`;
    await kratos(dsn);
    await showsTheOryView(dsn);
  });

  it('a database without an Ory schema says so', async () => {
    const session = consoles.start({ args: ['memory'], columns: 200, rows: 40 });
    await session.waitFor('memory');
    session.write('\\ory\r');
    await session.waitFor('no Kratos, Hydra or Keto schema here');
  });
});
