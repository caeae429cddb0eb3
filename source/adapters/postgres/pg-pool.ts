// node-postgres clients in the shared pool (connection-pool.ts): how one is opened, watched and
// closed. Dead connections are reported through 'error' events that must be handled, or node exits.
import type pg from 'pg';
import type { PoolSettings, PostgresDsn } from '../../dsn/types.js';
import { ConnectionPool, type PoolDriver } from '../connection-pool.js';
import { busyError, cancelledError } from './pg-error-mapping.js';

export type PgPool = ConnectionPool<pg.Client>;

/** node-postgres clients can unref their socket; its type declarations leave that out. */
type Referable = { ref?(): void; unref?(): void };

/** `Client` connects as the DSN says (pg-attempting-client.ts); the pool only adds its limits. */
export function createPgPool(dsn: PostgresDsn, Client: new () => pg.Client, settings: PoolSettings): PgPool {
  // As pg.Pool did, nobody waits for the server's goodbye: an idle socket is unref'd (a pending
  // end() would not keep the process alive to its exit code), and a frozen server never answers.
  const end = (client: pg.Client) => void client.end().catch(() => undefined);
  const driver: PoolDriver<pg.Client> = {
    backend: dsn.backend,
    async open() {
      const client = new Client();
      await client.connect();
      return client;
    },
    close(client) {
      end(client);
      return Promise.resolve();
    },
    destroy: end,
    watch(client, lost) {
      client.on('error', lost);
      client.on('end', lost);
    },
    holdsProcess(client, holds) {
      const referable = client as unknown as Referable;
      if (holds) referable.ref?.();
      else referable.unref?.();
    },
    // An idle connection must not keep a finished command alive (pg.Pool's allowExitOnIdle).
    idleLetsProcessExit: true,
    // After a server restart every idle connection is dead too: one failed statement must not be
    // followed by more on stale connections.
    retireOlderOnBroken: true,
    closeLentOnClose: true,
    cancelledError: () => cancelledError(dsn),
    busyError: () => busyError(dsn),
  };
  return new ConnectionPool(settings, driver);
}
