// The run lock that keeps two migration runners apart, held by the migrating session.
// SQLite has no such lock: its runs rely on each migration's BEGIN IMMEDIATE (see dialect-sql.ts).
import type { Session } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import type { DialectSql } from './dialect-sql.js';

/** How long a runner waits for another one to finish */
const LOCK_WAIT_MS = 60 * 60 * 1000;

function granted(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
}

/**
 * Takes the lock, polling instead of blocking: a blocked `pg_advisory_lock` call holds a snapshot,
 * and the other runner's `CREATE INDEX CONCURRENTLY` would wait for it (a deadlock).
 * Returns false when the lock could not be had within an hour.
 */
export async function acquireRunLock(session: Session, sql: DialectSql, onWaiting: (message: string) => void): Promise<boolean> {
  const lock = sql.lock;
  if (lock.kind !== 'session') return true;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let delay = 50;
  for (let attempt = 0; ; attempt += 1) {
    if (granted((await session.run(lock.tryAcquire)).rows[0]?.[0])) return true;
    if (attempt === 0) onWaiting(lock.waitingMessage);
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 1000);
  }
}

/** Releases the lock; a failure here is harmless (the lock goes with the connection). */
export async function releaseRunLock(session: Session, sql: DialectSql): Promise<void> {
  if (sql.lock.kind === 'session') await session.run(sql.lock.release).catch(() => undefined);
}

function isBusy(error: unknown, busyCodes: readonly string[]): boolean {
  return error instanceof AdapterError && busyCodes.some((code) => error.code?.startsWith(code) === true);
}

/**
 * Begins a migration's transaction. Under SQLite's write lock (BEGIN IMMEDIATE) a busy database
 * means another runner is migrating: wait for it like for any other run lock, beyond busy_timeout.
 */
export async function beginTransaction(session: Session, sql: DialectSql, onWaiting: (message: string) => void): Promise<void> {
  const lock = sql.lock;
  if (lock.kind !== 'write-transaction') {
    await session.run(sql.begin);
    return;
  }
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await session.run(sql.begin);
      return;
    } catch (error) {
      if (!isBusy(error, lock.busyCodes) || Date.now() > deadline) throw error;
      if (attempt === 0) onWaiting(lock.waitingMessage);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
