// What every statement on this adapter needs to know, built once when the adapter opens.
import type { Connection } from 'mysql2';
import type { Socket } from 'node:net';
import type { MysqlDsn } from '../../dsn/types.js';
import type { DateTimeFormatter } from './mysql-dates.js';
import type { ErrorContext } from './mysql-errors.js';

export interface MysqlContext {
  readonly dsn: MysqlDsn;
  readonly formatDateTime: DateTimeFormatter;
  /** Bytes a statement may take (the DSN's, or the server's when it said 0); 0 = not known yet */
  maxAllowedPacket: number;
  readonly errorContext: ErrorContext;
  /** MariaDB has @@in_transaction; MySQL does not */
  hasInTransactionVariable: boolean;
  /** Whether a TLS connection has had its certificate checked (tls=true) */
  readonly tlsVerifies: boolean;
  /** `KILL QUERY <thread>` from a separate connection */
  killQuery(threadId: number): Promise<void>;
}

/** mysql2's destroy() only half-closes and leaves a running command's callback pending. */
export function hardClose(connection: Connection): void {
  try {
    connection.destroy();
  } catch {
    // already closed
  }
  socketOf(connection)?.destroy();
}

export function socketOf(connection: Connection): Socket | undefined {
  return (connection as unknown as { stream?: Socket }).stream;
}

/** COM_QUIT, so the server does not log an aborted connection; a socket close if no answer. */
export function closeGracefully(connection: Connection): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      hardClose(connection);
      resolve();
    }, 1000);
    timer.unref();
    try {
      connection.end(() => {
        clearTimeout(timer);
        hardClose(connection);
        resolve();
      });
    } catch {
      clearTimeout(timer);
      hardClose(connection);
      resolve();
    }
  });
}
