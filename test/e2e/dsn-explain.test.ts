// The built CLI (`dsnsh dsn explain`): JSON shape, human output, exit codes, no password leaks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';

function dsnsh(args: string[], env: Record<string, string | undefined> = {}): { code: number | null; stdout: string; stderr: string } {
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], { encoding: 'utf8', env: childEnv, timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('dsnsh dsn explain (built CLI)', () => {
  it('prints the issue-2 JSON shape for a PostgreSQL DSN, password redacted', () => {
    const { code, stdout } = dsnsh([
      'dsn',
      'explain',
      'postgres://kratos:S3cr3t-pw@db.example.com:6543/kratos?sslmode=verify-full&max_conns=20&timezone=UTC',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('S3cr3t-pw');
    const json = JSON.parse(stdout);
    // The issue-2 fields first, then the connection as the service would use it (issue 15).
    expect(Object.keys(json)).toEqual([
      'backend',
      'dsn',
      'host',
      'port',
      'socket',
      'path',
      'database',
      'user',
      'pool',
      'params',
      'warnings',
      'effective',
      'sources',
    ]);
    expect(json).toMatchObject({
      backend: 'postgres',
      dsn: 'postgres://kratos:***@db.example.com:6543/kratos?sslmode=verify-full&max_conns=20&timezone=UTC',
      host: 'db.example.com',
      port: 6543,
      socket: null,
      path: null,
      database: 'kratos',
      user: 'kratos',
      params: { sslmode: 'verify-full', timezone: 'UTC' },
      warnings: [],
    });
    expect(json.pool.maxConns).toBe(20);
    expect(json.effective).toMatchObject({
      sslmode: 'verify-full',
      tls: { encrypt: 'always', verify: 'chain-and-host-name' },
      startupParameters: { timezone: 'UTC' },
    });
    expect(json.sources).toMatchObject({ host: 'dsn', sslmode: 'dsn', max_conns: 'dsn' });
    expect(Object.keys(json.pool)).toEqual(['maxConns', 'maxIdleConns', 'maxConnLifetimeMs', 'maxConnIdleTimeMs']);
  });

  it('explains a Go MySQL DSN with a unix socket', () => {
    const { code, stdout } = dsnsh([
      'dsn',
      'explain',
      '--json',
      'mysql://app:p@ss:w/rd@unix(/run/mysqld/mysqld.sock)/app?time_zone=%27UTC%27',
    ]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('p@ss:w/rd');
    expect(JSON.parse(stdout)).toMatchObject({
      backend: 'mysql',
      host: null,
      port: null,
      socket: '/run/mysqld/mysqld.sock',
      database: 'app',
      user: 'app',
      params: { time_zone: "'UTC'" },
    });
  });

  it('explains memory and sqlite: foreign keys on unless the DSN turns them off (pop adds _fk=true)', () => {
    const memory = JSON.parse(dsnsh(['dsn', 'explain', 'memory', '--json']).stdout);
    expect(memory).toMatchObject({ backend: 'memory', path: ':memory:', warnings: [], effective: { foreignKeys: true } });
    const sqlite = JSON.parse(dsnsh(['dsn', 'explain', 'sqlite:///tmp/x.sqlite', '--json']).stdout);
    expect(sqlite).toMatchObject({ backend: 'sqlite', path: '/tmp/x.sqlite', warnings: [], effective: { foreignKeys: true } });
    expect(sqlite.sources.foreign_keys).toContain('_fk=true');
    const off = JSON.parse(dsnsh(['dsn', 'explain', 'sqlite:///tmp/x.sqlite?_fk=false', '--json']).stdout);
    expect(off.warnings[0]).toMatch(/^FOREIGN KEYS ARE OFF/);
  });

  it('prints a human explanation with meanings and effective defaults', () => {
    const { code, stdout } = dsnsh(['dsn', 'explain', 'cockroach://root:Very-Secret-1@crdb:26257/defaultdb?max_conns=2O']);
    expect(stdout).not.toContain('listens on 26257');
    expect(code).toBe(0);
    expect(stdout).not.toContain('Very-Secret-1');
    expect(stdout).toContain('cockroach');
    expect(stdout).toContain('cockroach://root:***@crdb:26257/defaultdb?max_conns=2O');
    expect(stdout).toMatch(/sslmode\s+prefer \(the service's driver default; Ory's documentation says require\)/);
    expect(stdout).toContain('max_conns: "2O" is not an integer');
  });

  it('exits 2 with a JSON error on stdout for a bad DSN with --json', () => {
    const { code, stdout } = dsnsh(['dsn', 'explain', '--json', 'postgres://u:Hidden-pw-9@h:99999/db']);
    expect(code).toBe(2);
    expect(stdout).not.toContain('Hidden-pw-9');
    const { error } = JSON.parse(stdout);
    expect(error).toMatchObject({ code: 'bad_port', param: 'port' });
    expect(error.message).toContain('99999');
    expect(typeof error.hint).toBe('string');
  });

  it('exits 2 with message and hint on stderr for a bad DSN', () => {
    const { code, stdout, stderr } = dsnsh(['dsn', 'explain', 'mysql://u:Hidden-pw-9@tcp(h:1)/db?allowAllFiles=maybe']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('allowAllFiles "maybe" is not a boolean');
    expect(stderr).toContain('hint:');
    expect(stderr).not.toContain('Hidden-pw-9');
  });

  it('shows control characters in DSN values escaped, never raw, in explanations and errors', () => {
    const explained = dsnsh(['dsn', 'explain', 'sqlite:///x.db?_fk=true&max_conns=%1b%5b2J']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('\\x1b[2J');
    expect(explained.stdout + explained.stderr).not.toContain('\x1b');
    const bad = dsnsh(['dsn', 'explain', 'sqlite:///x.db?_fk=%1b%5b2J']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('\\x1b');
    expect(bad.stdout + bad.stderr).not.toContain('\x1b');
  });

  it('warns that cockroach:// without a port reaches 5432, and refuses upper-case schemes as Ory does', () => {
    const crdb = JSON.parse(dsnsh(['dsn', 'explain', '--json', 'cockroach://root@crdb/defaultdb']).stdout);
    expect(crdb.port).toBe(5432);
    expect(crdb.warnings.join('\n')).toMatch(/CockroachDB listens on 26257/);
    const upper = dsnsh(['dsn', 'explain', 'Postgres://u:Hidden-pw-9@h/db']);
    expect(upper.code).toBe(2);
    expect(upper.stderr).toMatch(/case-sensitive/);
  });

  it('a port error never quotes the password (issue 13 item 9), in text and JSON', () => {
    for (const args of [
      ['dsn', 'explain', 'postgres://app:Zq8v?Lm=x@host/app'],
      ['dsn', 'explain', '--json', 'postgres://app:Zq8v?Lm=x@host/app'],
    ]) {
      const result = dsnsh(args);
      expect(result.code).toBe(2);
      expect(result.stdout + result.stderr).not.toContain('Zq8v');
    }
  });

  it('names the environment as a source, and the password file without its content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsnsh-explain-pgpass-'));
    try {
      writeFileSync(join(dir, 'pgpass'), '*:*:*:app:From-Passfile-3\n');
      const { code, stdout } = dsnsh(['dsn', 'explain', '--json', 'postgres://app@/db'], {
        PGHOST: 'envhost',
        PGPASSFILE: join(dir, 'pgpass'),
        PGSSLMODE: undefined,
      });
      expect(code).toBe(0);
      expect(stdout).not.toContain('From-Passfile-3');
      const json = JSON.parse(stdout);
      expect(json.effective).toMatchObject({ hosts: [{ host: 'envhost', port: 5432 }], passwordFrom: `passfile ${join(dir, 'pgpass')}` });
      expect(json.sources).toMatchObject({ host: 'environment PGHOST', passfile: 'environment PGPASSFILE' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows help with exit 0, and usage errors with exit 2', () => {
    const help = dsnsh(['dsn', 'explain', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dsnsh dsn explain DSN [--json]');
    expect(dsnsh(['dsn', 'explain'], { DSN: undefined }).code).toBe(2);
    expect(dsnsh(['dsn', 'frobnicate']).code).toBe(2);
    expect(dsnsh(['dsn', 'explain', '--bogus', 'memory']).code).toBe(2);
  });

  it('explains the DSN environment variable when no DSN is given', () => {
    const { code, stdout } = dsnsh(['dsn', 'explain', '--json'], { DSN: 'sqlite:///tmp/env.sqlite?_fk=true' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ backend: 'sqlite', path: '/tmp/env.sqlite', warnings: [] });
  });
});
