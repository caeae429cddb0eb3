// DSNs for the PostgreSQL adapter tests, written as text and read by the real DSN parser, so the
// tests also show that each DSN parameter reaches the connection.
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { PgSslMode, PostgresDsn } from '../../source/dsn/types.js';
import { PG_HOST, PG_PORT } from './servers.js';

export interface PgDsnOptions {
  backend?: 'postgres' | 'cockroach';
  host?: string;
  port?: number;
  database?: string | null;
  user?: string | null;
  password?: string | null;
  sslmode?: PgSslMode;
  /** Leave sslmode out of the DSN (pgx's default prefer applies) */
  sslmodeDefaulted?: boolean;
  sslcert?: string | null;
  sslkey?: string | null;
  sslrootcert?: string | null;
  connectTimeoutMs?: number;
  applicationName?: string | null;
  fallbackApplicationName?: string | null;
  searchPath?: string | null;
  serverSettings?: Record<string, string>;
  maxConns?: number;
  maxIdleConns?: number;
  maxConnLifetimeMs?: number;
  maxConnIdleTimeMs?: number;
}

/** The DSN text for these options, as a user would write it. */
export function pgDsnText(options: PgDsnOptions = {}): string {
  const scheme = options.backend === 'cockroach' ? 'cockroach' : 'postgres';
  const user = options.user === undefined ? 'postgres' : options.user;
  const password = options.password ? `:${encodeURIComponent(options.password)}` : '';
  const credentials = user === null ? '' : `${encodeURIComponent(user)}${password}@`;
  const database = options.database === undefined ? 'test' : (options.database ?? '');
  const params: [string, string][] = [];
  if (!options.sslmodeDefaulted) params.push(['sslmode', options.sslmode ?? 'disable']);
  if (options.sslcert) params.push(['sslcert', options.sslcert]);
  if (options.sslkey) params.push(['sslkey', options.sslkey]);
  if (options.sslrootcert) params.push(['sslrootcert', options.sslrootcert]);
  params.push(['connect_timeout', String(Math.ceil((options.connectTimeoutMs ?? 5000) / 1000))]);
  if (options.applicationName) params.push(['application_name', options.applicationName]);
  if (options.fallbackApplicationName) params.push(['fallback_application_name', options.fallbackApplicationName]);
  if (options.searchPath) params.push(['search_path', options.searchPath]);
  for (const entry of Object.entries(options.serverSettings ?? {})) params.push(entry);
  params.push(['max_conns', String(options.maxConns ?? 4)], ['max_idle_conns', String(options.maxIdleConns ?? 2)]);
  params.push(['max_conn_lifetime', `${options.maxConnLifetimeMs ?? 0}ms`], ['max_conn_idle_time', `${options.maxConnIdleTimeMs ?? 0}ms`]);
  const query = params.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
  return `${scheme}://${credentials}${options.host ?? PG_HOST}:${options.port ?? PG_PORT}/${encodeURIComponent(database)}?${query}`;
}

/** A parsed DSN for these options, through the real DSN parser. */
export function pgDsn(options: PgDsnOptions = {}): PostgresDsn {
  const parsed = parseDsn(pgDsnText(options));
  if (parsed.backend !== 'postgres' && parsed.backend !== 'cockroach') throw new Error(`not a PostgreSQL DSN: ${parsed.backend}`);
  return parsed;
}
