// What the adapter needs from its one SQLite connection, whichever transport carries it: the
// worker process (the console: never blocks, cancel kills it) or this process (the CLI: no
// process start-up to pay, see in-process-connection.ts).
import type { Backend, PoolSettings } from '../../dsn/types.js';
import type { RowEncoding, WorkerRequest } from './worker-protocol.js';

export interface SqliteConnection {
  readonly backend: Backend;
  /** Bumped on every (re)open: streams opened on an older connection are gone. */
  readonly generation: number;
  readonly isOpen: boolean;
  readonly inTransaction: boolean;
  /**
   * How streams should ask for rows by default: json where chunks cross a process boundary (one
   * string per chunk is cheap to send and to parse), values in this process (no parse needed).
   */
  readonly streamEncoding: RowEncoding;
  /** Chunk requests a stream keeps in flight ahead of its consumer */
  readonly readAhead: number;
  /** Rows a consumer will not keep can be passed over where they are read (RowStream.tail) */
  readonly passesOverRows: boolean;
  start(): Promise<void>;
  request<T>(request: WorkerRequest, signal?: AbortSignal): Promise<T>;
  /** Closes the connection when max_conn_lifetime or max_conn_idle_time has passed; reopened on next use. */
  retireIfStale(pool: PoolSettings): Promise<void>;
  /** Idempotent. */
  close(): Promise<void>;
}
