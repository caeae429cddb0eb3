// MySQL connections in the shared pool (connection-pool.ts): how one is opened, watched and
// closed. mysql2's own pool lacks lifetime and Go's idle rules.
import type { Connection } from 'mysql2';
import type { PoolSettings } from '../../dsn/types.js';
import { ConnectionPool, type PoolDriver } from '../connection-pool.js';
import type { OpenedConnection } from './mysql-connect.js';
import { closeGracefully, hardClose, socketOf } from './mysql-context.js';
import { busyError, cancelledError } from './mysql-errors.js';

export interface PooledConnection {
  readonly raw: Connection;
  readonly encrypted: boolean;
  readonly threadId: number;
  /** Set when the socket failed or closed; such a connection is never reused. */
  dead: boolean;
}

export type MysqlPool = ConnectionPool<PooledConnection>;

export function createMysqlPool(settings: PoolSettings, openConnection: () => Promise<OpenedConnection>): MysqlPool {
  const driver: PoolDriver<PooledConnection> = {
    backend: 'mysql',
    async open() {
      const opened = await openConnection();
      return { raw: opened.raw, encrypted: opened.encrypted, threadId: opened.raw.threadId ?? 0, dead: false };
    },
    close(connection) {
      connection.dead = true;
      return closeGracefully(connection.raw);
    },
    destroy(connection) {
      connection.dead = true;
      hardClose(connection.raw);
    },
    watch(connection, lost) {
      // mysql2 emits 'error' on a connection whose socket dies; unhandled it would crash the process.
      const markDead = () => {
        connection.dead = true;
        lost();
      };
      connection.raw.on('error', markDead);
      connection.raw.on('end', markDead);
    },
    isDead: (connection) => connection.dead,
    holdsProcess(connection, holds) {
      const socket = socketOf(connection.raw);
      if (holds) socket?.ref();
      else socket?.unref();
    },
    idleLetsProcessExit: false,
    retireOlderOnBroken: false,
    closeLentOnClose: false,
    cancelledError,
    busyError,
  };
  return new ConnectionPool(settings, driver);
}
