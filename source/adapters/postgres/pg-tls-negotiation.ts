// Opens the pool whose every new connection goes through pgx's attempts (hosts × the transports
// sslmode allows, target_session_attrs checked), and checks one connection now, as openAdapter
// promises: a DSN that cannot connect fails here with what each attempt said.
import type { PostgresDsn } from '../../dsn/types.js';
import { attemptingClientClass, type AttemptsFailed } from './pg-attempting-client.js';
import { connectAttempts } from './pg-connect-plan.js';
import { toAdapterError } from './pg-error-mapping.js';
import { createPgPool, type PgPool } from './pg-pool.js';
import type { SslPlan } from './pg-ssl-options.js';

export async function openNegotiatedPool(dsn: PostgresDsn, plan: SslPlan): Promise<PgPool> {
  const attempts = connectAttempts(dsn, plan);
  const pool = createPgPool(dsn, attemptingClientClass(dsn, attempts), dsn.pool);
  try {
    pool.release(await pool.acquire());
    return pool;
  } catch (error) {
    await pool.close();
    const adapted = toAdapterError(error, { dsn, connecting: true });
    const tried = (error as AttemptsFailed).attempts ?? [];
    // One attempt says it all; several need each reason (pgx reports them all too).
    if (tried.length > 1) {
      const listed = tried.map(({ attempt, reason }) => `${attempt}: ${reason}`).join('; ');
      adapted.message += ` (tried in order: ${dsn.password ? listed.split(dsn.password).join('***') : listed})`;
    }
    throw adapted;
  }
}
