// libpq's allow / prefer: try one transport, fall back to the other when the server turns the
// first down. Decided once when the adapter opens (one probe connection); the pool then uses the
// transport that worked, which is also the connection check openAdapter promises.
import pg from 'pg';
import type { ClientConfig } from 'pg';
import type { PostgresDsn } from '../../dsn/types.js';
import type { AdapterError } from '../adapter-error.js';
import { connectionConfig } from './pg-connection-config.js';
import { toAdapterError } from './pg-error-mapping.js';
import type { SslPlan, TlsChoice } from './pg-ssl-options.js';

export interface NegotiatedConnection {
  config: ClientConfig;
  tls: TlsChoice;
  /** Set when the first transport failed and the fallback was used */
  fellBackBecause: string | null;
}

async function probe(config: ClientConfig, dsn: PostgresDsn): Promise<AdapterError | null> {
  const client = new pg.Client(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
    return null;
  } catch (error) {
    return toAdapterError(error, { dsn });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether the failure is one that libpq answers by trying the other transport. */
function fallbackApplies(error: AdapterError): boolean {
  return error.kind === 'tls' || error.kind === 'auth';
}

export async function negotiateTransport(dsn: PostgresDsn, plan: SslPlan): Promise<NegotiatedConnection> {
  const firstConfig = connectionConfig(dsn, plan.first);
  const firstError = await probe(firstConfig, dsn);
  if (firstError === null) return { config: firstConfig, tls: plan.first, fellBackBecause: null };
  if (plan.fallback === null || !fallbackApplies(firstError)) throw firstError;

  const fallbackConfig = connectionConfig(dsn, plan.fallback);
  const fallbackError = await probe(fallbackConfig, dsn);
  if (fallbackError !== null) throw fallbackError;
  const reason = firstError.cause instanceof Error ? firstError.cause.message : firstError.message;
  const fellBackBecause = plan.fallback === false
    ? `connected without TLS because TLS failed (${reason})`
    : `connected with TLS because the plaintext connection was refused (${reason})`;
  return { config: fallbackConfig, tls: plan.fallback, fellBackBecause };
}
