// PostgresDsn objects for the adapter tests, built directly so the adapter suite does not depend
// on the DSN parser's details (the parser has its own tests).
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
  /** Pretend sslmode was absent (the seed's default) */
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

export function pgDsn(options: PgDsnOptions = {}): PostgresDsn {
  const backend = options.backend ?? 'postgres';
  const host = options.host ?? PG_HOST;
  const port = options.port ?? PG_PORT;
  const database = options.database === undefined ? 'test' : options.database;
  const user = options.user === undefined ? 'postgres' : options.user;
  return {
    backend,
    redacted: `${backend}://${user ?? ''}${options.password ? ':***' : ''}@${host}:${port}/${database ?? ''}`,
    pool: {
      maxConns: options.maxConns ?? 4,
      maxIdleConns: options.maxIdleConns ?? 2,
      maxConnLifetimeMs: options.maxConnLifetimeMs ?? 0,
      maxConnIdleTimeMs: options.maxConnIdleTimeMs ?? 0,
    },
    params: {},
    warnings: [],
    host,
    port,
    database,
    user,
    password: options.password ?? null,
    ssl: {
      mode: options.sslmode ?? 'disable',
      modeDefaulted: options.sslmodeDefaulted ?? false,
      cert: options.sslcert ?? null,
      key: options.sslkey ?? null,
      rootCert: options.sslrootcert ?? null,
    },
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    applicationName: options.applicationName ?? null,
    fallbackApplicationName: options.fallbackApplicationName ?? null,
    searchPath: options.searchPath ?? null,
    serverSettings: options.serverSettings ?? {},
  };
}
