// The parent's handle on the SQLite worker process: request/reply over the IPC channel, cancel
// by killing the process (then a fresh worker reopens the same file), graceful close.
import { fork, type ChildProcess } from 'node:child_process';
import { AdapterError, closedError } from '../adapter-error.js';
import type { Backend, PoolSettings } from '../../dsn/types.js';
import { onProcessExit } from './exit-cleanup.js';
import { cancelledError, connectionLostError, sqliteError } from './sqlite-errors.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { sqliteWorkerPath } from './worker-path.js';
import type { WorkerEnvelope, WorkerOpenConfig, WorkerReply, WorkerRequest } from './worker-protocol.js';

interface Pending {
  child: ChildProcess;
  request: WorkerRequest;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  detach(): void;
}

const STDERR_TAIL = 2000;
const GRACEFUL_CLOSE_MS = 2000;
const WORKER_SEMI_SPACE = '--max-semi-space-size=4';

/**
 * The worker never opens a TLS connection: extra CA certificates (NODE_EXTRA_CA_CERTS, often the
 * whole system bundle) would only cost it ~40 ms of start-up and 2 MB of memory to parse.
 */
function workerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

export class SqliteWorkerProcess implements SqliteConnection {
  private child: ChildProcess | null = null;
  private starting: Promise<ChildProcess> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private transaction = false;
  private stderrTail = '';
  private startedAt = 0;
  private lastUsedAt = 0;
  private closed = false;
  /** Bumped on every (re)start: streams opened on an older worker are gone. */
  generation = 0;
  version = '';
  readonly streamEncoding = 'json';
  readonly readAhead = 2;
  readonly passesOverRows = true;

  constructor(
    private readonly config: WorkerOpenConfig,
    readonly backend: Backend,
  ) {}

  get isOpen(): boolean {
    return this.child !== null && this.starting === null;
  }

  get inTransaction(): boolean {
    return this.transaction;
  }

  async start(): Promise<void> {
    await this.ensureChild();
  }

  async request<T>(request: WorkerRequest, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw cancelledError(this.backend, false);
    const child = await this.ensureChild();
    if (signal?.aborted) throw cancelledError(this.backend, false);
    return (await this.send(child, request, signal)) as T;
  }

  /** Retires the worker when max_conn_lifetime or max_conn_idle_time has passed; reopened on next use. */
  async retireIfStale(pool: PoolSettings): Promise<void> {
    if (!this.isOpen || this.pending.size > 0) return;
    const now = Date.now();
    const tooOld = pool.maxConnLifetimeMs > 0 && now - this.startedAt >= pool.maxConnLifetimeMs;
    const tooIdle = pool.maxConnIdleTimeMs > 0 && now - this.lastUsedAt >= pool.maxConnIdleTimeMs;
    if (tooOld || tooIdle) await this.stopGracefully();
  }

  /** Idempotent. A statement still running is killed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.starting?.catch(() => undefined);
    if (this.pending.size > 0) this.kill(new AdapterError('other', this.backend, 'The adapter was closed while a statement was running.'));
    else await this.stopGracefully();
  }

  private ensureChild(): Promise<ChildProcess> {
    if (this.closed) return Promise.reject(closedError(this.backend));
    if (this.starting) return this.starting;
    if (this.child) return Promise.resolve(this.child);
    const starting = this.spawn().finally(() => {
      if (this.starting === starting) this.starting = null;
    });
    this.starting = starting;
    return starting;
  }

  private async spawn(): Promise<ChildProcess> {
    let workerPath: string;
    try {
      workerPath = await sqliteWorkerPath();
    } catch (error) {
      throw new AdapterError('driver-unavailable', this.backend, error instanceof Error ? error.message : String(error), { cause: error });
    }
    // stdout is ignored and stderr kept aside: nothing may draw over the console.
    // The worker holds at most two chunks of rows, so a small young generation suffices: Node's
    // default (16 MB semi-spaces) let 1,000,000 streamed rows raise its peak RSS from 88 to
    // 108 MB, for about 5% less CPU. No old-space cap: run() results (RETURNING, PRAGMA) can be
    // large, and V8 only grows the old space as far as live data needs anyway.
    const child = fork(workerPath, [], {
      serialization: 'advanced',
      execArgv: [WORKER_SEMI_SPACE],
      env: workerEnv(),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.stderrTail = '';
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL);
    });
    // Only a pending request keeps this process alive (see settle), never the stderr pipe.
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    const unregister = onProcessExit(() => child.kill('SIGKILL'));
    child.on('message', (reply: WorkerReply) => this.onReply(child, reply));
    child.once('exit', (code, signal) => {
      unregister();
      this.onExit(child, signal ?? `exit code ${code}`);
    });
    child.once('error', (error) => this.onExit(child, error.message));
    this.child = child;
    try {
      this.version = (await this.send(child, { op: 'open', config: this.config })) as string;
    } catch (error) {
      if (this.child === child) this.child = null;
      child.kill('SIGKILL');
      throw error;
    }
    this.generation += 1;
    this.startedAt = Date.now();
    this.lastUsedAt = this.startedAt;
    return child;
  }

  private send(child: ChildProcess, request: WorkerRequest, signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const onAbort = () => {
        const rolledBack = this.transaction;
        this.pending.delete(id);
        detach();
        reject(cancelledError(this.backend, rolledBack));
        // No interrupt API: stop the worker at once; a fresh one reopens the same file.
        this.kill(new AdapterError('other', this.backend, 'The database connection was restarted by a cancel.'));
        if (!this.closed) this.ensureChild().catch(() => undefined);
      };
      const detach = () => signal?.removeEventListener('abort', onAbort);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, { child, request, resolve, reject, detach });
      child.ref();
      child.channel?.ref();
      const envelope: WorkerEnvelope = { ...request, id };
      child.send(envelope, (error) => {
        if (error) this.settle(id, () => reject(connectionLostError(this.backend, error.message)));
      });
    });
  }

  private settle(id: number, action: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.detach();
    action(pending);
    this.lastUsedAt = Date.now();
    // Idle workers must not keep the process alive: a forgotten close() never hangs the CLI.
    if (![...this.pending.values()].some((other) => other.child === pending.child)) {
      pending.child.unref();
      pending.child.channel?.unref();
    }
  }

  private onReply(child: ChildProcess, reply: WorkerReply): void {
    if (child === this.child) this.transaction = reply.inTransaction;
    this.settle(reply.id, (pending) => {
      if (reply.ok) {
        pending.resolve(reply.value);
        return;
      }
      const sql = 'sql' in pending.request ? pending.request.sql : undefined;
      const phase = pending.request.op === 'open' ? 'open' : 'statement';
      pending.reject(sqliteError(this.backend, reply.error, { phase, sql, path: this.config.path }));
    });
  }

  private onExit(child: ChildProcess, detail: string): void {
    if (child === this.child) {
      this.child = null;
      this.transaction = false;
    }
    const tail = this.stderrTail.trim().split('\n').slice(-3).join(' ');
    const error = connectionLostError(this.backend, tail ? `${detail}: ${tail}` : detail);
    this.failPending(child, error);
  }

  private failPending(child: ChildProcess, error: unknown): void {
    for (const [id, pending] of this.pending) {
      if (pending.child === child) this.settle(id, (entry) => entry.reject(error));
    }
  }

  private kill(error: unknown): void {
    const child = this.child;
    if (!child) return;
    this.child = null;
    this.transaction = false;
    this.failPending(child, error);
    child.kill('SIGKILL');
  }

  private async stopGracefully(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), GRACEFUL_CLOSE_MS);
    try {
      await this.send(child, { op: 'close' });
    } catch {
      child.kill('SIGKILL');
    }
    await exited;
    clearTimeout(timer);
    if (this.child === child) this.child = null;
    this.transaction = false;
  }
}
