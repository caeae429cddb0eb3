// A connection pool with Go database/sql semantics (which Ory's services use): max_conns caps
// open connections and queues callers (visible as `waiting`), max_idle_conns caps idle ones
// kept on release, max_conn_lifetime and max_conn_idle_time retire connections on release,
// on reuse and by a background sweep. mysql2's own pool lacks lifetime and Go's idle rules.
import type { Connection } from 'mysql2';
import type { PoolSettings } from '../../dsn/types.js';
import type { PoolSnapshot } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import type { OpenedConnection } from './mysql-connect.js';
import { closeGracefully, hardClose, socketOf } from './mysql-context.js';
import { cancelledError } from './mysql-errors.js';

export interface PooledConnection {
  readonly raw: Connection;
  readonly encrypted: boolean;
  readonly threadId: number;
  readonly createdAt: number;
  idleSince: number;
  /** Set when the socket failed or closed; such a connection is never reused. */
  dead: boolean;
}

interface Waiter {
  resolve(connection: PooledConnection): void;
  reject(error: unknown): void;
}

export class MysqlPool {
  private readonly idle: PooledConnection[] = [];
  private readonly all = new Set<PooledConnection>();
  private readonly waiters: Waiter[] = [];
  private openCount = 0;
  private closed = false;
  private readonly sweeper: NodeJS.Timeout | null;

  constructor(
    private readonly settings: PoolSettings,
    private readonly openConnection: () => Promise<OpenedConnection>,
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

  private get maxConns(): number {
    return this.settings.maxConns > 0 ? this.settings.maxConns : Number.POSITIVE_INFINITY;
  }

  private expired(connection: PooledConnection, now: number): boolean {
    const { maxConnLifetimeMs, maxConnIdleTimeMs } = this.settings;
    if (connection.dead) return true;
    if (maxConnLifetimeMs > 0 && now - connection.createdAt >= maxConnLifetimeMs) return true;
    return maxConnIdleTimeMs > 0 && now - connection.idleSince >= maxConnIdleTimeMs;
  }

  async acquire(signal?: AbortSignal): Promise<PooledConnection> {
    if (signal?.aborted) throw cancelledError();
    for (;;) {
      if (this.closed) throw new AdapterError('connect', 'mysql', 'The connection pool is closed.');
      const reusable = this.idle.pop();
      if (reusable) {
        if (this.expired(reusable, Date.now())) {
          this.destroy(reusable);
          continue;
        }
        return reusable;
      }
      if (this.openCount < this.maxConns) return this.openNew();
      return this.waitForConnection(signal);
    }
  }

  private async openNew(): Promise<PooledConnection> {
    this.openCount++;
    try {
      const opened = await this.openConnection();
      const now = Date.now();
      const pooled: PooledConnection = {
        raw: opened.raw,
        encrypted: opened.encrypted,
        threadId: opened.raw.threadId ?? 0,
        createdAt: now,
        idleSince: now,
        dead: false,
      };
      // mysql2 emits 'error' on a connection whose socket dies; unhandled it would crash the process.
      opened.raw.on('error', () => this.markDead(pooled));
      opened.raw.on('end', () => this.markDead(pooled));
      this.all.add(pooled);
      if (this.closed) {
        this.destroy(pooled);
        throw new AdapterError('connect', 'mysql', 'The connection pool is closed.');
      }
      return pooled;
    } catch (error) {
      this.openCount--;
      this.serveWaiters();
      throw error;
    }
  }

  private waitForConnection(signal?: AbortSignal): Promise<PooledConnection> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(cancelledError());
      };
      const waiter: Waiter = {
        resolve: (connection) => { signal?.removeEventListener('abort', onAbort); resolve(connection); },
        reject: (error) => { signal?.removeEventListener('abort', onAbort); reject(error); },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Hands a connection back; a dead, discarded or expired one is closed instead. */
  release(connection: PooledConnection, discard = false): void {
    const now = Date.now();
    if (discard || this.closed || connection.dead || this.expired({ ...connection, idleSince: now }, now)) {
      this.destroy(connection);
      return;
    }
    connection.idleSince = now;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve(connection);
      return;
    }
    if (this.idle.length >= Math.max(this.settings.maxIdleConns, 0)) {
      this.destroy(connection);
      return;
    }
    this.idle.push(connection);
  }

  private markDead(connection: PooledConnection): void {
    if (connection.dead) return;
    connection.dead = true;
    const index = this.idle.indexOf(connection);
    if (index >= 0) {
      this.idle.splice(index, 1);
      this.destroy(connection);
    }
  }

  private destroyed = new WeakSet<PooledConnection>();

  private destroy(connection: PooledConnection): void {
    if (this.destroyed.has(connection)) return;
    this.destroyed.add(connection);
    this.all.delete(connection);
    const healthy = !connection.dead;
    connection.dead = true;
    this.openCount--;
    if (healthy) closeGracefully(connection.raw);
    else hardClose(connection.raw);
    this.serveWaiters();
  }

  /** Room freed up: open a connection for the next queued caller. */
  private serveWaiters(): void {
    if (this.closed || this.waiters.length === 0 || this.openCount >= this.maxConns) return;
    const waiter = this.waiters.shift();
    if (!waiter) return;
    this.openNew().then(waiter.resolve, waiter.reject);
  }

  private sweep(): void {
    const now = Date.now();
    for (const connection of [...this.idle]) {
      if (this.expired(connection, now)) {
        this.idle.splice(this.idle.indexOf(connection), 1);
        this.destroy(connection);
      }
    }
  }

  snapshot(): PoolSnapshot {
    return {
      open: this.openCount,
      idle: this.idle.length,
      inUse: this.openCount - this.idle.length,
      waiting: this.waiters.length,
      maxConns: this.settings.maxConns,
      maxIdleConns: this.settings.maxIdleConns,
      maxConnLifetimeMs: this.settings.maxConnLifetimeMs,
      maxConnIdleTimeMs: this.settings.maxConnIdleTimeMs,
    };
  }

  /** Closes idle connections now; in-use ones are closed when released. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    for (const waiter of this.waiters.splice(0)) {
      waiter.reject(new AdapterError('connect', 'mysql', 'The connection pool is closed.'));
    }
    const idle = this.idle.splice(0);
    // Connections still in use close when released; meanwhile they must not keep the process alive.
    for (const connection of this.all) {
      if (!idle.includes(connection)) socketOf(connection.raw)?.unref();
    }
    await Promise.all(idle.map((connection) => {
      this.destroyed.add(connection);
      this.all.delete(connection);
      this.openCount--;
      connection.dead = true;
      return closeGracefully(connection.raw);
    }));
  }
}
