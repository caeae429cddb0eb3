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

export async function readServerFacts(client: ClientBase, dsn: PostgresDsn, tls: TlsFacts): Promise<ServerFacts> {
  const version = (await scalar(client, 'SELECT version()')) ?? '';
  const product = productOf(version);
  const cockroach = product === 'CockroachDB';
  const appName = (await scalar(client, "SELECT current_setting('application_name')")) ?? '';

  const appSessions = await figure(() => cockroach
    ? scalar(client, 'SELECT count(*) FROM crdb_internal.cluster_sessions WHERE application_name = $1', [appName])
    : scalar(client, 'SELECT count(*) FROM pg_stat_activity WHERE application_name = $1', [appName]));
  const totalSessions = await figure(() => cockroach
    ? scalar(client, 'SELECT count(*) FROM crdb_internal.cluster_sessions')
    : scalar(client, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"));
  const maxConnections = await figure(() => cockroach
    ? scalar(client, "SELECT value FROM crdb_internal.cluster_settings WHERE variable = 'server.max_connections_per_gateway'")
    : scalar(client, 'SHOW max_connections'));

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
    tls: { ok: true, value: { encrypted, verified: encrypted && stream.authorized } },
    details,
  };
}
