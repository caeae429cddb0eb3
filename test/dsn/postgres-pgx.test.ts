// PostgreSQL / CockroachDB DSNs as pgx v5.7 (Kratos v26.2) reads them after Ory's rewriting
// (issue 15 items 1, 5, 6 and the PostgreSQL rows of the edge table). Sources, by file:
// pgconn/config.go (ParseConfigWithOptions, mergeSettings, parseEnvSettings, parseURLSettings,
// isIPOnly, parseServiceSettings, configTLS, parsePort, parseConnectTimeoutSetting),
// pgconn/defaults.go (defaultSettings, defaultHost), pgconn/config_test.go (test names below),
// jackc/pgpassfile pgpass.go, jackc/pgservicefile pgservicefile.go, Go net/url (url.Parse).
import { describe, expect, it } from 'vitest';
import { DsnError } from '../../source/dsn/errors.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { PostgresDsn } from '../../source/dsn/types.js';
import { fixedEnvironment, type FixedEnvironmentOptions } from './fixed-environment.js';

const parse = (dsn: string, environment: FixedEnvironmentOptions = {}) =>
  parseDsn(dsn, { cpuCount: 2, environment: fixedEnvironment(environment) }) as PostgresDsn;

function failure(dsn: string, environment: FixedEnvironmentOptions = {}): DsnError {
  try {
    parse(dsn, environment);
  } catch (error) {
    expect(error).toBeInstanceOf(DsnError);
    return error as DsnError;
  }
  throw new Error(`expected ${dsn} to be refused`);
}

describe('sslmode', () => {
  it('defaults to prefer, and says Ory\'s documentation says require (config_test.go "sslmode not set (prefer)")', () => {
    const dsn = parse('postgres://u@h/db');
    expect(dsn.ssl).toMatchObject({ mode: 'prefer', modeDefaulted: true });
    expect(dsn.sources.sslmode).toMatch(/prefer.*Ory's documentation says require/);
  });

  it('treats ?sslmode= and a bare ?sslmode as the default (configTLS: sslmode == "" → prefer)', () => {
    expect(parse('postgres://u@h/db?sslmode=').ssl.mode).toBe('prefer');
    expect(parse('postgres://u@h/db?sslmode').ssl.mode).toBe('prefer');
  });

  it('takes PGSSLMODE from the environment (parseEnvSettings), the DSN winning over it', () => {
    expect(parse('postgres://u@h/db', { env: { PGSSLMODE: 'require' } })).toMatchObject({
      ssl: { mode: 'require', modeDefaulted: false },
      sources: { sslmode: 'environment PGSSLMODE' },
    });
    expect(parse('postgres://u@h/db?sslmode=disable', { env: { PGSSLMODE: 'require' } }).ssl.mode).toBe('disable');
  });

  it('sslrootcert=system implies verify-full (configTLS)', () => {
    const dsn = parse('postgres://u@h/db?sslmode=require&sslrootcert=system');
    expect(dsn.ssl).toMatchObject({ mode: 'verify-full', rootCert: 'system' });
    expect(dsn.warnings.join('\n')).toMatch(/sslrootcert=system .*\(verify-full\)/);
  });

  it('refuses sslcert without sslkey (configTLS: both "sslcert" and "sslkey" are required)', () => {
    expect(failure('postgres://u@h/db?sslcert=/c.pem')).toMatchObject({ code: 'bad_value', param: 'sslcert' });
    expect(failure('postgres://u@h/db?sslkey=/k.pem')).toMatchObject({ code: 'bad_value', param: 'sslkey' });
    expect(() => parse('postgres://u@h/db?sslmode=disable&sslcert=/c.pem')).not.toThrow();
  });

  it('uses ~/.postgresql/root.crt when it exists (defaults.go)', () => {
    const dsn = parse('postgres://u@h/db?sslmode=require', { files: { '/home/osuser/.postgresql/root.crt': 'PEM' } });
    expect(dsn.ssl.rootCert).toBe('/home/osuser/.postgresql/root.crt');
  });
});

describe('hosts and ports', () => {
  it('tries every host of the URL in order (config_test.go "URL multiple hosts")', () => {
    expect(parse('postgres://jack:secret@foo,bar,baz/mydb').hosts).toEqual([
      { host: 'foo', port: 5432 },
      { host: 'bar', port: 5432 },
      { host: 'baz', port: 5432 },
    ]);
  });

  it('pairs hosts with ports (config_test.go "URL multiple hosts and ports")', () => {
    expect(parse('postgres://jack:secret@foo:1,bar:2,baz:3/mydb').hosts).toEqual([
      { host: 'foo', port: 1 },
      { host: 'bar', port: 2 },
      { host: 'baz', port: 3 },
    ]);
  });

  it('gives every host the first port when fewer ports are written (ParseConfigWithOptions: ports[0])', () => {
    expect(parse('postgres://u@h1,h2:5433/db').hosts).toEqual([
      { host: 'h1', port: 5433 },
      { host: 'h2', port: 5433 },
    ]);
  });

  it('reads ?host=a,b and ?port= too', () => {
    expect(parse('postgres://u@x/db?host=a,b&port=6000,6001').hosts).toEqual([
      { host: 'a', port: 6000 },
      { host: 'b', port: 6001 },
    ]);
  });

  it('refuses a port on an earlier host when the last has none (Go url.Parse checks the last ":")', () => {
    expect(failure('postgres://u@h1:5432,h2/db')).toMatchObject({ code: 'bad_port', param: 'port' });
  });

  it('uses the Unix socket directory when no host is given (config_test.go "URL without host but with port still uses default host")', () => {
    const dsn = parse('postgres://jack:secret@:1/mydb', { directories: ['/var/run/postgresql'] });
    expect(dsn.hosts).toEqual([{ host: '/var/run/postgresql', port: 1 }]);
    expect(parse('postgres:///db', { directories: ['/tmp'] }).host).toBe('/tmp');
    expect(parse('postgres:///db').host).toBe('localhost');
  });

  it('accepts ::1 without brackets as a host without a port (parseURLSettings isIPOnly)', () => {
    expect(parse('postgres://u@::1/db').hosts).toEqual([{ host: '::1', port: 5432 }]);
  });

  it('reads a host beginning with a drive letter or "/" as a Unix socket (isAbsolutePath)', () => {
    const dsn = parse('postgres:///db?host=C:\\tmp');
    expect(dsn.host).toBe('C:\\tmp');
    expect(dsn.ssl.mode).toBe('prefer');
  });

  it('drops every leading "/" of the decoded path: postgres://h/%2Fdb is database db', () => {
    expect(parse('postgres://h/%2Fdb').database).toBe('db');
  });

  it.each([
    ['postgres://a b@h/db', 'user', /invalid userinfo/],
    ['postgres://u@%41/db', 'host', /%41/],
    ['postgres://%2Fvar%2Frun%2Fpostgresql/db', 'host', /libpq would accept it/],
  ])("%s is refused as Go's URL parser refuses it", (dsn, param, message) => {
    const error = failure(dsn);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });
});

describe('target_session_attrs', () => {
  it.each(['any', 'read-write', 'read-only', 'primary', 'standby', 'prefer-standby'])(
    'accepts %s (config_test.go "target_session_attrs …")',
    (value) => {
      expect(parse(`postgres://u@h/db?target_session_attrs=${value}`).targetSessionAttrs).toBe(value);
    },
  );

  it('defaults to any, reads PGTARGETSESSIONATTRS, and refuses anything else', () => {
    expect(parse('postgres://u@h/db').targetSessionAttrs).toBe('any');
    expect(parse('postgres://u@h/db', { env: { PGTARGETSESSIONATTRS: 'read-write' } }).targetSessionAttrs).toBe('read-write');
    expect(failure('postgres://u@h/db?target_session_attrs=bogus')).toMatchObject({ code: 'bad_value', param: 'target_session_attrs' });
  });
});

describe('the PG* environment, passfile and service file', () => {
  it('fills what the DSN leaves out from the environment, naming each source (config_test.go TestParseConfigEnvLibpq "All non-TLS environment")', () => {
    const dsn = parse('postgres:///', {
      env: {
        PGHOST: 'envhost',
        PGPORT: '7777',
        PGDATABASE: 'envdb',
        PGUSER: 'envuser',
        PGPASSWORD: 'envpw',
        PGAPPNAME: 'envapp',
        PGCONNECT_TIMEOUT: '9',
        PGTZ: 'UTC',
      },
    });
    expect(dsn).toMatchObject({
      host: 'envhost',
      port: 7777,
      database: 'envdb',
      user: 'envuser',
      password: 'envpw',
      applicationName: 'envapp',
      connectTimeoutMs: 9000,
      serverSettings: { timezone: 'UTC' },
    });
    expect(dsn.sources).toMatchObject({
      host: 'environment PGHOST',
      port: 'environment PGPORT',
      user: 'environment PGUSER',
      password: 'environment PGPASSWORD',
    });
    expect(dsn.passwordFrom).toBe('environment PGPASSWORD');
  });

  it('lets the DSN win over the environment', () => {
    expect(parse('postgres://dsnuser@dsnhost:1/dsndb', { env: { PGHOST: 'e', PGPORT: '2', PGUSER: 'e', PGDATABASE: 'e' } })).toMatchObject({
      host: 'dsnhost',
      port: 1,
      user: 'dsnuser',
      database: 'dsndb',
    });
  });

  it('defaults the user to the OS user', () => {
    expect(parse('postgres://h/db')).toMatchObject({ user: 'osuser', sources: { user: 'default (the OS user)' } });
  });

  it('refuses an empty user name, which pgx sends as is (parseURLSettings: settings["user"] = Username())', () => {
    expect(failure('postgres://:secret@h/db')).toMatchObject({ code: 'bad_value', param: 'user' });
  });

  it('reads a missing password from ~/.pgpass, first match, * wildcards, \\: escapes (TestParseConfigReadsPgPassfile)', () => {
    const files = { '/home/osuser/.pgpass': '# comment\nother:*:*:*:nope\nh:5432:db:u:pa\\:ss\n*:*:*:*:fallback\n' };
    expect(parse('postgres://u@h/db', { files })).toMatchObject({ password: 'pa:ss', passwordFrom: 'passfile /home/osuser/.pgpass' });
    expect(parse('postgres://v@h/db', { files }).password).toBe('fallback');
    expect(parse('postgres://u:given@h/db', { files }).passwordFrom).toBe('dsn');
  });

  it('honours passfile= and PGPASSFILE, and looks up "localhost" for a Unix socket', () => {
    const files = { '/etc/my.pgpass': 'localhost:5432:db:u:sock\n' };
    expect(parse('postgres://u@/db?host=/var/run/postgresql&passfile=/etc/my.pgpass', { files }).password).toBe('sock');
    expect(parse('postgres://u@/db?host=/var/run/postgresql', { files, env: { PGPASSFILE: '/etc/my.pgpass' } }).password).toBe('sock');
  });

  it('applies a pg_service.conf section between the environment and the DSN (TestParseConfigReadsPgServiceFile)', () => {
    const files = {
      '/home/osuser/.pg_service.conf':
        '# services\n[abc]\nhost=abc.example.com\nport=9999\ndbname=abcdb\nuser=abcuser\n[def]\nhost = def.example.com\n',
    };
    const dsn = parse('postgres:///?service=abc', { files, env: { PGHOST: 'envhost' } });
    expect(dsn).toMatchObject({ host: 'abc.example.com', port: 9999, database: 'abcdb', user: 'abcuser' });
    expect(dsn.sources.host).toBe('service file /home/osuser/.pg_service.conf [abc]');
    // "conn string has precedence"
    expect(parse('postgres://u@other/db?service=abc', { files }).host).toBe('other');
    expect(parse('postgres:///', { files, env: { PGSERVICE: 'def' } }).host).toBe('def.example.com');
  });

  it('refuses a service that cannot be found, as pgx does', () => {
    expect(failure('postgres:///?service=abc').message).toMatch(/cannot be read/);
    expect(failure('postgres:///?service=zzz', { files: { '/home/osuser/.pg_service.conf': '[abc]\nhost=x\n' } }).message).toMatch(
      /no \[zzz\] section/,
    );
  });
});

describe('other parameters', () => {
  it.each([
    ['%2B5', 5000],
    ['2147484', 2_147_483_647],
    ['0', 0],
  ])('accepts connect_timeout=%s (strconv.ParseInt)', (value, ms) => {
    expect(parse(`postgres://u@h/db?connect_timeout=${value}`).connectTimeoutMs).toBe(ms);
  });

  it('drops a pair with ";" with a warning (url.Query drops it; edge table)', () => {
    const dsn = parse('postgres://u@h/db?search_path=a;b&application_name=x');
    expect(dsn.searchPath).toBeNull();
    expect(dsn.applicationName).toBe('x');
    expect(dsn.warnings.join('\n')).toMatch(/"search_path" is dropped/);
  });

  it('uses the first of a repeated parameter, as pgx does (parseURLSettings: v[0])', () => {
    expect(parse('postgres://u@h/db?sslmode=disable&sslmode=require').ssl.mode).toBe('disable');
  });

  it("keeps pgx's own options out of the server settings", () => {
    expect(parse('postgres://u@h/db?statement_cache_capacity=0&x=1').serverSettings).toEqual({ x: '1' });
  });
});
