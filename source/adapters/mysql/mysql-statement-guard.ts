// Watches one statement in flight: AbortSignal → `KILL QUERY` from another connection (the
// connection survives), read/write deadlines → the connection is closed. Whatever the server
// then answers, the caller learns 'cancelled' or 'timeout' (MariaDB's interrupted SLEEP
// returns 1 instead of an error).
import { AdapterError } from '../adapter-error.js';
import { hardClose, type MysqlContext } from './mysql-context.js';
import { cancelledError } from './mysql-errors.js';
import type { PooledConnection } from './mysql-pool.js';
import { ioWatchdog, type IoWatchdog } from './mysql-watchdogs.js';

/** How long a killed statement may take to wind down before its connection is closed. */
const KILL_GRACE_MS = 5000;

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

export class StatementGuard {
  private cancelled = false;
  private expired: 'read' | 'write' | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  private killing: Promise<void> | null = null;
  private forcedEnd: (() => void) | null = null;
  private readonly forced = new Promise<void>((resolve) => {
    this.forcedEnd = resolve;
  });
  private readonly watchdog: IoWatchdog;
  private readonly onAbort = () => this.cancel();
  /** Called when the statement must end now because its connection was closed under it. */
  onForcedEnd: (error: AdapterError) => void = () => {};

  constructor(
    private readonly connection: PooledConnection,
    private readonly context: MysqlContext,
    private readonly signal: AbortSignal | undefined,
  ) {
    const { readTimeoutMs, writeTimeoutMs } = context.dsn;
    this.watchdog = ioWatchdog(connection.raw, readTimeoutMs, writeTimeoutMs, (which) => this.expire(which));
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get io(): IoWatchdog {
    return this.watchdog;
  }

  private cancel(): void {
    if (this.cancelled || this.expired) return;
    this.cancelled = true;
    this.interrupt();
  }

  /** Stops the statement on the server (also used to abandon a stream early). */
  interrupt(): void {
    if (this.graceTimer) return;
    const force = () => {
      this.forcedEnd?.();
      this.connection.dead = true;
      hardClose(this.connection.raw);
      this.onForcedEnd(this.verdict() ?? cancelledError());
    };
    this.killing = this.context.killQuery(this.connection.threadId).catch(force);
    this.graceTimer = setTimeout(force, KILL_GRACE_MS);
    this.graceTimer.unref();
  }

  private expire(which: 'read' | 'write'): void {
    if (this.cancelled || this.expired) return;
    this.expired = which;
    this.connection.dead = true;
    hardClose(this.connection.raw);
    this.onForcedEnd(this.timeoutError());
  }

  private timeoutError(): AdapterError {
    const { readTimeoutMs, writeTimeoutMs } = this.context.dsn;
    const [name, ms] = this.expired === 'write' ? ['writeTimeout', writeTimeoutMs] : ['readTimeout', readTimeoutMs];
    return new AdapterError('timeout', 'mysql', `The server did not answer within ${name}=${formatMs(ms)}; the connection was closed.`, {
      code: 'ETIMEDOUT',
      hint: `Raise ?${name}= in the DSN, or make the statement faster.`,
    });
  }

  /** The error to report for how the statement ended, or null when it simply ran. */
  verdict(): AdapterError | null {
    if (this.cancelled) return cancelledError();
    if (this.expired) return this.timeoutError();
    return null;
  }

  /**
   * Resolves once a KILL sent for this statement has been handled, so it cannot reach the
   * next statement on the same connection.
   */
  async quiesce(): Promise<void> {
    if (this.killing) await Promise.race([this.killing, this.forced]);
  }

  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.watchdog.dispose();
  }
}
