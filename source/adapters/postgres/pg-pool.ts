// node-postgres's pool with the DSN's limits: max_conns, max_idle_conns (pg.Pool has no idle cap,
// so surplus connections are closed on release), max_conn_lifetime and max_conn_idle_time.
// Dead connections are reported through 'error' events that must be handled, or node exits.
import pg from 'pg';
import type { ClientConfig, PoolClient } from 'pg';
import type { PoolSettings, PostgresDsn } from '../../dsn/types.js';
import type { PoolSnapshot } from '../adapter.js';
import { cancelledError } from './pg-error-mapping.js';

export class PgPool {
  private readonly pool: pg.Pool;
  private closed: Promise<void> | null = null;
  /** Bumped when a connection turns out dead: older idle connections are then suspect too. */
  private generation = 0;
  private readonly bornIn = new WeakMap<object, number>();
  /** Connections handed out and not yet returned: close() must not wait for them forever. */
  private readonly lent = new Set<PoolClient>();
  /** Callers that gave up waiting but are still in pg-pool's queue (not shown as waiting). */
  private abandonedWaiters = 0;

  constructor(private readonly dsn: PostgresDsn, config: ClientConfig, private readonly settings: PoolSettings) {
    // connect_timeout limits connecting only; pg.Pool would also apply it to callers waiting for
    // a free connection, so it goes to the client class and not to the pool.
    const { connectionTimeoutMillis, ...poolConfig } = config;
    class TimedClient extends pg.Client {
      constructor(clientConfig: ClientConfig) {
        // pg-pool keeps the password non-enumerable (out of logs), so a spread would drop it.
        super({ ...clientConfig, password: clientConfig.password, connectionTimeoutMillis });
      }
    }
    this.pool = new pg.Pool({
      ...poolConfig,
      Client: TimedClient as unknown as new () => pg.ClientBase,
      max: Math.max(1, settings.maxConns),
      idleTimeoutMillis: settings.maxConnIdleTimeMs, // 0 = never (pg-pool skips the timer)
      maxLifetimeSeconds: settings.maxConnLifetimeMs / 1000,
      allowExitOnIdle: true,
    });
    // An idle connection that dies (server restart) is removed by pg-pool; we only must listen.
    this.pool.on('error', () => undefined);
    // A checked-out connection has no pool listener: errors surface on its next query instead.
    this.pool.on('connect', (client) => {
      client.on('error', () => undefined);
      this.bornIn.set(client, this.generation);
    });
  }

  /** A connection of our own; rejects with kind 'cancelled' if the signal aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<PoolClient> {
    if (signal?.aborted) return Promise.reject(cancelledError(this.dsn));
    const pending = this.connectCurrent().then((client) => {
      this.lent.add(client);
      return client;
    });
    if (!signal) return pending;
    return new Promise((resolve, reject) => {
      let abandoned = false;
      const onAbort = () => {
        abandoned = true;
        this.abandonedWaiters += 1;
        reject(cancelledError(this.dsn));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        signal.removeEventListener('abort', onAbort);
        if (abandoned) this.abandonedWaiters -= 1;
      };
      pending.then(
        (client) => {
          settle();
          if (abandoned) this.release(client);
          else resolve(client);
        },
        (error: unknown) => {
          settle();
          if (!abandoned) reject(error);
        },
      );
    });
  }

  /**
   * An idle connection from before a connection died may be dead too (a restarted server): close
   * it and take another, so one failed statement is not followed by more on stale connections.
   */
  private async connectCurrent(): Promise<PoolClient> {
    for (;;) {
      const client = await this.pool.connect();
      if ((this.bornIn.get(client) ?? this.generation) >= this.generation) return client;
      client.release(true);
    }
  }

  /** Returns a connection; closes it instead when it is broken or would exceed max_idle_conns. */
  release(client: PoolClient, broken = false): void {
    if (!this.lent.delete(client)) return; // already returned, or closed by close()
    if (broken) this.generation += 1;
    const surplus = this.pool.waitingCount === 0 && this.pool.idleCount >= this.settings.maxIdleConns;
    client.release(broken || surplus);
  }

  snapshot(): PoolSnapshot {
    const open = this.pool.totalCount;
    const idle = this.pool.idleCount;
    return {
      open,
      idle,
      inUse: Math.max(0, open - idle),
      waiting: Math.max(0, this.pool.waitingCount - this.abandonedWaiters),
      maxConns: this.settings.maxConns,
      maxIdleConns: this.settings.maxIdleConns,
      maxConnLifetimeMs: this.settings.maxConnLifetimeMs,
      maxConnIdleTimeMs: this.settings.maxConnIdleTimeMs,
    };
  }

  /** Closes every connection, including those still lent to sessions and streams. */
  close(): Promise<void> {
    if (this.closed === null) {
      for (const client of this.lent) client.release(true);
      this.lent.clear();
    }
    this.closed ??= this.pool.end().catch(() => undefined);
    return this.closed;
  }
}
