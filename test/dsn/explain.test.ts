// `dsn explain` rendering without the CLI: JSON shape per backend and the human text.
import { describe, expect, it } from 'vitest';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { explainJson } from '../../source/noninteractive/explain-json.js';
import { explainText } from '../../source/noninteractive/explain-text.js';
import { fixedEnvironment } from './fixed-environment.js';

const parse = (dsn: string) => parseDsn(dsn, { cpuCount: 3, environment: fixedEnvironment() });

describe('explainJson', () => {
  it('describes a PostgreSQL Unix socket target', () => {
    expect(explainJson(parse('postgres://app@/app?host=/var/run/postgresql&port=5433'))).toMatchObject({
      backend: 'postgres',
      host: null,
      port: 5433,
      socket: '/var/run/postgresql/.s.PGSQL.5433',
      path: null,
      database: 'app',
      user: 'app',
      params: { host: '/var/run/postgresql', port: '5433' },
    });
  });

  it('describes MySQL TCP and SQLite targets', () => {
    expect(explainJson(parse('mysql://root@tcp(db:3307)/test'))).toMatchObject({
      backend: 'mysql',
      host: 'db',
      port: 3307,
      socket: null,
      database: 'test',
      user: 'root',
    });
    expect(explainJson(parse('sqlite:///data/kratos.db?_fk=true'))).toMatchObject({
      backend: 'sqlite',
      host: null,
      port: null,
      path: '/data/kratos.db',
      database: null,
      user: null,
    });
  });

  it('reports the pool in effect, with defaults from the CPU count', () => {
    expect(explainJson(parse('memory')).pool).toEqual({ maxConns: 6, maxIdleConns: 3, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 });
    expect(explainJson(parse('postgres://h/db?max_conn_idle_time=1m')).pool).toEqual({
      maxConns: 6,
      maxIdleConns: 3,
      maxConnLifetimeMs: 0,
      maxConnIdleTimeMs: 60000,
    });
  });

  it('keeps the pool keys out of params', () => {
    expect(explainJson(parse('mysql://u@tcp(h)/db?max_conns=9&sql_mode=TRADITIONAL')).params).toEqual({ sql_mode: 'TRADITIONAL' });
  });
});

describe('explainText', () => {
  it('lists given parameters with meanings and absent ones with effective defaults', () => {
    const text = explainText(parse('postgres://kratos:Secret-77@db:5432/kratos?statement_timeout=5000&max_conns=30'));
    expect(text).toContain('backend  postgres (PostgreSQL)');
    expect(text).toContain('target   host db, port 5432, database kratos, user kratos, password given (hidden)');
    expect(text).toContain('dsn      postgres://kratos:***@db:5432/kratos?statement_timeout=5000&max_conns=30');
    expect(text).toMatch(/statement_timeout\s+5000\n\s+server setting sent at connection start/);
    expect(text).toMatch(/max_conns\s+30\n/);
    // pgx's default; Ory's documentation says require (issue 15 item 1).
    expect(text).toMatch(/sslmode\s+prefer \(the service's driver default; Ory's documentation says require\)/);
    expect(text).toMatch(/max_idle_conns\s+3 \(CPU cores\)/);
    expect(text).not.toContain('Secret-77');
  });

  it('shows what Ory does with overridden and unparsable values', () => {
    const text = explainText(parse('mysql://u@tcp(h)/db?multiStatements=false&max_conns=lots'));
    expect(text).toContain('multiStatements  false (in effect: true, forced by Ory)');
    expect(text).toContain('lots (in effect: 6)');
    expect(text).toContain('! max_conns: "lots" is not an integer; the default 6 applies');
    expect(text).toContain('! multiStatements=false is overwritten');
  });

  it('shows SQLite foreign keys on when the DSN has no _fk (pop adds it), and warns loudly when it turns them off', () => {
    const text = explainText(parse('sqlite:///tmp/a.db?_pragma=busy_timeout(250)'));
    expect(text).not.toContain('FOREIGN KEYS ARE OFF');
    expect(text).toMatch(/foreign keys {2}on/);
    expect(text).toMatch(/foreign_keys: service \(pop adds _fk=true/);
    expect(text).toMatch(/on connect {4}PRAGMA busy_timeout = 5000/);
    expect(text).toContain('! _pragma=busy_timeout(250) is ignored');
    expect(explainText(parse('sqlite:///tmp/a.db?_fk=false'))).toContain('! FOREIGN KEYS ARE OFF');
  });

  it('shows the exact SET the MySQL adapter sends, and that read-only comes first', () => {
    const text = explainText(parse('mysql://u@tcp(h)/db?time_zone=%27%2B00%3A00%27&sql_mode=TRADITIONAL'));
    expect(text).toContain("on connect    SET sql_mode = TRADITIONAL, time_zone = '+00:00'");
    expect(text).toContain('with --read-only, SET SESSION TRANSACTION READ ONLY is sent before everything else');
  });

  it('lists several PostgreSQL hosts and where values come from', () => {
    const text = explainText(
      parseDsn('postgres://u@h1,h2:5433/db?target_session_attrs=read-write', {
        cpuCount: 3,
        environment: fixedEnvironment({ env: { PGPASSWORD: 'x' } }),
      }),
    );
    expect(text).toContain('hosts    h1:5433, h2:5433 (tried in order, as the service does; target_session_attrs=read-write)');
    expect(text).toContain('password from environment PGPASSWORD (hidden)');
    expect(text).toMatch(/tls {11}encrypted when the server offers TLS, else plaintext, certificate not verified \(sslmode prefer\)/);
    expect(text).toMatch(/password: environment PGPASSWORD/);
  });

  it('explains memory without parameter rows other than the pool', () => {
    const text = explainText(parse('memory'));
    expect(text).toContain('in-memory database (foreign keys on');
    expect(text).not.toContain('_foreign_keys');
    expect(text).toContain('max_conns');
  });
});
