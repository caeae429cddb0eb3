// `dsn explain --json` exposes the connection as the service would use it (issue 15 "Also"):
// `effective` and `sources`, so a script can compare with the service without parsing text.
import { describe, expect, it } from 'vitest';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { explainJson } from '../../source/noninteractive/explain-json.js';
import { fixedEnvironment, type FixedEnvironmentOptions } from './fixed-environment.js';

const explain = (dsn: string, environment: FixedEnvironmentOptions = {}) =>
  explainJson(parseDsn(dsn, { cpuCount: 3, environment: fixedEnvironment(environment) }));

describe('explain --json effective and sources', () => {
  it('PostgreSQL: hosts, default sslmode prefer, TLS, passfile password, sources', () => {
    const json = explain('postgres://app@db1,db2:6432/kratos?target_session_attrs=read-write&statement_timeout=5000', {
      files: { '/home/osuser/.pgpass': '*:*:*:app:secret-from-file\n' },
    });
    expect(json.effective).toEqual({
      hosts: [
        { host: 'db1', port: 6432, socket: null },
        { host: 'db2', port: 6432, socket: null },
      ],
      port: 6432,
      database: 'kratos',
      user: 'app',
      passwordFrom: 'passfile /home/osuser/.pgpass',
      sslmode: 'prefer',
      tls: { encrypt: 'if-offered', verify: 'none' },
      targetSessionAttrs: 'read-write',
      foreignKeys: null,
      sessionSql: ['show transaction_read_only'],
      startupParameters: { application_name: 'dsnsh', statement_timeout: '5000' },
      pool: { maxConns: 6, maxIdleConns: 3, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 },
    });
    expect(json.sources).toMatchObject({
      host: 'dsn',
      user: 'dsn',
      password: 'passfile /home/osuser/.pgpass',
      sslmode: expect.stringMatching(/^default \(pgx's prefer/),
      max_conns: 'default (Ory: CPU cores × 2)',
    });
    expect(JSON.stringify(json)).not.toContain('secret-from-file');
  });

  it('PostgreSQL: environment values are named as such', () => {
    const json = explain('postgres:///', {
      env: { PGHOST: 'envhost', PGSSLMODE: 'verify-full', PGSSLROOTCERT: '/ca.pem', PGUSER: 'envuser' },
    });
    expect(json.effective).toMatchObject({
      hosts: [{ host: 'envhost', port: 5432, socket: null }],
      user: 'envuser',
      sslmode: 'verify-full',
      tls: { encrypt: 'always', verify: 'chain-and-host-name' },
    });
    expect(json.sources).toMatchObject({
      host: 'environment PGHOST',
      user: 'environment PGUSER',
      sslmode: 'environment PGSSLMODE',
      sslrootcert: 'environment PGSSLROOTCERT',
      port: 'default',
    });
  });

  it('PostgreSQL: a Unix socket host is never encrypted', () => {
    expect(explain('postgres://u@/db?host=/run/pg').effective).toMatchObject({
      hosts: [{ host: null, port: 5432, socket: '/run/pg/.s.PGSQL.5432' }],
      tls: { encrypt: 'never', verify: 'none' },
    });
  });

  it("MySQL: the SET statements in the order they are sent, Ory's forced flags as sources", () => {
    const json = explain(
      'mysql://root:pw@tcp(db:3307)/app?sql_mode=TRADITIONAL&charset=utf8mb4&maxAllowedPacket=0&tls=preferred&max_conns=0',
    );
    expect(json.effective).toMatchObject({
      hosts: [{ host: 'db', port: 3307, socket: null }],
      passwordFrom: 'dsn',
      tls: { encrypt: 'if-offered', verify: 'none' },
      sessionSql: ['SELECT @@max_allowed_packet', 'SET NAMES utf8mb4', 'SET sql_mode = TRADITIONAL'],
      pool: { maxConns: 0, maxIdleConns: 3 },
    });
    expect(json.sources).toMatchObject({ parseTime: 'service (Ory forces true)', sql_mode: 'dsn', max_conns: 'dsn' });
  });

  it('SQLite: foreign keys on with the service as their source, and the PRAGMAs', () => {
    const json = explain('sqlite:///data/kratos.db');
    expect(json.effective).toMatchObject({
      foreignKeys: true,
      sessionSql: ['PRAGMA busy_timeout = 5000', 'PRAGMA foreign_keys = 1', 'PRAGMA synchronous = NORMAL'],
      hosts: [],
      tls: null,
    });
    expect(json.sources.foreign_keys).toMatch(/^service \(pop adds _fk=true/);
    expect(explain('sqlite:///data/kratos.db?_fk=0').effective.foreignKeys).toBe(false);
    expect(explain('memory').effective.foreignKeys).toBe(true);
  });
});
