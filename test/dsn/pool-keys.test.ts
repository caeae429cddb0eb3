// Pool keys as Ory reads them and pop / database/sql apply them (issue 15 item 7).
// Sources: ory/x sqlcon/parse_opts.go ParseConnectionOptions (query.Get, `v != ""`, query.Del);
// ory/pop connection_instrumented.go openPotentiallyInstrumentedConnection (`if details.Pool != 0`,
// `if details.IdlePool != 0`); Go database/sql SetMaxOpenConns / SetMaxIdleConns /
// maxIdleConnsLocked (defaultMaxIdleConns = 2, n <= 0 open = unlimited, n < 0 idle = none).
import { describe, expect, it } from 'vitest';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { PostgresDsn } from '../../source/dsn/types.js';

const parse = (dsn: string) => parseDsn(dsn, { cpuCount: 2 });
const PG = 'postgres://u:p@h:5432/db?sslmode=disable';

// [query, maxConns, maxIdleConns, source]
const LIMITS: [string, number, number, string][] = [
  ['', 4, 2, 'ParseConnectionOptions defaults: maxParallelism()*2 and maxParallelism()'],
  ['max_conns=10&max_idle_conns=5', 10, 5, 'both given'],
  ['max_conns=0', 0, 2, "pop skips SetMaxOpenConns(0): database/sql stays unlimited (0); idle keeps Ory's default 2"],
  ['max_conns=-3', 0, 2, 'database/sql SetMaxOpenConns: n < 0 is 0, unlimited'],
  ['max_idle_conns=0', 4, 2, "pop skips SetMaxIdleConns(0): database/sql's defaultMaxIdleConns = 2"],
  ['max_conns=8&max_idle_conns=0', 8, 2, 'idle 0 = database/sql default 2'],
  ['max_conns=1&max_idle_conns=0', 1, 1, 'database/sql SetMaxOpenConns lowers the default idle 2 to the open limit 1'],
  ['max_idle_conns=-1', 4, 0, 'database/sql SetMaxIdleConns: n <= 0 keeps no idle connection'],
  ['max_conns=1', 1, 1, 'database/sql: idle never exceeds a positive open limit'],
  ['max_conns=+8', 4, 2, 'ParseQuery turns "+" into a space; strconv.ParseInt(" 8") fails, the default applies with a warning'],
  ['max_conns=2O', 4, 2, 'ParseInt fails: Ory logs a warning and keeps the default'],
];

describe('pool keys', () => {
  it.each(LIMITS)('?%s → max_conns %d, max_idle_conns %d', (query, maxConns, maxIdleConns) => {
    const dsn = parse(query ? `${PG}&${query}` : PG);
    expect({ maxConns: dsn.pool.maxConns, maxIdleConns: dsn.pool.maxIdleConns }).toEqual({ maxConns, maxIdleConns });
  });

  it('says what max_conns=0 and max_idle_conns=0 mean to the service', () => {
    expect(parse(`${PG}&max_conns=0`).warnings.join('\n')).toMatch(/no limit on open connections/);
    expect(parse(`${PG}&max_idle_conns=0`).warnings.join('\n')).toMatch(/default of 2 idle connections/);
  });

  it('keeps an empty pool key in the DSN, where it reaches the server as a setting (and says so)', () => {
    // ParseConnectionOptions: `if v := query.Get("max_conns"); v != ""` — an empty value is not deleted.
    const dsn = parse(`${PG}&max_conns=`) as PostgresDsn;
    expect(dsn.serverSettings).toEqual({ max_conns: '' });
    expect(dsn.pool.maxConns).toBe(4);
    expect(dsn.warnings.join('\n')).toMatch(/max_conns is empty: Ory does not remove it/);
  });

  it('uses the first of repeated pool keys and removes every copy', () => {
    // query.Get returns the first value; query.Del removes all.
    const dsn = parse(`${PG}&max_conns=3&max_conns=9`) as PostgresDsn;
    expect(dsn.pool.maxConns).toBe(3);
    expect(dsn.serverSettings).toEqual({});
  });

  it('does not read the pool keys when Go cannot parse the query, as Ory does', () => {
    // ParseQuery returns an error for a pair with ";": Ory logs a warning and keeps the DSN as is,
    // so max_conns then reaches pgx as a server setting.
    const dsn = parse(`${PG}&search_path=a;b&max_conns=9`) as PostgresDsn;
    expect(dsn.pool.maxConns).toBe(4);
    expect(dsn.serverSettings).toEqual({ max_conns: '9' });
    expect(dsn.warnings.join('\n')).toMatch(/pool keys are not read/);
  });
});
