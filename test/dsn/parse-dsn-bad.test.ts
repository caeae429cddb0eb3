import { describe, expect, it } from 'vitest';
import { DsnError, type DsnErrorCode } from '../../source/dsn/errors.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';

// [dsn, code, param]
const BAD_DSNS: [string, DsnErrorCode, string | null][] = [
  ['', 'empty', null],
  ['   ', 'empty', null],
  ['memory ', 'malformed', null],
  ['memory?_fk=true', 'unknown_scheme', null],
  ['oracle://u:p@h/db', 'unknown_scheme', null],
  ['postgress://u:p@h/db', 'unknown_scheme', null],
  ['localhost:5432', 'unknown_scheme', null],
  ['/tmp/db.sqlite', 'unknown_scheme', null],
  // PostgreSQL / CockroachDB
  ['postgres://u:p@h:99999/db', 'bad_port', 'port'],
  ['postgres://u:p@h:0/db', 'bad_port', 'port'],
  ['postgres://u:p@h:54x2/db', 'bad_port', 'port'],
  ['postgres://u:p@h/db?port=abc', 'bad_port', 'port'],
  ['postgres://u:p@[::1/db', 'bad_host', 'host'],
  ['postgres://u:p@[::1]x/db', 'bad_host', 'host'],
  ['postgres://u:p@h1:5432,h2/db', 'bad_port', 'port'],
  ['Postgres://u:p@h/db', 'unknown_scheme', null],
  ['postgres://u:p@h o/db', 'bad_host', 'host'],
  ['postgres://u:p%zz@h/db', 'bad_escape', 'password'],
  ['postgres://u%2@h/db', 'bad_escape', 'user'],
  ['mysql://u:p%zz@h:3306/db', 'bad_escape', 'password'],
  ['postgres://u:p%FF@h/db', 'bad_escape', 'password'],
  ['postgres://u:p@h/d%b', 'bad_escape', 'database'],
  ['postgres://u:p@h/db?sslmode=on', 'bad_value', 'sslmode'],
  ['postgres://u:p@h/db?sslmode=REQUIRE', 'bad_value', 'sslmode'],
  ['postgres://u:p@h/db?connect_timeout=5s', 'bad_value', 'connect_timeout'],
  ['postgres://u:p@h/db?connect_timeout=-1', 'bad_value', 'connect_timeout'],
  ['postgres://u:p@h/db?sslcert=/c.pem', 'bad_value', 'sslcert'],
  ['postgres://u:p@h/db?target_session_attrs=bogus', 'bad_value', 'target_session_attrs'],
  ['postgres://:p@h/db', 'bad_value', 'user'],
  ['postgres://u:p@h/db?=x', 'bad_param', null],
  ['postgres://u:p#w@h/db', 'malformed', null],
  ['postgres://u:p/w@h/db', 'malformed', 'password'],
  ['postgres://u:p?w@h/db', 'malformed', 'password'],
  ['cockroach://root@h:70000/db', 'bad_port', 'port'],
  // MySQL
  ['mysql://u:p@tcp(h:3306)', 'malformed', null],
  ['mysql://u:p@tcp(h:3306/db', 'malformed', null],
  ['mysql://u:p@tcp(h:1)/db?loc=utc', 'bad_value', 'loc'],
  ['mysql://u:p?w@tcp(h:1)/db', 'malformed', 'password'],
  ['mysql://u:p@udp(h:1)/db', 'malformed', null],
  ['mysql://u:p@tcp(h:99999)/db', 'bad_port', 'port'],
  ['mysql://u:p@tcp([::1)/db', 'bad_host', 'host'],
  ['mysql://u:p@tcp(h)/d%zb', 'bad_escape', 'database'],
  ['mysql://u:p@tcp(h)/db?time_zone=%27Europe%2', 'bad_escape', 'time_zone'],
  ['mysql://u:p@tcp(h)/db?allowAllFiles=yes', 'bad_bool', 'allowAllFiles'],
  ['mysql://u:p@tcp(h)/db?interpolateParams=tRuE', 'bad_bool', 'interpolateParams'],
  ['mysql://u:p@tcp(h)/db?readTimeout=30', 'bad_duration', 'readTimeout'],
  ['mysql://u:p@tcp(h)/db?timeout=1d', 'bad_duration', 'timeout'],
  ['mysql://u:p@tcp(h)/db?writeTimeout=5', 'bad_duration', 'writeTimeout'],
  ['mysql://u:p@tcp(h)/db?tls=custom', 'bad_value', 'tls'],
  ['mysql://u:p@tcp(h)/db?loc=Mars%2FOlympus', 'bad_value', 'loc'],
  ['mysql://u:p@tcp(h)/db?maxAllowedPacket=4MiB', 'bad_value', 'maxAllowedPacket'],
  ['mysql://u:p@tcp(h)/db?collation=', 'bad_value', 'collation'],
  ['mysql://u:p@tcp(h)/db?sql_mode=', 'bad_value', 'sql_mode'],
  ['mysql://u:p@tcp(h)/db?autocommit', 'bad_value', 'autocommit'],
  ['mysql://u:p@tcp(h)/db?strict=true', 'bad_param', 'strict'],
  ['mysql://u:p@tcp(h)/db?sql_mode=%27%27%3B%20DELETE%20FROM%20t%3B%20--%20', 'bad_value', 'sql_mode'],
  ['mysql://u:p@tcp(h)/db?bad-name=1', 'bad_param', 'bad-name'],
  ['mysql://u:p@tcp(h)/db?serverPubKey=k', 'bad_value', 'serverPubKey'],
  ['mysql://u:p@host:notaport/db', 'bad_port', 'port'],
  ['mysql://u:p@tcp(h)/db?interpolateParams=true&collation=sjis_japanese_ci', 'bad_value', 'interpolateParams'],
  // SQLite
  ['sqlite://', 'missing_path', 'path'],
  ['sqlite://?_fk=true', 'missing_path', 'path'],
  ['sqlite://file:?_fk=true', 'missing_path', 'path'],
  ['sqlite://file://remote/db.sqlite', 'bad_host', 'path'],
  ['sqlite:///tmp/a.db?_fk=maybe', 'bad_bool', '_fk'],
  ['sqlite:///tmp/a.db?_defer_foreign_keys=2', 'bad_bool', '_defer_foreign_keys'],
  ['sqlite:///tmp/a.db?_journal_mode=fast', 'bad_value', '_journal_mode'],
  ['sqlite:///tmp/a.db?_busy_timeout=1.5', 'bad_value', '_busy_timeout'],
  ['sqlite:///tmp/a.db?_timeout=5s', 'bad_value', '_timeout'],
  ['sqlite:///tmp/a.db?_sync=4', 'bad_value', '_sync'],
  ['sqlite:///tmp/a.db?_vacuum=sometimes', 'bad_value', '_vacuum'],
  ['sqlite:///tmp/a.db?_txlock=eager', 'bad_value', '_txlock'],
  ['sqlite:///tmp/a.db?_locking=shared', 'bad_value', '_locking'],
  ['sqlite:///tmp/a.db?_secure_delete=slow', 'bad_value', '_secure_delete'],
  ['sqlite:///tmp/a.db?vfs=hello', 'bad_value', 'vfs'],
  ['sqlite:///tmp/a.db?_mutex=bogus', 'bad_value', '_mutex'],
  ['sqlite:///tmp/a.db?_loc=Mars%2FOlympus', 'bad_value', '_loc'],
  ['sqlite://file:/tmp/a.db?mode=rwx', 'bad_value', 'mode'],
  ['sqlite://file:/tmp/a.db?cache=public', 'bad_value', 'cache'],
  ['sqlite://file:/tmp/a.db?immutable=perhaps', 'bad_bool', 'immutable'],
  ['sqlite:///tmp/a.db?x=a;b', 'bad_param', 'x'],
  ['SQLITE:///tmp/a.db', 'unknown_scheme', null],
  ['sqlite:///tmp/a%.db?_fk=%G1', 'bad_escape', '_fk'],
];

describe('parseDsn: invalid DSNs', () => {
  it('has at least 40 cases', () => {
    expect(BAD_DSNS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD_DSNS)('%j → %s (%s)', (dsn, code, param) => {
    let caught: unknown;
    try {
      parseDsn(dsn, { cpuCount: 2 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DsnError);
    const error = caught as DsnError;
    expect({ code: error.code, param: error.param }).toEqual({ code, param });
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.hint.length).toBeGreaterThan(10);
  });

  it('never quotes the password in an error', () => {
    const cases = [
      'postgres://u:s3cr%zzet@h/db',
      'postgres://u:s3cr/et@h/db',
      'postgres://u:s3cr?et@h/db',
      'postgres://u:s3cr#et@h/db',
      'mysql://u:s3cret@tcp(h:0)/db',
    ];
    for (const dsn of cases) {
      try {
        parseDsn(dsn);
        expect.unreachable(dsn);
      } catch (error) {
        expect(error).toBeInstanceOf(DsnError);
        expect(`${(error as DsnError).message} ${(error as DsnError).hint}`).not.toMatch(/s3cr/);
      }
    }
  });
});
