// Who the service is on the server (its user and application name) and the max_conns it runs
// with, as Ory applies the DSN: what the sessions report and the connection budget compare with.
import { descriptorFor } from '../adapters/backend-descriptors.js';
import type { ParsedDsn } from '../dsn/types.js';

/** As the backend's descriptor knows it (PostgreSQL sends application_name, MySQL's Go driver none). */
export function serviceIdentity(dsn: ParsedDsn): { serviceUser: string | null; serviceApplication: string | null } {
  return descriptorFor(dsn).server.serviceIdentity(dsn);
}

/**
 * max_conns as the service applies it: 0 or less means no limit to Ory (pop skips the setting),
 * even where dsnsh's own pool keeps a bound; otherwise the effective value (Ory's default where unset).
 */
export function serviceMaxConns(dsn: ParsedDsn): number {
  const raw = dsn.poolParams?.max_conns;
  if (raw !== undefined && /^[-+]?\d+$/.test(raw.trim()) && Number(raw) <= 0) return 0;
  return dsn.pool.maxConns;
}
