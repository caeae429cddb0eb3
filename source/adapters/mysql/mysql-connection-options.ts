// A parsed MySQL DSN as mysql2 connection options. Values are read as text where exactness
// matters (BIGINT, DECIMAL, dates, JSON) and normalised later in mysql-values.ts.
import type { ConnectionOptions } from 'mysql2';
import type { MysqlDsn } from '../../dsn/types.js';
import { collationPlan } from './mysql-collation.js';

/** mysql2's own default; the Go driver's `timeout` absent means the OS's much longer default. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true'].includes(value.toLowerCase());
}

export function connectionOptions(dsn: MysqlDsn): ConnectionOptions {
  const where: ConnectionOptions =
    dsn.protocol === 'unix'
      ? { socketPath: dsn.socket ?? '/run/mysqld/mysqld.sock' }
      : { host: dsn.host ?? '127.0.0.1', port: dsn.port ?? 3306 };
  return {
    ...where,
    user: dsn.user ?? '',
    password: dsn.password ?? undefined,
    database: dsn.database ?? undefined,
    // mysql2 takes a collation name here and sends its id in the handshake, like the Go driver.
    charset: collationPlan(dsn.collation).handshake,
    connectTimeout: dsn.timeoutMs > 0 ? dsn.timeoutMs : DEFAULT_CONNECT_TIMEOUT_MS,
    // Scripts need it, and Ory forces it on whatever the DSN says.
    multipleStatements: true,
    flags: dsn.clientFoundRows ? ['FOUND_ROWS'] : ['-FOUND_ROWS'],
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    dateStrings: true,
    jsonStrings: true,
    rowsAsArray: true,
    enableKeepAlive: true,
    connectAttributes: { program_name: 'dsnsh' },
    // The Go driver's allowCleartextPasswords (e.g. for PAM or LDAP logins over TLS).
    enableCleartextPlugin: isTrue(dsn.driverFlags.allowCleartextPasswords),
  };
}

/** Where the server is, for messages (never with credentials). */
export function serverAddress(dsn: MysqlDsn): string {
  if (dsn.protocol === 'unix') return `unix(${dsn.socket ?? '/run/mysqld/mysqld.sock'})`;
  const host = dsn.host ?? '127.0.0.1';
  return `${host.includes(':') ? `[${host}]` : host}:${dsn.port ?? 3306}`;
}
