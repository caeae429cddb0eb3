// readTimeout / writeTimeout as the Go driver means them: I/O deadlines, not statement limits.
// A read deadline runs only while we wait for the server (reset by every byte received); a
// write deadline runs while sent bytes still sit unflushed. Either expiring closes the
// connection, as in Go, and the statement fails with kind 'timeout'.
import type { Connection } from 'mysql2';
import { socketOf } from './mysql-context.js';

export interface IoWatchdog {
  /** Start (or keep) the read deadline while waiting for data. */
  armRead(): void;
  disarmRead(): void;
  /** After sending: start the write deadline if the socket has not flushed. */
  checkWrite(): void;
  dispose(): void;
}

export function ioWatchdog(
  connection: Connection,
  readTimeoutMs: number,
  writeTimeoutMs: number,
  onExpired: (which: 'read' | 'write') => void,
): IoWatchdog {
  const socket = socketOf(connection);
  let readTimer: NodeJS.Timeout | null = null;
  let writeTimer: NodeJS.Timeout | null = null;
  let reading = false;
  const startRead = () => {
    if (readTimer) clearTimeout(readTimer);
    readTimer = setTimeout(() => onExpired('read'), readTimeoutMs);
  };
  const onData = () => {
    if (reading) startRead();
  };
  const onDrain = () => {
    if (writeTimer) clearTimeout(writeTimer);
    writeTimer = null;
  };
  if (readTimeoutMs > 0) socket?.on('data', onData);
  return {
    armRead() {
      if (readTimeoutMs <= 0 || reading) return;
      reading = true;
      startRead();
    },
    disarmRead() {
      reading = false;
      if (readTimer) clearTimeout(readTimer);
      readTimer = null;
    },
    checkWrite() {
      if (writeTimeoutMs <= 0 || !socket || socket.writableLength === 0) return;
      socket.once('drain', onDrain);
      writeTimer = setTimeout(() => onExpired('write'), writeTimeoutMs);
    },
    dispose() {
      this.disarmRead();
      onDrain();
      socket?.removeListener('data', onData);
      socket?.removeListener('drain', onDrain);
    },
  };
}
