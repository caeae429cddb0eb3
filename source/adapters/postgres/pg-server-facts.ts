// What the console's header and pool panel show about the server. Each figure is read on its own
// so one unreadable figure (permissions, a CockroachDB catalog difference) spares the others.
import { TLSSocket } from 'node:tls';
import type { ClientBase } from 'pg';
import type { PostgresDsn } from '../../dsn/types.js';
import type { Figure, ServerFacts } from '../adapter.js';

export interface TlsFacts {
  verifiesHost: boolean;
}

async function scalar(client: ClientBase, sql: string, params: unknown[] = []): Promise<string | null> {
  const result = await client.query<unknown[]>({ text: sql, values: params, rowMode: 'array' });
  const value = result.rows[0]?.[0];
  return value === null || value === undefined ? null : String(value);
}

async function figure(read: () => Promise<string | null>): Promise<Figure<number>> {
  try {
    const value = await read();
    if (value === null) return { ok: false, reason: 'not reported by the server' };
    const number = Number(value);
    return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, reason: `unexpected value ${value}` };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

export function productOf(version: string): string {
  if (/CockroachDB/i.test(version)) return 'CockroachDB';
  if (/PostgreSQL/i.test(version)) return 'PostgreSQL';
  return version.split(/\s/)[0] ?? 'unknown';
}

// The console refreshes these every couple of seconds: on PostgreSQL one round trip reads them
// all. A server where it fails (CockroachDB, a catalog without backend_type) gets one statement
// per figure from then on, so a single unreadable figure still spares the others.
const ALL_AT_ONCE = `SELECT version(), current_setting('application_name'),
  (SELECT count(*) FROM pg_stat_activity WHERE application_name = current_setting('application_name')),
  (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'),
  current_setting('max_connections'), current_database(), current_user, current_setting('search_path'),
  current_setting('server_encoding'), current_setting('TimeZone')`;
const oneByOne = new WeakSet<PostgresDsn>();

function asFigure(value: unknown): Figure<number> {
  const number = Number(value);
  return value !== null && value !== undefined && Number.isFinite(number)
    ? { ok: true, value: number }
    : { ok: false, reason: 'not reported by the server' };
}

async function readAllAtOnce(
  client: ClientBase,
): Promise<(Omit<ServerFacts, 'tls' | 'details'> & { appName: string; details: Record<string, string> }) | null> {
  let row: unknown[] | undefined;
  try {
    row = (await client.query<unknown[]>({ text: ALL_AT_ONCE, rowMode: 'array' })).rows[0];
  } catch (error) {
    // Only the server rejecting the query (a catalog it lacks) means "read one by one"; a lost
    // connection fails this read as it would have failed the others.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57P)/.test(code)) return null;
    throw error;
  }
  if (!row) return null;
  const text = (index: number) => (row![index] === null || row![index] === undefined ? '' : String(row![index]));
  const version = text(0);
  if (productOf(version) !== 'PostgreSQL') return null;
  return {
    version,
    product: 'PostgreSQL',
    appName: text(1),
    appSessions: asFigure(row[2]),
    totalSessions: asFigure(row[3]),
    maxConnections: asFigure(row[4]),
    details: { database: text(5), user: text(6), search_path: text(7), server_encoding: text(8), time_zone: text(9) },
  };
}

function connectionDetails(
  client: ClientBase,
  dsn: PostgresDsn,
  tls: TlsFacts,
  appName: string,
): { details: Record<string, string>; tls: ServerFacts['tls'] } {
  const stream = (client as unknown as { connection?: { stream?: unknown } }).connection?.stream;
  const encrypted = stream instanceof TLSSocket;
  const details: Record<string, string> = {
    sslmode: dsn.ssl.mode + (dsn.ssl.modeDefaulted ? ' (default)' : ''),
    transport: encrypted ? 'TLS' : 'plaintext',
    application_name: appName,
  };
  if (encrypted) {
    details.tls_protocol = stream.getProtocol() ?? '';
    details.tls_cipher = stream.getCipher().name;
    details.host_name_checked = tls.verifiesHost ? 'yes' : 'no';
  }
  return { details, tls: { ok: true, value: { encrypted, verified: encrypted && stream.authorized } } };
}

export async function readServerFacts(client: ClientBase, dsn: PostgresDsn, tls: TlsFacts): Promise<ServerFacts> {
  if (!oneByOne.has(dsn)) {
    const all = await readAllAtOnce(client);
    if (all) {
      const { appName, details, ...facts } = all;
      const connection = connectionDetails(client, dsn, tls, appName);
      return { ...facts, tls: connection.tls, details: { ...connection.details, ...details } };
    }
    oneByOne.add(dsn);
  }
  return readOneByOne(client, dsn, tls);
}

async function readOneByOne(client: ClientBase, dsn: PostgresDsn, tls: TlsFacts): Promise<ServerFacts> {
  const version = (await scalar(client, 'SELECT version()')) ?? '';
  const product = productOf(version);
  const cockroach = product === 'CockroachDB';
  const appName = (await scalar(client, "SELECT current_setting('application_name')")) ?? '';

  const appSessions = await figure(() =>
    cockroach
      ? scalar(client, 'SELECT count(*) FROM crdb_internal.cluster_sessions WHERE application_name = $1', [appName])
      : scalar(client, 'SELECT count(*) FROM pg_stat_activity WHERE application_name = $1', [appName]),
  );
  const totalSessions = await figure(() =>
    cockroach
      ? scalar(client, 'SELECT count(*) FROM crdb_internal.cluster_sessions')
      : scalar(client, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"),
  );
  const maxConnections = await figure(() =>
    cockroach
      ? scalar(client, "SELECT value FROM crdb_internal.cluster_settings WHERE variable = 'server.max_connections_per_gateway'")
      : scalar(client, 'SHOW max_connections'),
  );

  const connection = connectionDetails(client, dsn, tls, appName);
  const details = connection.details;
  for (const [label, sql] of [
    ['database', 'SELECT current_database()'],
    ['user', 'SELECT current_user'],
    ['search_path', "SELECT current_setting('search_path')"],
    ['server_encoding', "SELECT current_setting('server_encoding')"],
    ['time_zone', "SELECT current_setting('TimeZone')"],
  ] as const) {
    try {
      details[label] = (await scalar(client, sql)) ?? '';
    } catch {
      // a setting this server does not have: leave it out
    }
  }
  return {
    version,
    product,
    appSessions,
    totalSessions,
    maxConnections,
    tls: connection.tls,
    details,
  };
}
