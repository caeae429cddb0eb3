// Server-side cancel through the protocol's CancelRequest (a separate short connection carrying
// the backend's process id and secret key), so no pooled connection is needed to cancel one.
import net from 'node:net';
import { isPgSocket, pgSocketPath } from '../../dsn/pg-socket.js';
import type { PostgresDsn } from '../../dsn/types.js';
import { cancelledError, toAdapterError } from './pg-error-mapping.js';

const CANCEL_REQUEST_CODE = 80877102;

export interface CancellableBackend {
  processID: number | null;
  secretKey: number | null;
  /** The server this connection reached (one of the DSN's hosts) */
  host?: string;
  port?: number;
}

/** Resolves when the server has taken the request (it closes the socket); never rejects. */
export function sendCancelRequest(dsn: PostgresDsn, backend: CancellableBackend): Promise<void> {
  return new Promise((resolve) => {
    if (backend.processID === null || backend.secretKey === null) return resolve();
    const packet = Buffer.alloc(16);
    packet.writeInt32BE(16, 0);
    packet.writeInt32BE(CANCEL_REQUEST_CODE, 4);
    packet.writeInt32BE(backend.processID, 8);
    packet.writeInt32BE(backend.secretKey, 12);
    const host = backend.host ?? dsn.host;
    const port = backend.port ?? dsn.port;
    const socket = isPgSocket(host) ? net.connect({ path: pgSocketPath(host, port) }) : net.connect({ host, port });
    const finish = () => {
      socket.destroy();
      resolve();
    };
    socket.setTimeout(5000, finish);
    socket.once('connect', () => socket.end(packet));
    socket.once('close', finish);
    socket.once('error', finish);
  });
}

/**
 * Runs `work` on a connection; when `signal` aborts meanwhile, the server is asked to cancel it.
 * Waits for the cancel request to be delivered before returning, so a late cancel cannot hit the
 * connection's next statement.
 */
export async function withCancel<T>(
  dsn: PostgresDsn,
  backend: CancellableBackend,
  signal: AbortSignal | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (signal?.aborted) throw cancelledError(dsn);
  // (typed by a cast: assigned in onAbort, which TypeScript's narrowing of a `let` does not see)
  let cancelDelivered = null as Promise<void> | null;
  const onAbort = () => {
    cancelDelivered ??= sendCancelRequest(dsn, backend);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await work();
  } catch (error) {
    throw toAdapterError(error, { dsn, aborted: signal?.aborted === true });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (cancelDelivered) await cancelDelivered;
  }
}

/** node-postgres keeps the backend key on the client, untyped. */
export function backendOf(client: object): CancellableBackend {
  const key = client as { processID?: number | null; secretKey?: number | null; host?: string; port?: number };
  return {
    processID: key.processID ?? null,
    secretKey: key.secretKey ?? null,
    ...(key.host ? { host: key.host } : {}),
    ...(key.port ? { port: key.port } : {}),
  };
}
