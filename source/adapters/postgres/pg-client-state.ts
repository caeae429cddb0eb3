// What node-postgres knows about a connection but does not type: whether the server is ready for
// the next statement, and whether the connection is gone (closed by us, by the server, or lost).
import type { ClientBase } from 'pg';

interface Emitter {
  on(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
}

interface ClientInternals {
  readyForQuery?: boolean;
  _ending?: boolean;
  _ended?: boolean;
  connection?: Emitter & { stream?: { destroyed?: boolean } };
}

function internals(client: ClientBase): ClientInternals {
  return client as unknown as ClientInternals;
}

export function connectionGone(client: ClientBase): boolean {
  const state = internals(client);
  return state._ending === true || state._ended === true || state.connection?.stream?.destroyed === true;
}

/**
 * Resolves when `event` arrives on the connection, the connection ends, `timeoutMs` passes, or
 * `stop` settles; listeners and timer are removed in every case.
 */
function untilConnection(client: ClientBase, event: string, timeoutMs: number, stop?: Promise<unknown>): Promise<void> {
  const connection = internals(client).connection;
  if (!connection || connectionGone(client)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      connection.off(event, done);
      connection.off('end', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    timer.unref();
    connection.on(event, done);
    connection.on('end', done);
    stop?.then(done, done);
  });
}

/**
 * pg rejects a failed statement on the ErrorResponse, before the ReadyForQuery that carries the
 * new transaction status: wait for it, so transactionState() is right once the caller sees the error.
 */
export function untilReady(client: ClientBase): Promise<void> {
  if (internals(client).readyForQuery !== false) return Promise.resolve();
  return untilConnection(client, 'readyForQuery', 5000);
}

/**
 * Settles `request` on the connection, or gives up when the connection ends first (a closed
 * connection never answers). Returns whether the connection went away.
 */
export async function unlessGone(client: ClientBase, request: Promise<unknown>): Promise<boolean> {
  let gone = false;
  const ended = untilConnection(client, 'end', 2 ** 31 - 1, request).then(() => {
    gone = connectionGone(client);
  });
  await Promise.race([
    request.then(
      () => undefined,
      () => undefined,
    ),
    ended,
  ]);
  return gone;
}
