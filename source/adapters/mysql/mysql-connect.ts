// Opens one mysql2 connection (callback API: its query events give row streaming and
// backpressure). Applies the tls plan, including `preferred`'s plaintext fallback.
import mysql, { type Connection, type ConnectionOptions } from 'mysql2';
import { checkServerIdentity, type TLSSocket } from 'node:tls';
import { AdapterError } from '../adapter-error.js';
import type { TlsPlan } from './mysql-tls.js';

type StartTls = (onSecure: (error?: Error) => void) => void;

/**
 * Checks the certificate's names against the DSN host before any credentials are sent.
 * mysql2 gives Node no server name for an IP host, and Node then checks the name 'localhost';
 * the Go driver checks the host as written (an IP against the certificate's IP names).
 */
function verifyHostDuringHandshake(connection: Connection, host: string): void {
  const target = connection as unknown as { startTLS?: StartTls; stream?: TLSSocket };
  const startTls = target.startTLS;
  if (typeof startTls !== 'function') return;
  target.startTLS = (onSecure) =>
    startTls.call(connection, (error?: Error) => {
      if (error) return onSecure(error);
      const certificate = target.stream?.getPeerCertificate?.();
      const mismatch = certificate ? checkServerIdentity(host, certificate) : new Error('The server sent no certificate.');
      onSecure(mismatch ?? undefined);
    });
}

function connectOnce(options: ConnectionOptions, verifyHost: string | null = null): Promise<Connection> {
  return new Promise((resolve, reject) => {
    let connection: Connection;
    try {
      connection = mysql.createConnection(options);
      if (verifyHost) verifyHostDuringHandshake(connection, verifyHost);
    } catch (error) {
      // mysql2 rejects an unknown collation name before any network traffic.
      const message = error instanceof Error ? error.message : String(error);
      if (/Unknown charset/i.test(message)) {
        reject(
          new AdapterError('connect', 'mysql', `Unknown collation '${String(options.charset)}': the connection cannot use it.`, {
            code: 'unknown_collation',
            hint: 'Set ?collation= to a collation the server has (SHOW COLLATION lists them), e.g. utf8mb4_general_ci.',
            cause: error,
          }),
        );
        return;
      }
      reject(error);
      return;
    }
    const onError = (error: unknown) => {
      connection.removeListener('connect', onConnect);
      // A failed handshake can emit more than once; keep a listener so none is unhandled.
      connection.on('error', () => {});
      connection.destroy();
      reject(error);
    };
    const onConnect = () => {
      connection.removeListener('error', onError);
      // Until its owner listens, a socket failure must not become an uncaught 'error' event.
      connection.on('error', () => {});
      resolve(connection);
    };
    connection.once('error', onError);
    connection.once('connect', onConnect);
  });
}

export interface OpenedConnection {
  raw: Connection;
  /** TLS in use on this connection */
  encrypted: boolean;
}

export async function openConnection(options: ConnectionOptions, plan: TlsPlan): Promise<OpenedConnection> {
  if (!plan.ssl) return { raw: await connectOnce(options), encrypted: false };
  try {
    return { raw: await connectOnce({ ...options, ssl: plan.ssl }, plan.verifyHost), encrypted: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (plan.fallBackToPlaintext && code === 'HANDSHAKE_NO_SSL_SUPPORT') {
      return { raw: await connectOnce(options), encrypted: false };
    }
    throw error;
  }
}

/** A whole (possibly multi-statement) query with its raw results, for internal statements. */
export function queryRaw(connection: Connection, sql: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    connection.query({ sql, rowsAsArray: true }, (error, rows) => (error ? reject(error) : resolve(rows)));
  });
}
