// Everything node-postgres needs to open one connection for a DSN, given a TLS choice.
import type { ClientConfig } from 'pg';
import type { PostgresDsn } from '../../dsn/types.js';
import type { TlsChoice } from './pg-ssl-options.js';
import { startupOptions } from './pg-startup-options.js';
import { normalisingTypes } from './pg-value-types.js';

/** Shown in pg_stat_activity when the DSN names no application (libpq's fallback_application_name). */
export const DEFAULT_APPLICATION_NAME = 'dsnsh';

export function connectionConfig(dsn: PostgresDsn, tls: TlsChoice): ClientConfig {
  const config: ClientConfig = {
    host: dsn.host,
    port: dsn.port,
    ssl: tls === false ? false : tls,
    keepAlive: true,
    types: normalisingTypes,
    // libpq: absent or 0 waits indefinitely
    connectionTimeoutMillis: dsn.connectTimeoutMs > 0 ? dsn.connectTimeoutMs : 0,
    fallback_application_name: dsn.fallbackApplicationName ?? DEFAULT_APPLICATION_NAME,
  };
  if (dsn.user !== null) config.user = dsn.user;
  if (dsn.password !== null) config.password = dsn.password;
  if (dsn.database !== null) config.database = dsn.database;
  if (dsn.applicationName !== null) config.application_name = dsn.applicationName;
  const options = startupOptions(dsn);
  if (options !== undefined) config.options = options;
  return config;
}

/** The application name the server will show for our sessions. */
export function effectiveApplicationName(dsn: PostgresDsn): string {
  return dsn.applicationName ?? dsn.fallbackApplicationName ?? DEFAULT_APPLICATION_NAME;
}
