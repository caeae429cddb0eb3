// The one SQLite connection is shared by turns: the shared pool (connection-pool.ts) holding at
// most one connection, since SQLite has no concurrent sessions (capabilities.concurrentSessions
// is false). What it lends is a turn, not the connection: the worker stays open between turns
// and retires itself (SqliteConnection.retireIfStale). Its queue is the snapshot's `waiting`; a
// caller whose signal aborts while queued leaves the queue.
import type { Backend } from '../../dsn/types.js';
import { AdapterError } from '../adapter-error.js';
import { ConnectionPool, type PoolDriver } from '../connection-pool.js';

/** Holding one means the connection is the holder's until it is released. */
export type Turn = Record<string, never>;

export type ConnectionTurns = ConnectionPool<Turn>;

/** One turn at a time; the turn itself is kept (a turn costs nothing to keep). */
const ONE_AT_A_TIME = { maxConns: 1, maxIdleConns: 1, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 };

export function connectionTurns(backend: Backend): ConnectionTurns {
  const driver: PoolDriver<Turn> = {
    backend,
    open: () => Promise.resolve({}),
    close: () => Promise.resolve(),
    destroy: () => undefined,
    watch: () => undefined,
    holdsProcess: () => undefined,
    idleLetsProcessExit: false,
    retireOlderOnBroken: false,
    closeLentOnClose: false,
    cancelledError: () => new AdapterError('cancelled', backend, 'Cancelled while waiting for the database connection.'),
    // A background reader never queues for the one connection (RunOptions.ifConnectionFree).
    busyError: () =>
      new AdapterError('busy', backend, "paused: the only connection is the session's", {
        hint: 'It is free again once the statement, stream or transaction ends.',
      }),
    closedError: () => new AdapterError('other', backend, 'The SQLite adapter was closed.'),
  };
  return new ConnectionPool(ONE_AT_A_TIME, driver);
}
