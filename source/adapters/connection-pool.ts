// The one connection pool of every server backend, with Go database/sql semantics (which Ory's
// services use): max_conns caps open connections and queues callers (visible as `waiting`),
// max_idle_conns caps idle ones kept on release, max_conn_lifetime and max_conn_idle_time retire
// connections on release, on reuse and by a background sweep. Drivers say only how to open, close
// and watch one connection (PoolDriver); the pool never imports a driver.
import type { Backend, PoolSettings } from '../dsn/types.js';
import type { PoolSnapshot } from './adapter.js';
import { closedError, type AdapterError } from './adapter-error.js';

export interface PoolDriver<C> {
  readonly backend: Backend;
  /** Opens a connection ready for statements; rejects with an AdapterError */
  open(): Promise<C>;
  /** Ends a healthy connection politely (the server sees a normal goodbye) */
  close(connection: C): Promise<void>;
  /** Drops a dead or broken connection at once */
  destroy(connection: C): void;
  /** Calls `lost` when the connection's socket fails or ends (listening also keeps node from crashing) */
  watch(connection: C, lost: () => void): void;
  /** The driver's own knowledge that the connection cannot be used any more */
  isDead?(connection: C): boolean;
  /** Whether the connection's socket keeps the process alive (Socket.ref / unref) */
  holdsProcess(connection: C, holds: boolean): void;
  /** Idle connections do not keep the process alive (lent ones do until close()) */
  readonly idleLetsProcessExit: boolean;
  /** A lent connection turned out broken: idle connections opened before it are suspect too (a restarted server) */
  readonly retireOlderOnBroken: boolean;
  /** close() ends connections still lent to sessions and streams, instead of when they come back */
  readonly closeLentOnClose: boolean;
  cancelledError(): AdapterError;
  busyError(): AdapterError;
  /** What a caller is told once close() was called (default: adapter-error.ts closedError) */
  closedError?(): AdapterError;
}

interface Entry {
  createdAt: number;
  idleSince: number;
  generation: number;
  lost: boolean;
}

interface Waiter<C> {
  resolve(connection: C): void;
  reject(error: unknown): void;
}

export class ConnectionPool<C extends object> {
  private readonly idle: C[] = [];
  private readonly entries = new Map<C, Entry>();
  private readonly lent = new Set<C>();
  private readonly waiters: Waiter<C>[] = [];
  /** Open connections plus those being opened */
  private openCount = 0;
  private generation = 0;
  private closed: Promise<void> | null = null;
  private readonly sweeper: NodeJS.Timeout | null;

  constructor(
    private readonly settings: PoolSettings,
    private readonly driver: PoolDriver<C>,
  ) {
    const limits = [settings.maxConnLifetimeMs, settings.maxConnIdleTimeMs].filter((ms) => ms > 0);
    if (limits.length > 0) {
      const every = Math.min(Math.max(Math.min(...limits), 250), 60_000);
      this.sweeper = setInterval(() => this.sweep(), every);
      this.sweeper.unref();
    } else {
      this.sweeper = null;
    }
  }

  /** max_conns 0 (or negative in the DSN) means no limit, as in database/sql. */
  private get maxConns(): number {
    return this.settings.maxConns > 0 ? this.settings.maxConns : Number.POSITIVE_INFINITY;
  }

  /**
   * A connection of the caller's own; rejects with kind 'cancelled' if the signal aborts while
   * waiting. `ifFree`: fail with kind 'busy' rather than queue (see RunOptions.ifConnectionFree).
   */
  async acquire(signal?: AbortSignal, ifFree = false): Promise<C> {
    if (signal?.aborted) throw this.driver.cancelledError();
    if (ifFree && (this.waiters.length > 0 || (this.idle.length === 0 && this.openCount >= this.maxConns))) throw this.driver.busyError();
    for (;;) {
      if (this.closed) throw this.closedError();
      const reusable = this.idle.pop();
      if (reusable) {
        if (this.expired(reusable, Date.now()) || this.suspect(reusable)) {
          void this.retire(reusable);
          continue;
        }
        return this.lend(reusable);
      }
      if (this.openCount < this.maxConns) return this.openFor(signal);
      return this.waitForConnection(signal);
    }
  }

  /** Hands a connection back; a broken, dead, expired or surplus one is closed instead. Idempotent. */
  release(connection: C, broken = false): void {
    if (!this.lent.delete(connection)) return; // already returned, or closed by close()
    const entry = this.entries.get(connection);
    if (broken && this.driver.retireOlderOnBroken) this.generation += 1;
    const now = Date.now();
    if (broken || this.closed || entry === undefined || this.expired(connection, now, now)) {
      void this.retire(connection);
      return;
    }
    entry.idleSince = now;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve(this.lend(connection));
      return;
    }
    if (this.idle.length >= Math.max(this.settings.maxIdleConns, 0)) {
      void this.retire(connection);
      return;
    }
    if (this.driver.idleLetsProcessExit) this.driver.holdsProcess(connection, false);
    this.idle.push(connection);
  }

  snapshot(): PoolSnapshot {
    return {
      open: this.openCount,
      idle: this.idle.length,
      inUse: this.openCount - this.idle.length,
      waiting: this.waiters.length,
      lost: [...this.lent].filter((connection) => this.isLost(connection)).length,
      maxConns: this.settings.maxConns,
      maxIdleConns: this.settings.maxIdleConns,
      maxConnLifetimeMs: this.settings.maxConnLifetimeMs,
      maxConnIdleTimeMs: this.settings.maxConnIdleTimeMs,
    };
  }

  /**
   * Closes idle connections now and fails queued callers; lent connections close now or when
   * they come back (PoolDriver.closeLentOnClose), meanwhile not keeping the process alive. Idempotent.
   */
  close(): Promise<void> {
    this.closed ??= this.closeAll();
    return this.closed;
  }

  private async closeAll(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.closedError());
    const closing = this.idle.splice(0);
    for (const connection of [...this.lent]) {
      if (!this.driver.closeLentOnClose) {
        this.driver.holdsProcess(connection, false);
        continue;
      }
      this.lent.delete(connection);
      closing.push(connection);
    }
    await Promise.all(closing.map((connection) => this.retire(connection)));
  }

  private lend(connection: C): C {
    this.lent.add(connection);
    if (this.driver.idleLetsProcessExit) this.driver.holdsProcess(connection, true);
    return connection;
  }

  /** A new connection for a caller who may give up while it opens: it then goes to the pool. */
  private openFor(signal?: AbortSignal): Promise<C> {
    const opening = this.openNew();
    if (!signal) return opening.then((connection) => this.lend(connection));
    return new Promise((resolve, reject) => {
      let abandoned = false;
      const onAbort = () => {
        abandoned = true;
        reject(this.driver.cancelledError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      opening.then(
        (connection) => {
          signal.removeEventListener('abort', onAbort);
          this.lend(connection);
          if (abandoned) this.release(connection);
          else resolve(connection);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          if (!abandoned) reject(error);
        },
      );
    });
  }

  private async openNew(): Promise<C> {
    this.openCount++;
    let connection: C;
    try {
      connection = await this.driver.open();
    } catch (error) {
      this.openCount--;
      this.serveWaiters();
      throw error;
    }
    const now = Date.now();
    this.entries.set(connection, { createdAt: now, idleSince: now, generation: this.generation, lost: false });
    this.driver.watch(connection, () => this.markLost(connection));
    if (this.closed) {
      void this.retire(connection);
      throw this.closedError();
    }
    return connection;
  }

  private waitForConnection(signal?: AbortSignal): Promise<C> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(this.driver.cancelledError());
      };
      const waiter: Waiter<C> = {
        resolve: (connection) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(connection);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Room freed up: open a connection for the next queued caller. */
  private serveWaiters(): void {
    if (this.closed || this.waiters.length === 0 || this.openCount >= this.maxConns) return;
    const waiter = this.waiters.shift();
    if (!waiter) return;
    this.openNew().then((connection) => waiter.resolve(this.lend(connection)), waiter.reject);
  }

  private isLost(connection: C): boolean {
    return this.entries.get(connection)?.lost === true || this.driver.isDead?.(connection) === true;
  }

  private expired(connection: C, now: number, idleSince?: number): boolean {
    const entry = this.entries.get(connection);
    if (entry === undefined || this.isLost(connection)) return true;
    const { maxConnLifetimeMs, maxConnIdleTimeMs } = this.settings;
    if (maxConnLifetimeMs > 0 && now - entry.createdAt >= maxConnLifetimeMs) return true;
    return maxConnIdleTimeMs > 0 && now - (idleSince ?? entry.idleSince) >= maxConnIdleTimeMs;
  }

  /** Opened before a connection turned out broken (PoolDriver.retireOlderOnBroken). */
  private suspect(connection: C): boolean {
    return (this.entries.get(connection)?.generation ?? this.generation) < this.generation;
  }

  private markLost(connection: C): void {
    const entry = this.entries.get(connection);
    if (entry === undefined || entry.lost) return;
    entry.lost = true;
    const index = this.idle.indexOf(connection);
    if (index >= 0) {
      this.idle.splice(index, 1);
      void this.retire(connection);
    }
  }

  /** Closes a connection for good (politely when it is still healthy); once per connection. */
  private retire(connection: C): Promise<void> {
    if (!this.entries.has(connection)) return Promise.resolve();
    const healthy = !this.isLost(connection);
    this.entries.delete(connection);
    this.openCount--;
    let closing = Promise.resolve();
    if (healthy) closing = this.driver.close(connection).catch(() => undefined);
    else this.driver.destroy(connection);
    this.serveWaiters();
    return closing;
  }

  private sweep(): void {
    const now = Date.now();
    for (const connection of [...this.idle]) {
      if (this.expired(connection, now)) {
        this.idle.splice(this.idle.indexOf(connection), 1);
        void this.retire(connection);
      }
    }
  }

  private closedError(): AdapterError {
    return this.driver.closedError?.() ?? closedError(this.driver.backend);
  }
}
