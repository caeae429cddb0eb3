// The seam everything else stands on: one contract for every backend. No driver is imported
// here; each driver family lives in its own folder, described by its module (backend-registry.ts),
// and is loaded lazily.
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
  /**
   * The server's warnings about this statement, as `Level Code: message` (MySQL: a value
   * truncated to NULL by max_allowed_packet, a string cut to the column). Absent when none.
   */
  warnings?: string[];
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
  /**
   * dsnsh itself applies this statement to every session it opens (the read-only setting): a
   * replacement session has it again, so it is not state that losing this session takes away.
   */
  reapplied?: boolean;
  /**
   * A read dsnsh makes for itself on the user's session (the console reading its search_path): it
   * changes nothing and is never listed among the statements a lost transaction held.
   */
  ownRead?: boolean;
  /**
   * Values as the server's own text output, unparsed (every non-null value a string), where the
   * adapter has `capabilities.serverCsv`: the forms its CSV (COPY) prints, so a CSV written from
   * rows reads exactly as the server's. Ignored by other adapters.
   */
  serverText?: boolean;
  /**
   * A background reader (live panels, completion): take a connection only if one is idle or may
   * be opened, else fail at once with AdapterError kind 'busy' instead of queueing in the pool,
   * where it would wait for the user's session (max_conns=1) or get ahead of a statement.
   */
  ifConnectionFree?: boolean;
}

export interface StreamOptions extends RunOptions {
  /** Rows per chunk (default 1000) */
  chunkSize?: number;
  /** The consumer would rather take chunks as JSON text (see RowStream.jsonChunks) */
  jsonText?: boolean;
}

export interface CopyCsvRunOptions extends RunOptions {
  header?: boolean;
  /** Text for NULL (default: empty, as csv's) */
  nullText?: string;
}

export type TransactionState = 'idle' | 'in-transaction' | 'failed';

/**
 * What a session's connection holds that a new connection would not have, as short excerpts of
 * the statements that made it: what is gone when the connection is lost.
 */
export interface SessionHeld {
  /** The statements of the open transaction, in order (empty when none is open) */
  transactionStatements: string[];
  /** Statements that set session state (SET, USE, temporary tables, user variables, PREPARE, session locks) */
  settings: string[];
}

/** Statements that run on one connection: transactions, SET, temp tables persist between calls. */
export interface Session {
  run(sql: string, options?: RunOptions): Promise<StatementResult>;
  /** Several statements in one string; each statement's result in order. */
  runScript(sql: string, options?: RunOptions): Promise<StatementResult[]>;
  stream(sql: string, options?: StreamOptions): Promise<RowStream>;
  transactionState(): TransactionState;
  /**
   * What the connection holds (sessions whose connection can be lost: server backends). A lost
   * connection is never replaced inside the session: every later statement fails unsent.
   */
  held?(): SessionHeld;
  /**
   * Server-side CSV of a query on this session's connection (PostgreSQL COPY ... TO STDOUT), header
   * included when asked; only when `capabilities.serverCsv`. Each chunk is awaited before the next
   * is read; a chunk that cannot be written stops the statement on the server and the copy
   * rejects with the writer's own error.
   */
  copyCsv?(sql: string, write: (chunk: Buffer) => Promise<void>, options?: CopyCsvRunOptions): Promise<{ rows: number }>;
  /** Returns the connection to the pool (rolled back if a transaction is open); idempotent. */
  release(): Promise<void>;
}

export interface PoolSnapshot {
  open: number;
  idle: number;
  inUse: number;
  /** Callers queued for a connection */
  waiting: number;
  /**
   * Connections in use whose server side is gone (the server ended the session, the network
   * dropped): the holder learns it on its next statement; this says so before. Absent: unknown.
   */
  lost?: number;
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

export interface SchemaInfo {
  name: string;
}
export interface TableInfo {
  schema: string;
  name: string;
  kind: 'table' | 'view';
}
export interface ColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
}

/** A relation named by the user: schema null means the first one on the search path (the current database). */
export interface RelationName {
  schema: string | null;
  name: string;
}

export interface DescribedColumn {
  name: string;
  /** The exact type as the server writes it: numeric(10,2), character varying(255), int(11) unsigned */
  type: string;
  /** A collation other than the type's default; null when the default */
  collation: string | null;
  nullable: boolean;
  /** The default expression (or identity / generated text); null when none */
  default: string | null;
  comment: string | null;
}

/** A named piece of a relation with its definition as the server prints it. */
export interface NamedDefinition {
  name: string;
  definition: string;
}

export interface IndexDescription extends NamedDefinition {
  /** primary: the primary key; unique-constraint: a UNIQUE constraint's index; unique / plain: a CREATE INDEX */
  role: 'primary' | 'unique-constraint' | 'unique' | 'plain';
}

export interface TriggerDescription extends NamedDefinition {
  enabled: boolean;
}

/** A foreign key of another relation that points at this one. */
export interface ReferencingKey extends NamedDefinition {
  table: string;
}

/** Everything `\d NAME` shows of one relation, read from the catalogue (never changes data). */
export interface RelationDescription {
  schema: string;
  name: string;
  kind: 'table' | 'view' | 'materialized view' | 'partitioned table' | 'foreign table' | 'index' | 'sequence';
  comment: string | null;
  columns: DescribedColumn[];
  indexes: IndexDescription[];
  checks: NamedDefinition[];
  foreignKeys: NamedDefinition[];
  referencedBy: ReferencingKey[];
  triggers: TriggerDescription[];
  /** A view's query; null for other kinds */
  viewDefinition: string | null;
}

export interface IndexInfo {
  schema: string;
  name: string;
  table: string;
}
export interface FunctionInfo {
  schema: string;
  name: string;
  result: string;
  arguments: string;
  kind: 'function' | 'procedure' | 'aggregate' | 'window';
}

export interface Introspector {
  schemas(options?: RunOptions): Promise<SchemaInfo[]>;
  /** All tables and views, or those of one schema */
  tables(schema?: string, options?: RunOptions): Promise<TableInfo[]>;
  columns(table: string, schema?: string, options?: RunOptions): Promise<ColumnInfo[]>;
  /**
   * How the backend compares names: 'folded' (PostgreSQL: unquoted names fold to lower case,
   * then match exactly) or 'caseless' (MySQL table names on most systems, SQLite).
   */
  readonly nameCase: 'folded' | 'caseless';
  /** The relation's full description; null when there is none of that name */
  describe(relation: RelationName, options?: RunOptions): Promise<RelationDescription | null>;
  /** The user's indexes (system schemas left out) */
  indexes(options?: RunOptions): Promise<IndexInfo[]>;
  /** The user's functions and procedures (system schemas left out); [] where the backend has none */
  functions(options?: RunOptions): Promise<FunctionInfo[]>;
}

/** Backend differences as data: callers branch on these, never on backend names. */
export interface Capabilities {
  /** DDL can be rolled back inside a transaction (PostgreSQL, SQLite; not MySQL, not CockroachDB for migrations) */
  transactionalDdl: boolean;
  /** A running statement can be stopped on the server */
  serverSideCancel: boolean;
  /** More than one connection can be open at once */
  concurrentSessions: boolean;
  /** `copyCsv` is available (server produces CSV itself), and `serverText` gives rows in the same value forms */
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
  copyCsv?(sql: string, sink: NodeJS.WritableStream, options?: CopyCsvRunOptions): Promise<{ rows: number }>;
  poolSnapshot(): PoolSnapshot;
  serverFacts(options?: RunOptions): Promise<ServerFacts>;
  readonly introspect: Introspector;
  /** Server sessions and lock waits (absent for SQLite and memory: no server) */
  readonly activity?: ServerActivity;
  /** Closes every connection; idempotent. */
  close(): Promise<void>;
}

/**
 * What a server is and offers, learned before (and whatever) the DSN's own connection: the
 * protocol it speaks, whether it offers TLS and whether its certificate verifies, whether it
 * refuses plaintext. Read with the backend's own wire protocol, never sending a password
 * (see probe-server.ts). A field is null when it could not be learned.
 */
export interface ServerProbe {
  /** host:port or the socket path probed */
  address: string;
  /** Could not connect at all: the system error code (ENOTFOUND, ECONNREFUSED, ETIMEDOUT, …) */
  unreachable: { code: string; message: string } | null;
  /** The protocol it answered in: postgres (PostgreSQL or CockroachDB), mysql (MySQL or MariaDB), unknown */
  protocol: 'postgres' | 'mysql' | 'unknown' | null;
  /** The version in the server's greeting (MySQL and MariaDB send one before any login) */
  greetingVersion: string | null;
  /** An error the server answered with before any login (MySQL 1040 too many connections, PostgreSQL 53300) */
  refusal: { code: string; message: string } | null;
  tls: TlsProbe;
}

export interface TlsProbe {
  offered: boolean | null;
  /** The certificate chain verifies against the DSN's CA (sslrootcert) or the default CA store */
  verified: boolean | null;
  /** Why it does not (SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_GET_ISSUER_CERT_LOCALLY, CERT_HAS_EXPIRED, …) */
  verifyError: string | null;
  /** The certificate names the DSN's host */
  hostMatches: boolean | null;
  certificate: { subject: string; issuer: string; validTo: string } | null;
  /** The server refuses plaintext connections (pg_hba.conf hostssl, require_secure_transport) */
  requiredByServer: boolean | null;
  /** How that was learned, or why it is unknown */
  requiredDetail: string | null;
}

/** One server session (a connection), as the server lists it. */
export interface ServerSession {
  /** The server's id for it: PostgreSQL pid, MySQL thread id, CockroachDB session id */
  id: string;
  /** application_name (PostgreSQL, CockroachDB), the program_name connection attribute (MySQL); '' when none */
  application: string;
  user: string;
  /** Client address without the port; 'local' for a Unix socket; '' when the server does not say */
  client: string;
  state: 'active' | 'idle' | 'idle in transaction' | 'idle in transaction (aborted)' | 'other';
  /** How long it has been in this state */
  stateMs: number | null;
  /** How long its open transaction has run; null when none (or not visible) */
  transactionMs: number | null;
  /** Its current statement, or the last one it ran when idle (PostgreSQL); shortened */
  query: string | null;
  /** The session dsnsh reads this with */
  self: boolean;
}

export interface ConnectionLimits {
  maxConnections: number | null;
  /** Slots within max_connections that ordinary users cannot take */
  reserved: number;
  /** Where the reserved figure comes from (superuser_reserved_connections, reserved_connections, …) */
  reservedDetail: string;
}

export interface LockWait {
  waiting: ServerSession & { waitMs: number | null };
  blocking: ServerSession;
}

/** Who holds the server's connections and who waits for whose locks; where the server has sessions. */
export interface ServerActivity {
  sessions(options?: RunOptions): Promise<{ sessions: ServerSession[]; limits: ConnectionLimits }>;
  lockWaits(options?: RunOptions): Promise<LockWait[]>;
}
