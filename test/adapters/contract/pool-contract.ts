// Pool limits: many concurrent statements never open more connections than allowed (max_conns
// where the backend has concurrent sessions, one otherwise); the extra callers are seen waiting.
import { expect, it } from 'vitest';
import { AdapterError } from '../../../source/adapters/adapter-error.js';
import type { ContractContext } from './contract-context.js';

const MAX_CONNS = 5;
const CALLERS = 50;

export function poolContract(ctx: ContractContext): void {
  it(`runs ${CALLERS} concurrent statements within the connection limit`, { timeout: 30_000 }, async () => {
    const db = await ctx.open({ max_conns: String(MAX_CONNS), max_idle_conns: String(MAX_CONNS) });
    try {
      const limit = db.capabilities.concurrentSessions ? MAX_CONNS : 1;
      let peakOpen = 0;
      let peakInUse = 0;
      let sawWaiting = false;
      const sample = () => {
        const snapshot = db.poolSnapshot();
        peakOpen = Math.max(peakOpen, snapshot.open);
        peakInUse = Math.max(peakInUse, snapshot.inUse);
        if (snapshot.waiting > 0) sawWaiting = true;
        expect(snapshot.idle + snapshot.inUse).toBeLessThanOrEqual(snapshot.open);
      };
      const sampler = setInterval(sample, 5);
      try {
        const runs = Array.from({ length: CALLERS }, () => db.run(ctx.sql.shortBusyStatement));
        await Promise.resolve();
        sample();
        const results = await Promise.all(runs);
        expect(results).toHaveLength(CALLERS);
      } finally {
        clearInterval(sampler);
      }
      sample();
      expect(peakOpen).toBeLessThanOrEqual(limit);
      expect(peakInUse).toBeLessThanOrEqual(limit);
      expect(peakInUse).toBeGreaterThan(0);
      expect(sawWaiting).toBe(true);
      const snapshot = db.poolSnapshot();
      expect(snapshot.waiting).toBe(0);
      expect(snapshot.inUse).toBe(0);
      expect(snapshot.maxConns).toBe(db.dsn.pool.maxConns);
    } finally {
      await db.close();
    }
  });
}

/**
 * A background reader (RunOptions.ifConnectionFree) never queues: with every connection held by
 * a session it fails at once with kind 'busy', nothing waits, and once the session is released
 * the same read runs.
 */
export function freeConnectionContract(ctx: ContractContext): void {
  it('ifConnectionFree fails with kind busy instead of queueing while a session holds the only connection', async () => {
    const db = await ctx.open({ max_conns: '1', max_idle_conns: '1' });
    try {
      const session = await db.session();
      const busy = await db.run('select 1', { ifConnectionFree: true }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(busy).toBeInstanceOf(AdapterError);
      expect((busy as AdapterError).kind).toBe('busy');
      const facts = await db.serverFacts({ ifConnectionFree: true }).then(
        () => null,
        (error: unknown) => error,
      );
      expect((facts as AdapterError).kind).toBe('busy');
      const tables = await db.introspect.tables(undefined, { ifConnectionFree: true }).then(
        () => null,
        (error: unknown) => error,
      );
      expect((tables as AdapterError).kind).toBe('busy');
      expect(db.poolSnapshot().waiting).toBe(0);
      expect((await session.run('select 2 as n')).rows).toEqual([[2]]);
      await session.release();
      expect((await db.run('select 3 as n', { ifConnectionFree: true })).rows).toEqual([[3]]);
    } finally {
      await db.close();
    }
  });
}

/**
 * Callers queued for a connection (every one held by a session): one whose signal aborts leaves
 * the queue with kind 'cancelled'; close() fails those still queued instead of leaving them
 * waiting forever, and a second close() is harmless.
 */
export function queueContract(ctx: ContractContext): void {
  it('a queued caller can give up through its signal; close() fails the callers still queued', async () => {
    const db = await ctx.open({ max_conns: '1', max_idle_conns: '1' });
    try {
      const session = await db.session();
      const controller = new AbortController();
      const givingUp = db.run('select 1', { signal: controller.signal });
      const staying = db.run('select 2');
      await Promise.resolve();
      expect(db.poolSnapshot().waiting).toBe(2);
      controller.abort();
      await expect(givingUp).rejects.toMatchObject({ kind: 'cancelled' });
      expect(db.poolSnapshot().waiting).toBe(1);

      const closing = db.close();
      const failed = await staying.then(
        () => null,
        (error: unknown) => error,
      );
      expect(failed).toBeInstanceOf(AdapterError);
      await session.release();
      await closing;
    } finally {
      await db.close();
    }
  });
}
