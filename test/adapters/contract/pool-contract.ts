// Pool limits: many concurrent statements never open more connections than allowed (max_conns
// where the backend has concurrent sessions, one otherwise); the extra callers are seen waiting.
import { expect, it } from 'vitest';
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
