// SQLite and memory backends on better-sqlite3. By default the database runs in a worker process
// (see sqlite-worker.ts for why a process), so a long statement never blocks the console and a
// cancel stops it at once. The one-shot CLI asks for it in this process instead (no second Node
// start-up; Ctrl+C then ends the process, see in-process-connection.ts). One connection, shared by
// turns: concurrentSessions is false.
import type { Adapter, Capabilities, PoolSnapshot, RowStream, RunOptions, Session, StatementResult, StreamOptions } from '../adapter.js';
import type { SqliteDsn } from '../../dsn/types.js';
import { ConnectionLock } from './connection-lock.js';
import { createMemoryBackingFile, type MemoryBackingFile } from './memory-backing-file.js';
import { workerOpenConfig } from './open-config.js';
import { createSqliteIntrospector } from './sqlite-introspector.js';
import { openSqliteRowStream } from './sqlite-row-stream.js';
import { sqliteServerFacts } from './sqlite-server-facts.js';
import { createSqliteSession, runScript, runStatement } from './sqlite-session.js';
import { SqliteWorkerProcess } from './worker-process.js';
import { InProcessConnection } from './in-process-connection.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { AdapterError } from '../adapter-error.js';

const CAPABILITIES: Capabilities = {
  transactionalDdl: true,
  // A running statement can be stopped (the worker is killed and the file reopened); an open
  // transaction is rolled back by it, which the cancelled error says.
  serverSideCancel: true,
  concurrentSessions: false,
  serverCsv: false,
  schemas: false,
};

// In this process a running statement cannot be stopped (only the whole process can end).
const IN_PROCESS_CAPABILITIES: Capabilities = { ...CAPABILITIES, serverSideCancel: false };

export interface SqliteOpenOptions {
  /** Run the database in this process (see in-process-connection.ts for what that means for Ctrl+C) */
  inProcess?: boolean;
}

export async function openSqliteAdapter(dsn: SqliteDsn, options: SqliteOpenOptions = {}): Promise<Adapter> {
  if (options.inProcess) {
    // A true :memory: database: there is no worker restart for it to survive, and no file to
    // leave behind when Ctrl+C ends the process.
    const connection = new InProcessConnection(workerOpenConfig(dsn, null), dsn.backend);
    await connection.start();
    return new SqliteAdapter(dsn, connection, null, IN_PROCESS_CAPABILITIES);
  }
  const backing = dsn.inMemory ? createMemoryBackingFile() : null;
  const worker = new SqliteWorkerProcess(workerOpenConfig(dsn, backing), dsn.backend);
  try {
    await worker.start();
  } catch (error) {
    await worker.close().catch(() => undefined);
    backing?.remove();
    throw error;
  }
  return new SqliteAdapter(dsn, worker, backing, CAPABILITIES);
}

class SqliteAdapter implements Adapter {
  readonly backend: SqliteDsn['backend'];
  readonly introspect;
  private readonly lock: ConnectionLock;
  private closing: Promise<void> | null = null;

  constructor(
    readonly dsn: SqliteDsn,
    private readonly worker: SqliteConnection,
    private readonly backing: MemoryBackingFile | null,
    readonly capabilities: Capabilities,
  ) {
    this.backend = dsn.backend;
    this.lock = new ConnectionLock(dsn.backend);
    this.introspect = createSqliteIntrospector((sql, options) => this.run(sql, options));
  }

  run(sql: string, options: RunOptions = {}): Promise<StatementResult> {
    return this.withConnection(options.signal, () => runStatement(this.worker, sql, options));
  }

  runScript(sql: string, options: RunOptions = {}): Promise<StatementResult[]> {
    return this.withConnection(options.signal, () => runScript(this.worker, sql, options));
  }

  /** The stream holds the connection until it ends or is closed. */
  async stream(sql: string, options: StreamOptions = {}): Promise<RowStream> {
    const release = await this.acquire(options.signal);
    return openSqliteRowStream(this.worker, sql, options, release);
  }

  async session(options: { signal?: AbortSignal } = {}): Promise<Session> {
    const release = await this.acquire(options.signal);
    return createSqliteSession(this.worker, release);
  }

  poolSnapshot(): PoolSnapshot {
    const open = this.worker.isOpen ? 1 : 0;
    const inUse = this.lock.busy ? open : 0;
    return {
      open,
      idle: open - inUse,
      inUse,
      waiting: this.lock.waiting,
      maxConns: this.dsn.pool.maxConns,
      maxIdleConns: this.dsn.pool.maxIdleConns,
      maxConnLifetimeMs: this.dsn.pool.maxConnLifetimeMs,
      maxConnIdleTimeMs: this.dsn.pool.maxConnIdleTimeMs,
    };
  }

  serverFacts(options?: RunOptions) {
    const openedPath = this.backing?.path ?? this.dsn.path;
    return sqliteServerFacts((sql, runOptions) => this.run(sql, runOptions), this.dsn, openedPath, options);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.lock.failWaiting(new AdapterError('other', this.backend, 'The SQLite adapter was closed.'));
      try {
        await this.worker.close();
      } finally {
        this.backing?.remove();
      }
    })();
    return this.closing;
  }

  private async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.closing) throw new AdapterError('other', this.backend, 'The SQLite adapter is closed.');
    const release = await this.lock.acquire(signal);
    try {
      await this.worker.retireIfStale(this.dsn.pool);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  private async withConnection<T>(signal: AbortSignal | undefined, action: () => Promise<T>): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await action();
    } finally {
      release();
    }
  }
}
