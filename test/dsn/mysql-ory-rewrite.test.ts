// MySQL DSNs as Ory's services read them (issue 15 item 4, issue 13 item 1): Ory rewrites the
// query before go-sql-driver/mysql parses it. Every case names where the behaviour comes from.
// Sources: ory/x sqlcon/parse_opts.go (ParseConnectionOptions, FinalizeDSN) as vendored in Kratos
// v26.2 (oryx/sqlcon); go-sql-driver/mysql v1.9.3 dsn.go (ParseDSN, parseDSNParams, normalize),
// const.go, dsn_test.go; Go's net/url (ParseQuery, Values.Encode), time.LoadLocation, strconv.Atoi.
import { describe, expect, it } from 'vitest';
import { DsnError } from '../../source/dsn/errors.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { MysqlDsn } from '../../source/dsn/types.js';

const parse = (dsn: string) => parseDsn(dsn, { cpuCount: 2 }) as MysqlDsn;

function failure(dsn: string): DsnError {
  try {
    parse(dsn);
  } catch (error) {
    expect(error).toBeInstanceOf(DsnError);
    return error as DsnError;
  }
  throw new Error(`expected ${dsn} to be refused`);
}

const BASE = 'mysql://u:p@tcp(h:3306)/db';

// [dsn, expected fields, source]
const ACCEPTED: [string, Partial<MysqlDsn> & Record<string, unknown>, string][] = [
  [
    `${BASE}?loc=US/Pacific`,
    { loc: 'US/Pacific' },
    'FinalizeDSN re-encodes "/" as %2F, so ParseDSN\'s last-"/" search finds the database separator; parseDSNParams QueryUnescapes loc',
  ],
  [
    `${BASE}?connectionAttributes=a:/x`,
    { driverFlags: { connectionAttributes: 'a:/x' } },
    'dsn_test.go TestDSNParserInvalid lists connectionAttributes=attr1:/unescaped/value as invalid for the bare driver; under Ory it is re-encoded and works',
  ],
  [`${BASE}?parseTime=yes`, { parseTime: true }, 'FinalizeDSN q.Set("parseTime", "true") overwrites the value before the driver reads it'],
  [
    `${BASE}?multiStatements=false&clientFoundRows=0`,
    { multiStatements: true, clientFoundRows: true },
    'FinalizeDSN q.Set for multiStatements and clientFoundRows',
  ],
  [BASE, { maxAllowedPacket: 64 * 1024 * 1024 }, 'const.go defaultMaxAllowedPacket = 64 << 20 (v1.9)'],
  [
    `${BASE}?maxAllowedPacket=0`,
    { maxAllowedPacket: 0 },
    'connector.go Connect: MaxAllowedPacket <= 0 reads max_allowed_packet from the server',
  ],
  [`${BASE}?maxAllowedPacket=-1`, { maxAllowedPacket: 0 }, 'connector.go Connect: only MaxAllowedPacket > 0 is used as is'],
  [
    `${BASE}?maxAllowedPacket=+65536`,
    { maxAllowedPacket: 65536 },
    'ParseQuery turns "+" into a space and Encode turns it back into "+"; strconv.Atoi("+65536") = 65536',
  ],
  [`${BASE}?tls=`, { tls: 'false' }, 'dsn.go normalize: TLSConfig "" sets no TLS'],
  [`${BASE}?tls=PREFERRED`, { tls: 'preferred' }, 'parseDSNParams lower-cases skip-verify and preferred'],
  [
    `${BASE}?sql_mode=TRADITIONAL&time_zone=%27%2B00%3A00%27`,
    { systemVariables: { sql_mode: 'TRADITIONAL', time_zone: "'+00:00'" } },
    "parseDSNParams default case: QueryUnescape(value) into cfg.Params; the seed's sql_mode=TRADITIONAL example",
  ],
  [
    `${BASE}?time_zone=%27a%27&sql_mode=%27b%27`,
    { systemVariables: { sql_mode: "'b'", time_zone: "'a'" } },
    'Values.Encode sorts the keys, so the SET lists them in that order',
  ],
  [`${BASE}?sql_mode=%27A%2CB%27`, { systemVariables: { sql_mode: "'A,B'" } }, 'a quoted value may hold commas'],
  [
    `${BASE}?autocommit=1&sql_mode=A+B`,
    { systemVariables: { autocommit: '1', sql_mode: 'A B' } },
    'ParseQuery decodes "+" as a space; Encode and the driver\'s QueryUnescape keep it one',
  ],
  [
    `${BASE}?writeTimeout=-5s`,
    { writeTimeoutMs: 0 },
    'time.ParseDuration accepts negative durations; the driver sets no deadline unless the timeout is > 0',
  ],
  [`${BASE}?readTimeout=0.5m`, { readTimeoutMs: 30000 }, '"." survives re-encoding; ParseDuration("0.5m") = 30s'],
  [
    `${BASE}?tls=true&tls=false`,
    { tls: 'false' },
    'Values.Encode keeps both copies in order; parseDSNParams reads them in turn, the last wins',
  ],
  [
    'mysql:///dbname?arg=/path',
    { database: 'dbname', systemVariables: { arg: '/path' } },
    'DSN-SEMANTICS edge table: mysql:///dbname?arg=/path works after re-encoding (dsn_test.go "unix/?arg=%2Fsome%2Fpath.ext")',
  ],
  ['mysql://u@tcp6([::1]:3306)/db', { host: '::1', port: 3306 }, 'tcp6 with a port is dialled as written'],
];

// [dsn, code, param, message pattern, source]
const REFUSED: [string, string, string | null, RegExp, string][] = [
  [
    'mysql://',
    'malformed',
    null,
    /empty after mysql:\/\//,
    'FinalizeDSN appends "?multiStatements=…" to "mysql://", then ParseDSN finds no "/" (errInvalidDSNNoSlash)',
  ],
  [
    'mysql://user:pa?ss@tcp(h)/db',
    'malformed',
    'password',
    /cut a MySQL DSN at its first "\?"/,
    'FinalizeDSN strings.Cut(dsn, "?") cuts inside the password',
  ],
  [
    'mysql://u@tcp6([::1])/db',
    'bad_port',
    'port',
    /has no port/,
    'dsn.go normalize: ensureHavePort only for "tcp"; the tcp6 dial then fails with "missing port in address"',
  ],
  [`${BASE}?loc=utc`, 'bad_value', 'loc', /case-sensitive/, 'time.LoadLocation("utc") fails: zone lookup is case-sensitive'],
  [
    `${BASE}?readTimeout=300µs`,
    'bad_duration',
    'readTimeout',
    /300%C2%B5s/,
    'Encode turns µ into %C2%B5; parseDSNParams passes the raw text to time.ParseDuration',
  ],
  [`${BASE}?strict=true`, 'bad_param', 'strict', /panics/, 'parseDSNParams: case "strict": panic("strict mode has been removed")'],
  [
    `${BASE}?serverPubKey=x`,
    'bad_value',
    'serverPubKey',
    /never registered/,
    'dsn_test.go TestDSNServerPubKey: an unregistered name is an error',
  ],
  [`${BASE}?tls=custom`, 'bad_value', 'tls', /registered in code/, 'dsn.go normalize: getTLSConfigClone(name) == nil is an error'],
  [
    `${BASE}?allowFallbackToPlaintext=PREFERRED`,
    'bad_bool',
    'allowFallbackToPlaintext',
    /not a boolean/,
    'dsn_test.go TestDSNParserInvalid: wrong bool flag',
  ],
  [
    'mysql://user:pass@tcp(127.0.0.1:3306)/db/name',
    'malformed',
    null,
    /not the database separator/,
    'dsn_test.go TestDSNParserInvalid: invalid dbname (errInvalidDSNUnescaped)',
  ],
  ['mysql://User:pass@tcp(1.2.3.4:3306)', 'malformed', null, /no "\/"/, 'dsn_test.go TestDSNParserInvalid: no trailing slash'],
  [
    `${BASE}?interpolateParams=true&collation=sjis_japanese_ci`,
    'bad_value',
    'interpolateParams',
    /unsafe/,
    'dsn_test.go TestDSNUnsafeCollation',
  ],
  [
    `${BASE}?@@session.sql_mode=x`,
    'bad_param',
    '@@session.sql_mode',
    /names/,
    'Encode turns "@" into %40, so the service would send SET %40%40session.sql_mode = … and fail',
  ],
];

// Issue 13 item 1: a value is one value. [dsn (after BASE?), param, what the message names]
const NOT_ONE_VALUE: [string, string, RegExp][] = [
  ['sql_mode=%27%27%3B%20DELETE%20FROM%20t%3B%20--%20', 'sql_mode', /";"/],
  ['sql_mode=TRADITIONAL%20--%20x', 'sql_mode', /comment/],
  ['sql_mode=TRADITIONAL%23x', 'sql_mode', /comment/],
  ['sql_mode=TRADITIONAL%2F*x*%2F', 'sql_mode', /comment/],
  ['sql_mode=%2F*!50000%20x*%2F', 'sql_mode', /comment/],
  ['time_zone=(SELECT%201)', 'time_zone', /parentheses/],
  ['time_zone=SLEEP(5)', 'time_zone', /parentheses/],
  ['sql_mode=A,autocommit=0', 'sql_mode', /comma/],
  ['sql_mode=%27unterminated', 'sql_mode', /unterminated/],
  ['sql_mode=%27a%5C%27%3B%20x%27', 'sql_mode', /backslash/],
  ['sql_mode=', 'sql_mode', /empty/],
  ['autocommit', 'autocommit', /empty/],
  ['max_conns=', 'max_conns', /does not remove an empty max_conns/],
  ['x=%0Aa', 'x', /\\x0a|not part of a single value/],
];

describe("MySQL DSNs through Ory's rewriting and the Go driver", () => {
  it.each(ACCEPTED)('%s', (dsn, expected) => {
    expect(parse(dsn)).toMatchObject(expected);
  });

  it.each(REFUSED)('%s is refused (%s)', (dsn, code, param, message) => {
    const error = failure(dsn);
    expect({ code: error.code, param: error.param }).toEqual({ code, param });
    expect(error.message).toMatch(message);
  });

  it('warns that charset=utf8mb4,utf8 reaches the driver as utf8mb4%2Cutf8 and fails', () => {
    // dsn_test.go TestDSNParser accepts charset=utf8mb4,utf8 for the bare driver; Encode escapes ",".
    const parsed = parse(`${BASE}?charset=utf8mb4,utf8`);
    expect(parsed.charsets).toEqual(['utf8mb4%2Cutf8']);
    expect(parsed.warnings.join('\n')).toMatch(/SET NAMES utf8mb4%2Cutf8 and the connection fails/);
  });

  it('shows the query the driver reads: pool keys removed, flags forced, keys sorted', () => {
    // ParseConnectionOptions query.Del(pool keys); FinalizeDSN q.Set + q.Encode().
    expect(parse(`${BASE}?sql_mode=TRADITIONAL&max_conns=5&loc=US/Pacific`).driverQuery).toBe(
      'clientFoundRows=true&loc=US%2FPacific&multiStatements=true&parseTime=true&sql_mode=TRADITIONAL',
    );
  });

  it.each(NOT_ONE_VALUE)('refuses ?%s: the value of %s is not one value', (query, param, reason) => {
    const error = failure(`${BASE}?${query}`);
    expect({ code: error.code, param: error.param }).toEqual({ code: 'bad_value', param });
    expect(error.message).toMatch(reason);
    expect(error.message).toContain(`SET ${param} = …`);
  });
});
