// SQLite and memory backends on better-sqlite3. By default the database runs in a worker process
// (see sqlite-worker.ts for why a process), so a long statement never blocks the console and a
// cancel stops it at once. The one-shot CLI asks for it in this process instead (no second Node
// start-up; Ctrl+C then ends the process, see in-process-connection.ts). One connection:
// concurrentSessions is false, so the runtime wrapper (runtime-adapter.ts) lends it by turns and
// every call here runs within a turn; close() is called once, by the wrapper.
import type { Adapter, Capabilities, PoolSnapshot, RowStream, RunOptions, Session, StatementResult, StreamOptions } from '../adapter.js';
import type { SqliteDsn } from '../../dsn/types.js';
import { sqliteCapabilities } from './sqlite-capabilities.js';
import { createMemoryBackingFile, type MemoryBackingFile } from './memory-backing-file.js';
import { workerOpenConfig } from './open-config.js';
import { readOnlyOpen } from './read-only-open.js';
import { createSqliteIntrospector } from './sqlite-introspector.js';
import { openSqliteRowStream } from './sqlite-row-stream.js';
import { sqliteServerFacts } from './sqlite-server-facts.js';
import { createSqliteSession, runScript, runStatement } from './sqlite-session.js';
import { SqliteWorkerProcess } from './worker-process.js';
import { InProcessConnection } from './in-process-connection.js';
import type { SqliteConnection } from './sqlite-connection.js';

export interface SqliteOpenOptions {
  /** Run the database in this process (see in-process-connection.ts for what that means for Ctrl+C) */
  inProcess?: boolean;
  /** Open the file read-only, never create it, skip DSN pragmas that write (see read-only-open.ts) */
  readOnly?: boolean;
  onWarning?: (message: string) => void;
}

export async function openSqliteAdapter(dsn: SqliteDsn, options: SqliteOpenOptions = {}): Promise<Adapter> {
  const configFor = (backing: MemoryBackingFile | null) => {
    const config = workerOpenConfig(dsn, backing);
    if (!options.readOnly) return config;
    const opened = readOnlyOpen(config, dsn);
    for (const warning of opened.warnings) options.onWarning?.(warning);
    return opened.config;
  };
  if (options.inProcess) {
    // A true :memory: database: there is no worker restart for it to survive, and no file to
    // leave behind when Ctrl+C ends the process.
    const connection = new InProcessConnection(configFor(null), dsn.backend);
    await connection.start();
    return new SqliteAdapter(dsn, connection, null, sqliteCapabilities(true));
  }
  const backing = dsn.inMemory ? createMemoryBackingFile() : null;
  const worker = new SqliteWorkerProcess(configFor(backing), dsn.backend);
  try {
    await worker.start();
  } catch (error) {
    await worker.close().catch(() => undefined);
    backing?.remove();
    throw error;
  }
  return new SqliteAdapter(dsn, worker, backing, sqliteCapabilities(false));
}

class SqliteAdapter implements Adapter {
  readonly backend: SqliteDsn['backend'];
  readonly introspect;

  constructor(
    readonly dsn: SqliteDsn,
    private readonly worker: SqliteConnection,
    private readonly backing: MemoryBackingFile | null,
    readonly capabilities: Capabilities,
  ) {
    this.backend = dsn.backend;
    this.introspect = createSqliteIntrospector((sql, options) => this.run(sql, options));
  }

  run(sql: string, options: RunOptions = {}): Promise<StatementResult> {
    return this.withConnection(() => runStatement(this.worker, sql, options));
  }

  runScript(sql: string, options: RunOptions = {}): Promise<StatementResult[]> {
    return this.withConnection(() => runScript(this.worker, sql, options));
  }

  async stream(sql: string, options: StreamOptions = {}): Promise<RowStream> {
    await this.worker.retireIfStale(this.dsn.pool);
    return openSqliteRowStream(this.worker, sql, options, () => undefined);
  }

  async session(): Promise<Session> {
    await this.worker.retireIfStale(this.dsn.pool);
    return createSqliteSession(this.worker);
  }

  /** The one connection; the wrapper adds who holds it and who waits for it. */
  poolSnapshot(): PoolSnapshot {
    const open = this.worker.isOpen ? 1 : 0;
    return {
      open,
      idle: open,
      inUse: 0,
      waiting: 0,
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

  async close(): Promise<void> {
    try {
      await this.worker.close();
    } finally {
      this.backing?.remove();
    }
  }

  /** A connection past max_conn_lifetime / max_conn_idle_time is reopened before the turn's work. */
  private async withConnection<T>(action: () => Promise<T>): Promise<T> {
    await this.worker.retireIfStale(this.dsn.pool);
    return action();
  }
}
