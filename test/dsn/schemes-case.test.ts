// Scheme prefixes are case-sensitive as in Ory (issue 15 item 8), and cockroach:// without a port
// reaches 5432 (item 2). Sources: ory/x sqlcon FinalizeDSN (strings.HasPrefix(dsn, "mysql://"));
// pgx v5.7 pgconn/config.go ParseConfigWithOptions (HasPrefix "postgres://" or "postgresql://",
// else keyword/value); ory/pop pop.go CanonicalDialect (strings.ToLower), dialect_cockroach.go
// finalizerCockroach (cd.URL = "postgres://" + rest), dialect_sqlite.go urlParserSQLite3
// (TrimPrefix "sqlite://"); Kratos v26.2 driver/config/config.go (dsn == "memory").
import { describe, expect, it } from 'vitest';
import { DsnError } from '../../source/dsn/errors.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { PostgresDsn } from '../../source/dsn/types.js';

const parse = (dsn: string) => parseDsn(dsn, { cpuCount: 2 });

function failure(dsn: string): DsnError {
  try {
    parse(dsn);
  } catch (error) {
    expect(error).toBeInstanceOf(DsnError);
    return error as DsnError;
  }
  throw new Error(`expected ${dsn} to be refused`);
}

describe('scheme case', () => {
  it.each([
    ['Postgres://h/db', /pgx\) only reads URLs starting with postgres:\/\//],
    ['POSTGRESQL://h/db', /postgresql:\/\//],
    ['MYSQL://root@tcp(h)/db', /logs in as the user "MYSQL"/],
    ['SQLITE:///tmp/a.db', /file literally named "SQLITE:\/\/…"/],
    ['Sqlite3:///tmp/a.db', /file literally named/],
  ])('%s is refused with what the service would do', (dsn, consequence) => {
    const error = failure(dsn);
    expect(error.code).toBe('unknown_scheme');
    expect(error.message).toMatch(/case-sensitive/);
    expect(error.message).toMatch(consequence);
    expect(error.hint).toMatch(/lower case/);
  });

  it('refuses "Memory": Kratos compares the whole DSN with "memory"', () => {
    expect(failure('Memory').message).toMatch(/only "memory" in lower case/);
  });

  it.each(['Cockroach://root@h:26257/db', 'CRDB://root@h:26257/db', 'CockroachDB://root@h:26257/db'])(
    '%s works, as pop lower-cases the dialect and rewrites the URL',
    (dsn) => {
      expect(parse(dsn)).toMatchObject({ backend: 'cockroach', host: 'h', port: 26257 });
    },
  );
});

describe('cockroach:// without a port', () => {
  it.each(['cockroach://root@127.0.0.1/db', 'cockroachdb://root@127.0.0.1/db', 'crdb://root@127.0.0.1/db'])(
    '%s connects to 5432 and warns that 26257 must be written',
    (dsn) => {
      const parsed = parse(dsn) as PostgresDsn;
      expect(parsed.port).toBe(5432);
      expect(parsed.warnings.join('\n')).toMatch(/CockroachDB listens on 26257; write :26257/);
    },
  );

  it('does not warn when the port is written', () => {
    expect((parse('cockroach://root@h:26257/db') as PostgresDsn).warnings.join('\n')).not.toMatch(/26257/);
  });
});
