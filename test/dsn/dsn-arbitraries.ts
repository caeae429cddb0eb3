// fast-check generators of valid DSNs together with the components they were built from.
import fc from 'fast-check';

export interface PgCase {
  dsn: string;
  user: string;
  password: string | null;
  host: string;
  port: number | null;
  database: string | null;
  settings: Record<string, string>;
}

export interface MysqlCase {
  dsn: string;
  user: string;
  password: string | null;
  address: { protocol: 'tcp'; host: string; port: number | null } | { protocol: 'unix'; socket: string };
  database: string | null;
  variables: Record<string, string>;
}

const anyText = (minLength: number) => fc.string({ unit: 'grapheme', minLength, maxLength: 16 });

const hostname = fc
  .array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/), { minLength: 1, maxLength: 3 })
  .map((labels) => labels.join('.'));

export const host = fc.oneof(hostname, fc.ipV4(), fc.ipV6());

const bracketed = (value: string) => (value.includes(':') ? `[${value}]` : value);

const settingName = fc.stringMatching(/^[a-z][a-z_]{0,11}$/);

/** A password distinctive enough that finding it in output means it leaked. */
export const password = fc.tuple(anyText(4), fc.integer({ min: 100000, max: 999999 })).map(([text, n]) => `${text}#${n}Q`);

/** PostgreSQL connection options and pool keys cannot be server settings. */
const PG_RESERVED =
  /^(host|port|database|dbname|user|password|passfile|connect_timeout|ssl.*|krb.*|target_session_attrs|service|servicefile|.*_cache_capacity|default_query_exec_mode|application_name|fallback_application_name|search_path|options|max_conns|max_idle_conns|max_conn_lifetime|max_conn_idle_time)$/;

export const pgCase: fc.Arbitrary<PgCase> = fc
  .record({
    scheme: fc.constantFrom('postgres', 'postgresql', 'cockroach', 'cockroachdb', 'crdb'),
    user: anyText(1),
    password: fc.option(password, { nil: null }),
    host,
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }),
    // pgx drops every leading "/" of the path.
    database: fc.option(
      anyText(1).filter((text) => !text.startsWith('/')),
      { nil: null },
    ),
    settings: fc.dictionary(
      settingName.filter((name) => !PG_RESERVED.test(name) && !name.includes('pass')),
      anyText(0),
      { maxKeys: 4 },
    ),
  })
  .map(({ scheme, user, password: pw, host: h, port, database, settings }) => {
    const credentials = `${encodeURIComponent(user)}${pw === null ? '' : `:${encodeURIComponent(pw)}`}@`;
    const query = Object.entries(settings)
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&');
    const dsn = `${scheme}://${credentials}${bracketed(h)}${port === null ? '' : `:${port}`}/${database === null ? '' : encodeURIComponent(database)}${query ? `?${query}` : ''}`;
    return { dsn, user, password: pw, host: h, port, database, settings };
  });

/** A session-variable value the driver sends as one value: quoted text, a number or a bare word. */
const oneValue = fc.oneof(
  anyText(0)
    .filter((text) => !/['\\\u0000-\u001f\u007f]/.test(text))
    .map((text) => `'${text}'`),
  fc.integer().map(String),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
);

const MYSQL_DRIVER =
  /^(allow.*|charset|check.*|client.*|collation|columns.*|compress|connection.*|interpolate.*|loc|max.*|multi.*|parse.*|read.*|reject.*|server.*|timeout|time.*|tls|write.*)$/;

export const mysqlCase: fc.Arbitrary<MysqlCase> = fc
  .record({
    // The Go grammar splits user from password at the first ":", so a user cannot contain one;
    // Ory cuts the DSN at its first "?", so neither can hold "?".
    user: anyText(1).filter((text) => !text.includes(':') && !text.includes('?')),
    // ...but a password may contain anything else, ":@/" included, unescaped.
    password: fc.option(
      fc
        .oneof(
          password,
          password.map((text) => `a:b@c/d${text}`),
        )
        .filter((text) => !text.includes('?')),
      { nil: null },
    ),
    address: fc.oneof(
      fc.record({ protocol: fc.constant('tcp' as const), host, port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }) }),
      fc.record({ protocol: fc.constant('unix' as const), socket: fc.stringMatching(/^\/[a-z0-9._-]{1,10}(\/[a-z0-9._-]{1,10}){0,3}$/) }),
    ),
    database: fc.option(anyText(1), { nil: null }),
    variables: fc.dictionary(
      settingName.filter((name) => !MYSQL_DRIVER.test(name) && !name.includes('pass')),
      oneValue,
      { maxKeys: 4 },
    ),
  })
  .map(({ user, password: pw, address, database, variables }) => {
    const where =
      address.protocol === 'tcp'
        ? `tcp(${bracketed(address.host)}${address.port === null ? '' : `:${address.port}`})`
        : `unix(${address.socket})`;
    const query = Object.entries(variables)
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&');
    const dsn = `mysql://${user}${pw === null ? '' : `:${pw}`}@${where}/${database === null ? '' : encodeURIComponent(database)}${query ? `?${query}` : ''}`;
    return { dsn, user, password: pw, address, database, variables };
  });

export const sqliteCase = fc
  .record({
    path: fc
      .stringMatching(/^(\/|\.\/)?[A-Za-z0-9._ -]{1,12}(\/[A-Za-z0-9._ -]{1,12}){0,3}$/)
      .filter((p) => p !== ':memory:' && !p.startsWith('file:') && p.trim() === p),
    fk: fc.option(fc.constantFrom('true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 'TRUE', 'Off'), { nil: null }),
    journal: fc.option(fc.constantFrom('wal', 'WAL', 'delete', 'Truncate', 'persist', 'memory', 'off'), { nil: null }),
  })
  .map(({ path, fk, journal }) => {
    const query = [fk === null ? null : `_fk=${fk}`, journal === null ? null : `_journal_mode=${journal}`]
      .filter((part) => part !== null)
      .join('&');
    return { dsn: `sqlite://${path}${query ? `?${query}` : ''}`, path, fk, journal };
  });
