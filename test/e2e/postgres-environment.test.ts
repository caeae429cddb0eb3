// The libpq environment, a password file and a service file apply as pgx applies them (issue 15
// item 6), through the built CLI against real servers: the shared one on 5432 and a throw-away
// cluster that asks for passwords.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { PG_HOST, PG_PORT, availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

const PASSWORD = 'Env-Pw:7q@x';
const QUERY = "select current_user, current_database(), inet_server_port(), current_setting('application_name')";

/** No PG* variable of the machine running the tests leaks into a case. */
function pgEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of Object.keys(process.env)) if (key.startsWith('PG')) env[key] = undefined;
  return { ...env, ...extra };
}

async function run(dsn: string, env: Record<string, string>) {
  return runCli([dsn, '--format', 'tsv', '--no-header', '-c', QUERY], { env: pgEnv(env) });
}

describe.skipIf(!availability().postgres)('PG* environment, passfile and service file (built CLI)', () => {
  let cluster: TempCluster;
  let dir: string;
  beforeAll(async () => {
    cluster = await startTempCluster({ hba: 'password' });
    cluster.psql(`CREATE ROLE dsnsh_env LOGIN PASSWORD '${PASSWORD}'`);
    dir = mkdtempSync(join(tmpdir(), 'dsnsh-pg-env-'));
  });
  afterAll(() => {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills host, port, user, database and application name from PG* variables', async () => {
    const result = await run('postgres:///', {
      PGHOST: PG_HOST,
      PGPORT: String(PG_PORT),
      PGUSER: 'postgres',
      PGDATABASE: 'test',
      PGSSLMODE: 'disable',
      PGAPPNAME: 'from-env',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(`postgres\ttest\t${PG_PORT}\tfrom-env`);
  });

  it('honours PGSSLMODE (require refuses the plaintext server), the DSN winning over it', async () => {
    const refused = await run(`postgres://postgres@${PG_HOST}:${PG_PORT}/test`, { PGSSLMODE: 'require' });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/refused TLS/);
    expect((await run(`postgres://postgres@${PG_HOST}:${PG_PORT}/test?sslmode=disable`, { PGSSLMODE: 'require' })).code).toBe(0);
  });

  it('reads a missing password from PGPASSFILE, and fails without it', async () => {
    const passfile = join(dir, 'pgpass');
    writeFileSync(passfile, `# test\n${PG_HOST}:${cluster.port}:postgres:dsnsh_env:${PASSWORD.replace(':', '\\:')}\n`, { mode: 0o600 });
    const dsn = `postgres://dsnsh_env@${PG_HOST}:${cluster.port}/postgres?sslmode=disable`;
    const withFile = await run(dsn, { PGPASSFILE: passfile });
    expect(withFile.stderr).toBe('');
    expect(withFile.stdout).toMatch(/^dsnsh_env\tpostgres\t/);
    const without = await run(dsn, { PGPASSFILE: join(dir, 'missing') });
    expect(without.code).toBe(3);
    expect(without.stdout + without.stderr).not.toContain(PASSWORD);
  });

  it("applies a service file section, under the DSN's own values", async () => {
    const services = join(dir, 'pg_service.conf');
    writeFileSync(
      services,
      `[app]\nhost=${PG_HOST}\nport=${cluster.port}\ndbname=postgres\nuser=dsnsh_env\npassword=${PASSWORD}\nsslmode=disable\n`,
    );
    const result = await run('postgres:///?service=app', { PGSERVICEFILE: services });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^dsnsh_env\\tpostgres\\t${cluster.port}\\t`));
    const overridden = await run(`postgres://postgres@:${PG_PORT}/test?service=app`, { PGSERVICEFILE: services });
    expect(overridden.stdout).toMatch(new RegExp(`^postgres\\ttest\\t${PG_PORT}\\t`));
  });
});
