// `dsn explain` rendering without the CLI: JSON shape per backend and the human text.
import { describe, expect, it } from 'vitest';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { explainJson } from '../../source/noninteractive/explain-json.js';
import { explainText } from '../../source/noninteractive/explain-text.js';

const parse = (dsn: string) => parseDsn(dsn, { cpuCount: 3 });

describe('explainJson', () => {
  it('describes a PostgreSQL Unix socket target', () => {
    expect(explainJson(parse('postgres://app@/app?host=/var/run/postgresql&port=5433'))).toMatchObject({
      backend: 'postgres', host: null, port: 5433, socket: '/var/run/postgresql/.s.PGSQL.5433', path: null, database: 'app', user: 'app',
      params: { host: '/var/run/postgresql', port: '5433' },
    });
  });

  it('describes MySQL TCP and SQLite targets', () => {
    expect(explainJson(parse('mysql://root@tcp(db:3307)/test'))).toMatchObject({ backend: 'mysql', host: 'db', port: 3307, socket: null, database: 'test', user: 'root' });
    expect(explainJson(parse('sqlite:///data/kratos.db?_fk=true'))).toMatchObject({ backend: 'sqlite', host: null, port: null, path: '/data/kratos.db', database: null, user: null });
  });

  it('reports the pool in effect, with defaults from the CPU count', () => {
    expect(explainJson(parse('memory')).pool).toEqual({ maxConns: 6, maxIdleConns: 3, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 });
    expect(explainJson(parse('postgres://h/db?max_conn_idle_time=1m')).pool).toEqual({ maxConns: 6, maxIdleConns: 3, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 60000 });
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
    expect(text).toMatch(/sslmode\s+require \(the seed's default\)/);
    expect(text).toMatch(/max_idle_conns\s+3 \(CPU cores\)/);
    expect(text).not.toContain('Secret-77');
  });

  it('shows what Ory does with overridden and unparsable values', () => {
    const text = explainText(parse('mysql://u@tcp(h)/db?multiStatements=false&max_conns=lots'));
    expect(text).toContain('multiStatements  false (in effect: true, forced by Ory)');
    expect(text).toContain('lots (in effect: 6)');
    expect(text).toContain('! max_conns: "lots" is not an integer; the default 6 applies');
    expect(text).toContain('! multiStatements=false is overridden');
  });

  it('warns loudly about SQLite without foreign keys, and shows PRAGMAs set by _pragma', () => {
    const text = explainText(parse('sqlite:///tmp/a.db?_pragma=busy_timeout(250)'));
    expect(text).toContain('! FOREIGN KEYS ARE OFF');
    expect(text).toMatch(/_busy_timeout \/ _timeout\s+250 \(set by _pragma\)/);
  });

  it('explains memory without parameter rows other than the pool', () => {
    const text = explainText(parse('memory'));
    expect(text).toContain('in-memory database (foreign keys on');
    expect(text).not.toContain('_foreign_keys');
    expect(text).toContain('max_conns');
  });
});
