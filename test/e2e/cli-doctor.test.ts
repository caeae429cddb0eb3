// `dsnsh doctor`: a readiness check with a readable and a JSON report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MYSQL_DSN, PG_DSN, availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-doctor-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('doctor', () => {
  it('memory is usable; JSON report', async () => {
    const result = await runCli(['doctor', 'memory', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ usable: true, backend: 'memory', connect: { ok: true }, target: { profile: 'memory' } });
    expect(report.server.product).toMatch(/sqlite/i);
    expect(typeof report.latencyMs).toBe('number');
  });

  it('sqlite with _fk=false: usable, with the warning; foreign keys reported', async () => {
    // Without _fk the service turns foreign keys on (pop adds _fk=true): only _fk=false warns.
    const result = await runCli(['doctor', `sqlite://${path.join(dir, 'd.db')}?_fk=false`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning .*_fk/);
    expect(result.stdout).toMatch(/foreign.keys\s+(on|off)/);
    expect(result.stdout).toMatch(/result\s+usable/);
  });

  it('reads the Ory migration table and its latest version', async () => {
    const db = path.join(dir, 'm.db');
    await runCli([
      `sqlite://${db}`,
      '-c',
      "create table schema_migration (version varchar(48) not null, version_self int not null default 0); insert into schema_migration (version) values ('20200101000000000001'), ('20210817181232000006')",
    ]);
    const result = await runCli(['doctor', `sqlite://${db}?_fk=true`, '--json']);
    const report = JSON.parse(result.stdout);
    expect(report.migrations).toMatchObject({ table: 'schema_migration', applied: 2, latest: { version: '20210817181232000006' } });
  });

  it('unreachable: exit 3 and a clear reason; bad DSN: exit 2', async () => {
    const down = await runCli(['doctor', 'postgres://app:topsecret@127.0.0.1:1/x?sslmode=disable']);
    expect(down.code).toBe(3);
    expect(down.stdout).toMatch(/connect\s+FAILED/);
    expect(down.stdout + down.stderr).not.toContain('topsecret');
    const bad = await runCli(['doctor', 'postgres://h:notaport/x', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ usable: false });
  });

  it.skipIf(!availability().postgres)('postgres: TLS, version, pool', async () => {
    const result = await runCli(['doctor'], { env: { DSN: PG_DSN } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/tls\s+not in use/);
    expect(result.stdout).toMatch(/server\s+PostgreSQL \d+/);
    expect(result.stdout).toMatch(/pool\s+max_conns \d+/);
    expect(result.stdout).toContain('from the DSN environment variable');
  });

  it.skipIf(!availability().mysql)('mariadb: sql_mode and time zone', async () => {
    const result = await runCli(['doctor', MYSQL_DSN]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sql_mode\s+\S+/);
    expect(result.stdout).toMatch(/time_zone\s+\S+/);
  });
});
