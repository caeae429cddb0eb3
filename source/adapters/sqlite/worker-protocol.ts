// Messages between the adapter (parent process) and the SQLite worker process. Values are
// already normalised in the worker, so only plain data crosses the channel.
import type { Column, Row, Value } from '../adapter.js';
import type { SqlitePragma, SqliteDsn } from '../../dsn/types.js';

export interface WorkerOpenConfig {
  /** File to open (for the memory backend: its private backing file) */
  path: string;
  readonly: boolean;
  fileMustExist: boolean;
  pragmas: SqlitePragma[];
  txlock: SqliteDsn['txlock'];
  /**
   * Private folder of the memory backend's backing file. The worker removes it if the parent
   * process vanishes without closing (the parent removes it on close and on exit).
   */
  ownedTempDir: string | null;
}

/** How a stream's chunks cross: field values, or one JSON text per chunk made by SQLite (see json-rows-query.ts). */
export type RowEncoding = 'values' | 'json';

export type WorkerRequest =
  | { op: 'open'; config: WorkerOpenConfig }
  | { op: 'run'; sql: string; params: Value[] }
  | { op: 'script'; sql: string; params: Value[] }
  | { op: 'stream-open'; sql: string; params: Value[]; encoding?: RowEncoding }
  | { op: 'stream-next'; streamId: number; chunkSize: number }
  | { op: 'stream-tail'; streamId: number; keep: number; limit: number }
  | { op: 'stream-close'; streamId: number }
  | { op: 'close' };

export interface WorkerStatementResult {
  columns: Column[];
  rows: Row[];
  affectedRows: number | null;
  command: string | null;
  elapsedMs: number;
}

export interface WorkerStreamOpened {
  streamId: number;
  columns: Column[];
  /** Set when the statement returns no rows (it has already run) */
  ranWithoutRows: boolean;
  /** Every chunk comes as JSON text rendered by SQLite (asked for, and possible for this statement) */
  json: boolean;
}

export interface WorkerChunk {
  rows: Row[];
  done: boolean;
  /**
   * The rows as one JSON text instead (`rows` then empty): made by SQLite itself for a stream
   * opened with the json encoding, or by the worker process from the values (parsing it costs
   * the parent far less than deserialising a thousand small arrays). Either way every value is
   * exact; see json-rows-query.ts and chunk-encoding.ts.
   */
  json?: string;
  /** `json` as UTF-8, as the worker process sends it */
  jsonBytes?: Uint8Array;
  /**
   * The JSON was written by SQLite (integers as bare digits, parsed with parseJsonRows), not by
   * JSON.stringify from values (a double may print without '.' there, e.g. 9223372036854776000)
   */
  bySqlite?: boolean;
  /** Rows in `json` / `jsonBytes`, when set */
  rowCount?: number;
  /** stream-tail: rows read and passed over before these */
  skipped?: number;
}

export interface WorkerErrorInfo {
  /** SQLite result code (SQLITE_CONSTRAINT_UNIQUE, ...) or null for driver-level errors */
  code: string | null;
  message: string;
  /** better-sqlite3 could not be loaded in the worker */
  driverUnavailable?: boolean;
  /** A DSN pragma failed while opening */
  pragma?: string;
  /** Which statement of a script failed (0-based) and where it starts in the script */
  statementIndex?: number;
  statementCount?: number;
  statementOffset?: number;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown; inTransaction: boolean }
  | { id: number; ok: false; error: WorkerErrorInfo; inTransaction: boolean };

export type WorkerEnvelope = WorkerRequest & { id: number };
