// libpq's allow / prefer: try one transport, fall back to the other when the server turns the
// first down. Decided once when the adapter opens, by the pool's first connection (which is also
// the connection check openAdapter promises); the pool then keeps the transport that worked.
import type { PostgresDsn } from '../../dsn/types.js';
import type { AdapterError } from '../adapter-error.js';
import { connectionConfig } from './pg-connection-config.js';
import { toAdapterError } from './pg-error-mapping.js';
import { PgPool } from './pg-pool.js';
import type { SslPlan, TlsChoice } from './pg-ssl-options.js';

export interface NegotiatedPool {
  pool: PgPool;
  tls: TlsChoice;
  /** Set when the first transport failed and the fallback was used */
  fellBackBecause: string | null;
}

async function checkedPool(dsn: PostgresDsn, tls: TlsChoice): Promise<PgPool | AdapterError> {
  const pool = new PgPool(dsn, connectionConfig(dsn, tls), dsn.pool);
  try {
    pool.release(await pool.acquire());
    return pool;
  } catch (error) {
    await pool.close();
    return toAdapterError(error, { dsn, connecting: true });
  }
}

/** Whether the failure is one that libpq answers by trying the other transport. */
function fallbackApplies(error: AdapterError): boolean {
  return error.kind === 'tls' || error.kind === 'auth';
}

export async function openNegotiatedPool(dsn: PostgresDsn, plan: SslPlan): Promise<NegotiatedPool> {
  const first = await checkedPool(dsn, plan.first);
  if (first instanceof PgPool) return { pool: first, tls: plan.first, fellBackBecause: null };
  if (plan.fallback === null || !fallbackApplies(first)) throw first;

  const fallback = await checkedPool(dsn, plan.fallback);
  if (!(fallback instanceof PgPool)) throw fallback;
  const reason = first.cause instanceof Error ? first.cause.message : first.message;
  const fellBackBecause = plan.fallback === false
    ? `connected without TLS because TLS failed (${reason})`
    : `connected with TLS because the plaintext connection was refused (${reason})`;
  return { pool: fallback, tls: plan.fallback, fellBackBecause };
}
