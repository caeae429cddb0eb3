// Everything node-postgres needs for one connection attempt. Every value is given explicitly,
// from the parsed DSN (where the PG* environment, passfile and service file were already applied
// as pgx applies them), so node-postgres never reads PG* variables or ~/.pgpass on its own.
import type { ClientConfig } from 'pg';
import { DEFAULT_APPLICATION_NAME } from '../../dsn/postgres-params.js';
import type { PostgresDsn } from '../../dsn/types.js';
import type { ConnectAttempt } from './pg-connect-plan.js';
import { startupOptions } from './pg-startup-options.js';
import { normalisingTypes } from './pg-value-types.js';

export { DEFAULT_APPLICATION_NAME } from '../../dsn/postgres-params.js';

export function connectionConfig(dsn: PostgresDsn, attempt: ConnectAttempt): ClientConfig {
  const user = dsn.user ?? '';
  const config: ClientConfig = {
    host: attempt.host,
    port: attempt.port,
    ssl: attempt.tls === false ? false : attempt.tls,
    keepAlive: true,
    types: normalisingTypes,
    user,
    // pgx sends no database when none is given; the server then uses the user name.
    database: dsn.database ?? user,
    // A function, because node-postgres replaces an empty password with PGPASSWORD or ~/.pgpass
    // (pgx sends "" when the server asks and the DSN resolved none).
    password: () => dsn.password ?? '',
    // libpq: absent or 0 waits indefinitely
    connectionTimeoutMillis: dsn.connectTimeoutMs > 0 ? dsn.connectTimeoutMs : 0,
    fallback_application_name: dsn.fallbackApplicationName ?? DEFAULT_APPLICATION_NAME,
  };
  if (dsn.applicationName !== null) config.application_name = dsn.applicationName;
  const options = startupOptions(dsn);
  if (options !== undefined) config.options = options;
  return config;
}

/** The application name the server will show for our sessions. */
export function effectiveApplicationName(dsn: PostgresDsn): string {
  return dsn.applicationName ?? dsn.fallbackApplicationName ?? DEFAULT_APPLICATION_NAME;
}
