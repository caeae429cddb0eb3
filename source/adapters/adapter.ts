// The seam everything else stands on: one contract for every backend. No driver is imported
// here; each driver family lives in its own folder and is loaded lazily by `open-adapter.ts`.
import type { Backend, ParsedDsn } from '../dsn/types.js';

/**
 * A value as every backend reports it, normalised once in the adapter:
 * 64-bit integers and decimals as exact strings, dates/times as ISO strings,
 * binary as lowercase hex, JSON as its text, NULL as null (never the string 'NULL').
 */
export type Value = string | number | boolean | null;
export type Row = Value[];

export interface Column {
  name: string;
  /** Server type name as the user would write it (int4, varchar, BIGINT, TEXT, ...); '' if unknown */
  type: string;
}

export interface StatementResult {
  columns: Column[];
  /** Positional rows; empty for statements that return none */
  rows: Row[];
  /** Rows written by INSERT/UPDATE/DELETE (and similar); null when not applicable */
  affectedRows: number | null;
  /** The statement's command tag when the server gives one (SELECT, INSERT, ...) */
  command: string | null;
  elapsedMs: number;
}

/** A large result read in chunks at the consumer's pace; memory bounded by the chunk size. */
export interface RowStream extends AsyncIterable<Row[]> {
  readonly columns: Column[];
  /**
   * Present when the stream was opened with `jsonText` and the adapter has its chunks as text
   * anyway (SQLite renders rows itself): each chunk as a JSON array of positional rows, values
   * as the contract normalises them (±Infinity as ±9.0e+999) once parsed with parseJsonRows
   * (json-rows.ts: integers beyond 2^53 are bare digits in the text). A consumer that only
   * re-encodes rows (a CSV export) can decode them on another thread. Iterate this or the
   * stream, not both.
   */
  readonly jsonChunks?: () => AsyncIterable<JsonChunk>;
  /**
   * Present where rows can be passed over before they reach this process (SQLite's worker
   * process): reads up to `limit` more rows and returns only the last `keep` of them, with how
   * many came before them; `done` once the result has ended (the stream is then closed). For a
   * consumer that keeps only the newest rows (the console following a result to its end); a
   * bounded `limit` keeps each call short, so a cancel is honoured between calls. Not while an
   * iteration step is pending.
   */
  readonly tail?: (keep: number, limit: number) => Promise<StreamTail>;
  /** Stops reading and releases the connection; idempotent, safe after iteration ended. */
  close(): Promise<void>;
}

export interface StreamTail {
  /** Rows that were passed over (they came before `rows`) */
  skipped: number;
  rows: Row[];
  /** The result has no more rows */
  done: boolean;
}

export interface JsonChunk {
  json: string;
  rows: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Positional parameters ($1 / ?), when the caller has any */
  params?: Value[];
}

export interface StreamOptions extends RunOptions {
  /** Rows per chunk (default 1000) */
  chunkSize?: number;
  /** The consumer would rather take chunks as JSON text (see RowStream.jsonChunks) */
  jsonText?: boolean;
}

export type TransactionState = 'idle' | 'in-transaction' | 'failed';

/** Statements that run on one connection: transactions, SET, temp tables persist between calls. */
export interface Session {
  run(sql: string, options?: RunOptions): Promise<StatementResult>;
  /** Several statements in one string; each statement's result in order. */
  runScript(sql: string, options?: RunOptions): Promise<StatementResult[]>;
  stream(sql: string, options?: StreamOptions): Promise<RowStream>;
  transactionState(): TransactionState;
  /** Returns the connection to the pool (rolled back if a transaction is open); idempotent. */
  release(): Promise<void>;
}

export interface PoolSnapshot {
  open: number;
  idle: number;
  inUse: number;
  /** Callers queued for a connection */
  waiting: number;
  maxConns: number;
  maxIdleConns: number;
  maxConnLifetimeMs: number;
  maxConnIdleTimeMs: number;
}

/** A figure that may be unreadable (no permission, not meaningful for the backend). */
export type Figure<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ServerFacts {
  /** Full version string as the server reports it */
  version: string;
  /** Product, e.g. PostgreSQL, CockroachDB, MariaDB, MySQL, SQLite */
  product: string;
  appSessions: Figure<number>;
  totalSessions: Figure<number>;
  maxConnections: Figure<number>;
  /** Whether the connection is encrypted, and whether the certificate was verified */
  tls: Figure<{ encrypted: boolean; verified: boolean }>;
  /** Backend-specific facts for display: SQLite file size/journal mode/foreign keys, MySQL sql_mode/time_zone */
  details: Record<string, string>;
}

export interface SchemaInfo { name: string }
export interface TableInfo { schema: string; name: string; kind: 'table' | 'view' }
export interface ColumnInfo { name: string; type: string; nullable: boolean }

export interface Introspector {
  schemas(options?: RunOptions): Promise<SchemaInfo[]>;
  /** All tables and views, or those of one schema */
  tables(schema?: string, options?: RunOptions): Promise<TableInfo[]>;
  columns(table: string, schema?: string, options?: RunOptions): Promise<ColumnInfo[]>;
}

/** Backend differences as data: callers branch on these, never on backend names. */
export interface Capabilities {
  /** DDL can be rolled back inside a transaction (PostgreSQL, SQLite; not MySQL, not CockroachDB for migrations) */
  transactionalDdl: boolean;
  /** A running statement can be stopped on the server */
  serverSideCancel: boolean;
  /** More than one connection can be open at once */
  concurrentSessions: boolean;
  /** `copyCsv` is available (server produces CSV itself) */
  serverCsv: boolean;
  /** Schemas beyond one per database */
  schemas: boolean;
}

export interface Adapter {
  readonly backend: Backend;
  readonly dsn: ParsedDsn;
  readonly capabilities: Capabilities;
  /** One statement on any pooled connection. */
  run(sql: string, options?: RunOptions): Promise<StatementResult>;
  runScript(sql: string, options?: RunOptions): Promise<StatementResult[]>;
  stream(sql: string, options?: StreamOptions): Promise<RowStream>;
  /** A dedicated connection for a sequence of statements (console, migrations). */
  session(options?: { signal?: AbortSignal }): Promise<Session>;
  /**
   * Server-side CSV of a query written to `sink` (PostgreSQL COPY ... TO STDOUT), header included
   * when asked. Only when `capabilities.serverCsv`.
   */
  copyCsv?(sql: string, sink: NodeJS.WritableStream, options?: RunOptions & { header?: boolean; nullText?: string }): Promise<{ rows: number }>;
  poolSnapshot(): PoolSnapshot;
  serverFacts(options?: RunOptions): Promise<ServerFacts>;
  readonly introspect: Introspector;
  /** Closes every connection; idempotent. */
  close(): Promise<void>;
}
