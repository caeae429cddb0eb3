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

// The console refreshes these every couple of seconds: on MariaDB (information_schema status
// tables) one round trip reads them all. A server where that fails (MySQL 8 keeps them in
// performance_schema) gets one statement per figure from then on.
const ALL_AT_ONCE = `SELECT VERSION(), @@SESSION.sql_mode, @@SESSION.time_zone, @@collation_connection, @@max_allowed_packet,
  (SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = SUBSTRING_INDEX(USER(), '@', 1)),
  (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'THREADS_CONNECTED'),
  @@max_connections,
  (SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'SSL_CIPHER')`;
const oneByOne = new WeakSet<MysqlContext>();

function count(value: unknown): Figure<number> {
  const number = Number(value);
  return value !== null && value !== undefined && value !== '' && Number.isFinite(number)
    ? { ok: true, value: number }
    : { ok: false, reason: 'not reported by the server' };
}

async function readAllAtOnce(connection: PooledConnection, context: MysqlContext): Promise<ServerFacts | null> {
  let row: unknown[];
  try {
    row = await firstRow(connection, ALL_AT_ONCE);
  } catch (error) {
    // Only the server rejecting the query (errno set) means "read one by one"; a lost connection
    // fails this read as it would have failed the others.
    if (typeof (error as { errno?: unknown }).errno === 'number' && String((error as { code?: unknown }).code ?? '').startsWith('ER_'))
      return null;
    throw error;
  }
  const version = String(row[0]);
  const cipher = row[8] === null || row[8] === undefined ? '' : String(row[8]);
  const encrypted = cipher !== '';
  const details: Record<string, string> = {
    sql_mode: String(row[1] ?? ''),
    time_zone: String(row[2] ?? ''),
    collation_connection: String(row[3] ?? ''),
    max_allowed_packet: String(row[4] ?? ''),
  };
  if (cipher) details.ssl_cipher = cipher;
  return {
    version,
    product: productOf(version),
    appSessions: count(row[5]),
    totalSessions: count(row[6]),
    maxConnections: count(row[7]),
    tls: { ok: true, value: { encrypted, verified: encrypted && context.tlsVerifies } },
    details,
  };
}

export async function readServerFacts(connection: PooledConnection, context: MysqlContext): Promise<ServerFacts> {
  if (!oneByOne.has(context)) {
    const all = await readAllAtOnce(connection, context);
    if (all) return all;
    oneByOne.add(context);
  }
  return readOneByOne(connection, context);
}

async function readOneByOne(connection: PooledConnection, context: MysqlContext): Promise<ServerFacts> {
  const basics = await firstRow(
    connection,
    'SELECT VERSION(), @@SESSION.sql_mode, @@SESSION.time_zone, @@collation_connection, @@max_allowed_packet',
  );
  const version = String(basics[0]);
  // "Sessions of this application": connections of the same database user, as the service uses one.
  const appSessions = await figure(async () =>
    Number(
      (await firstRow(connection, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = SUBSTRING_INDEX(USER(), '@', 1)"))[0],
    ),
  );
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
