// The SQLite connection in this process, for the non-interactive CLI: the worker process costs a
// second Node start-up (over 100 ms) for a one-shot `dsnsh memory -c 'select 1'`.
// The price: a statement runs synchronously on the event loop, so nothing can interrupt it from
// JavaScript. Ctrl+C must still end a long statement at once, so the SIGINT listeners are taken
// off for the duration of each call: the default action then ends the process (killed by SIGINT,
// which shells report as 130). SQLite's journal keeps a file database consistent, and a memory
// database is gone with the process anyway. Between calls the listeners are back and the caller's
// AbortSignal is honoured before each call.
import { closedError } from '../adapter-error.js';
import type { Backend, PoolSettings } from '../../dsn/types.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { cancelledError, sqliteError } from './sqlite-errors.js';
import { loadDriver } from './load-driver.js';
import { failureInfo, WorkerDatabase, WorkerFailure } from './worker-database.js';
import type { WorkerOpenConfig, WorkerRequest } from './worker-protocol.js';

/** Runs `action` with Ctrl+C set to its default action (end the process), then restores the listeners. */
function withDefaultSigint<T>(action: () => T): T {
  const listeners = process.listeners('SIGINT');
  for (const listener of listeners) process.off('SIGINT', listener);
  try {
    return action();
  } finally {
    for (const listener of listeners) process.on('SIGINT', listener);
  }
}

/** A macrotask turn: a Ctrl+C that arrived while JavaScript was busy reaches its listener first. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class InProcessConnection implements SqliteConnection {
  private database: WorkerDatabase | null = null;
  private opening: Promise<WorkerDatabase> | null = null;
  private closed = false;
  private startedAt = 0;
  private lastUsedAt = 0;
  generation = 0;
  version = '';
  readonly streamEncoding = 'values';
  readonly readAhead = 1;
  readonly passesOverRows = false;

  constructor(
    private readonly config: WorkerOpenConfig,
    readonly backend: Backend,
  ) {}

  get isOpen(): boolean {
    return this.database !== null;
  }

  get inTransaction(): boolean {
    return this.database?.inTransaction ?? false;
  }

  async start(): Promise<void> {
    await this.ensureOpen();
  }

  async request<T>(request: WorkerRequest, signal?: AbortSignal): Promise<T> {
    const database = await this.ensureOpen();
    await nextTurn();
    if (signal?.aborted) throw cancelledError(this.backend, false);
    if (database !== this.database) throw closedError(this.backend);
    try {
      return withDefaultSigint(() => perform(database, request)) as T;
    } catch (error) {
      const sql = 'sql' in request ? request.sql : undefined;
      throw sqliteError(this.backend, failureInfo(error), { phase: 'statement', sql, path: this.config.path });
    } finally {
      this.lastUsedAt = Date.now();
    }
  }

  async retireIfStale(pool: PoolSettings): Promise<void> {
    if (!this.database) return;
    const now = Date.now();
    const tooOld = pool.maxConnLifetimeMs > 0 && now - this.startedAt >= pool.maxConnLifetimeMs;
    const tooIdle = pool.maxConnIdleTimeMs > 0 && now - this.lastUsedAt >= pool.maxConnIdleTimeMs;
    if (tooOld || tooIdle) {
      this.database.close();
      this.database = null;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.opening?.catch(() => undefined);
    this.database?.close();
    this.database = null;
  }

  private ensureOpen(): Promise<WorkerDatabase> {
    if (this.closed) return Promise.reject(closedError(this.backend));
    if (this.database) return Promise.resolve(this.database);
    this.opening ??= this.open().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async open(): Promise<WorkerDatabase> {
    try {
      const driver = await loadDriver();
      const opened = withDefaultSigint(() => WorkerDatabase.open(driver, this.config));
      this.database = opened.database;
      this.version = opened.version;
    } catch (error) {
      throw sqliteError(this.backend, failureInfo(error), { phase: 'open', path: this.config.path });
    }
    this.generation += 1;
    this.startedAt = Date.now();
    this.lastUsedAt = this.startedAt;
    return this.database;
  }
}

function perform(database: WorkerDatabase, request: WorkerRequest): unknown {
  switch (request.op) {
    case 'run':
      return database.run(request.sql, request.params);
    case 'script':
      return database.script(request.sql, request.params);
    case 'stream-open':
      return database.streamOpen(request.sql, request.params, request.encoding);
    case 'stream-next':
      return database.streamNext(request.streamId, request.chunkSize);
    case 'stream-tail':
      return database.streamTail(request.streamId, request.keep, request.limit);
    case 'stream-close':
      database.streamClose(request.streamId);
      return null;
    case 'open':
    case 'close':
      throw new WorkerFailure({ code: null, message: `'${request.op}' is not a statement request.` });
  }
}
