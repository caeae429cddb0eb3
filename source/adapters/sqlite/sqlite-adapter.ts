// SQLite and memory backends on better-sqlite3. By default the database runs in a worker process
// (see sqlite-worker.ts for why a process), so a long statement never blocks the console and a
// cancel stops it at once. The one-shot CLI asks for it in this process instead (no second Node
// start-up; Ctrl+C then ends the process, see in-process-connection.ts). One connection, shared by
// turns: concurrentSessions is false.
import type { Adapter, Capabilities, PoolSnapshot, RowStream, RunOptions, Session, StatementResult, StreamOptions } from '../adapter.js';
import type { SqliteDsn } from '../../dsn/types.js';
import { sqliteCapabilities } from './sqlite-capabilities.js';
import { connectionTurns, type ConnectionTurns } from './connection-turns.js';
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
import { AdapterError } from '../adapter-error.js';

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
  private readonly turns: ConnectionTurns;
  private closing: Promise<void> | null = null;

  constructor(
    readonly dsn: SqliteDsn,
    private readonly worker: SqliteConnection,
    private readonly backing: MemoryBackingFile | null,
    readonly capabilities: Capabilities,
  ) {
    this.backend = dsn.backend;
    this.turns = connectionTurns(dsn.backend);
    this.introspect = createSqliteIntrospector((sql, options) => this.run(sql, options));
  }

  run(sql: string, options: RunOptions = {}): Promise<StatementResult> {
    return this.withConnection(options, () => runStatement(this.worker, sql, options));
  }

  runScript(sql: string, options: RunOptions = {}): Promise<StatementResult[]> {
    return this.withConnection(options, () => runScript(this.worker, sql, options));
  }

  /** The stream holds the connection until it ends or is closed. */
  async stream(sql: string, options: StreamOptions = {}): Promise<RowStream> {
    const release = await this.acquire(options.signal, options.ifConnectionFree === true);
    return openSqliteRowStream(this.worker, sql, options, release);
  }

  async session(options: { signal?: AbortSignal } = {}): Promise<Session> {
    const release = await this.acquire(options.signal);
    return createSqliteSession(this.worker, release);
  }

  poolSnapshot(): PoolSnapshot {
    const open = this.worker.isOpen ? 1 : 0;
    const turns = this.turns.snapshot();
    const inUse = turns.inUse > 0 ? open : 0;
    return {
      open,
      idle: open - inUse,
      inUse,
      waiting: turns.waiting,
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
      void this.turns.close(); // fails every queued caller
      try {
        await this.worker.close();
      } finally {
        this.backing?.remove();
      }
    })();
    return this.closing;
  }

  private async acquire(signal?: AbortSignal, ifFree = false): Promise<() => void> {
    if (this.closing) throw new AdapterError('other', this.backend, 'The SQLite adapter is closed.');
    const turn = await this.turns.acquire(signal, ifFree);
    // Once per turn: the same turn is lent again to the next caller.
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.turns.release(turn);
    };
    try {
      await this.worker.retireIfStale(this.dsn.pool);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  private async withConnection<T>(options: RunOptions, action: () => Promise<T>): Promise<T> {
    const release = await this.acquire(options.signal, options.ifConnectionFree === true);
    try {
      return await action();
    } finally {
      release();
    }
  }
}
