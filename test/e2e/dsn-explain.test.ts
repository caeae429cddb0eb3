// The built CLI (`dsnsh dsn explain`): JSON shape, human output, exit codes, no password leaks.
import { spawnSync } from 'node:child_process';
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
    const { code, stdout } = dsnsh(['dsn', 'explain', 'postgres://kratos:S3cr3t-pw@db.example.com:6543/kratos?sslmode=verify-full&max_conns=20&timezone=UTC', '--json']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('S3cr3t-pw');
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['backend', 'dsn', 'host', 'port', 'socket', 'path', 'database', 'user', 'pool', 'params', 'warnings']);
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
    expect(Object.keys(json.pool)).toEqual(['maxConns', 'maxIdleConns', 'maxConnLifetimeMs', 'maxConnIdleTimeMs']);
  });

  it('explains a Go MySQL DSN with a unix socket', () => {
    const { code, stdout } = dsnsh(['dsn', 'explain', '--json', 'mysql://app:p@ss:w/rd@unix(/run/mysqld/mysqld.sock)/app?time_zone=%27UTC%27']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('p@ss:w/rd');
    expect(JSON.parse(stdout)).toMatchObject({ backend: 'mysql', host: null, port: null, socket: '/run/mysqld/mysqld.sock', database: 'app', user: 'app', params: { time_zone: "'UTC'" } });
  });

  it('explains memory and sqlite, warning when _fk=true is missing', () => {
    const memory = JSON.parse(dsnsh(['dsn', 'explain', 'memory', '--json']).stdout);
    expect(memory).toMatchObject({ backend: 'memory', path: ':memory:', warnings: [] });
    const sqlite = JSON.parse(dsnsh(['dsn', 'explain', 'sqlite:///tmp/x.sqlite', '--json']).stdout);
    expect(sqlite).toMatchObject({ backend: 'sqlite', path: '/tmp/x.sqlite' });
    expect(sqlite.warnings[0]).toContain('_fk=true');
  });

  it('prints a human explanation with meanings and effective defaults', () => {
    const { code, stdout } = dsnsh(['dsn', 'explain', 'cockroach://root:Very-Secret-1@crdb:26257/defaultdb?max_conns=2O']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Very-Secret-1');
    expect(stdout).toContain('cockroach');
    expect(stdout).toContain('cockroach://root:***@crdb:26257/defaultdb?max_conns=2O');
    expect(stdout).toMatch(/sslmode\s+require \(the seed's default\)/);
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
    const { code, stdout, stderr } = dsnsh(['dsn', 'explain', 'mysql://u:Hidden-pw-9@tcp(h:1)/db?parseTime=maybe']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('parseTime "maybe" is not a boolean');
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
