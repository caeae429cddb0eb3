// Server facts for the pool panel and `doctor`: each figure read on its own, so one that the
// user may not see (no PROCESS privilege, ...) does not hide the others.
import type { Figure, ServerFacts } from '../adapter.js';
import type { MysqlContext } from './mysql-context.js';
import { queryRaw } from './mysql-connect.js';
import { toAdapterError } from './mysql-errors.js';
import type { PooledConnection } from './mysql-pool.js';

async function figure<T>(read: () => Promise<T>): Promise<Figure<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, reason: toAdapterError(error).message };
  }
}

async function firstRow(connection: PooledConnection, sql: string): Promise<unknown[]> {
  const rows = (await queryRaw(connection.raw, sql)) as unknown[][];
  const row = rows[0];
  if (!row) throw new Error(`no row from: ${sql}`);
  return row;
}

export function productOf(version: string): string {
  return /mariadb/i.test(version) ? 'MariaDB' : 'MySQL';
}

export async function readServerFacts(connection: PooledConnection, context: MysqlContext): Promise<ServerFacts> {
  const basics = await firstRow(connection, 'SELECT VERSION(), @@SESSION.sql_mode, @@SESSION.time_zone, @@collation_connection, @@max_allowed_packet');
  const version = String(basics[0]);
  // "Sessions of this application": connections of the same database user, as the service uses one.
  const appSessions = await figure(async () => Number((await firstRow(connection,
    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = SUBSTRING_INDEX(USER(), '@', 1)"))[0]));
  const totalSessions = await figure(async () => Number((await firstRow(connection, "SHOW GLOBAL STATUS LIKE 'Threads_connected'"))[1]));
  const maxConnections = await figure(async () => Number((await firstRow(connection, 'SELECT @@max_connections'))[0]));
  let cipher = '';
  const tls = await figure(async () => {
    cipher = String((await firstRow(connection, "SHOW SESSION STATUS LIKE 'Ssl_cipher'"))[1] ?? '');
    const encrypted = cipher !== '';
    return { encrypted, verified: encrypted && context.tlsVerifies };
  });
  const details: Record<string, string> = {
    sql_mode: String(basics[1] ?? ''),
    time_zone: String(basics[2] ?? ''),
    collation_connection: String(basics[3] ?? ''),
    max_allowed_packet: String(basics[4] ?? ''),
  };
  if (cipher) details.ssl_cipher = cipher;
  return { version, product: productOf(version), appSessions, totalSessions, maxConnections, tls, details };
}
