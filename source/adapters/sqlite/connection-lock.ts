// The one SQLite connection is shared by turns: a FIFO lock whose queue length is the pool
// snapshot's `waiting`. A caller whose signal aborts while queued leaves the queue.
import { AdapterError } from '../adapter-error.js';
import type { Backend } from '../../dsn/types.js';

interface Waiter {
  grant(): void;
  fail(error: unknown): void;
}

export class ConnectionLock {
  private held = false;
  private readonly queue: Waiter[] = [];

  constructor(private readonly backend: Backend) {}

  get busy(): boolean {
    return this.held;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves with a release function (idempotent) once the connection is ours. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(this.cancelled());
    return new Promise((resolve, reject) => {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.handOver();
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index !== -1) this.queue.splice(index, 1);
        reject(this.cancelled());
      };
      if (!this.held) {
        this.held = true;
        resolve(release);
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  /** Fails every queued caller (the adapter is closing). */
  failWaiting(error: unknown): void {
    for (const waiter of this.queue.splice(0)) waiter.fail(error);
  }

  private handOver(): void {
    const next = this.queue.shift();
    if (next) next.grant();
    else this.held = false;
  }

  private cancelled(): AdapterError {
    return new AdapterError('cancelled', this.backend, 'Cancelled while waiting for the database connection.');
  }
}
