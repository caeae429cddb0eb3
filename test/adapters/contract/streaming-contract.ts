// A large result read in chunks at the consumer's pace: chunk sizes respect the request and the
// live heap stays far below the size of the whole result.
import { expect, it } from 'vitest';
import { liveHeapBytes } from './heap-probe.js';
import type { ContractContext } from './contract-context.js';

const ROWS = 200_000;
const PAD = 500;
const CHUNK = 1000;
/** The whole result is ~100 MB of text; a bounded stream keeps a few chunks (~1 MB) alive. */
const HEAP_BOUND = 48 * 1024 * 1024;

export function streamingContract(ctx: ContractContext): void {
  it(`streams ${ROWS.toLocaleString('en')} rows in chunks with bounded memory`, { timeout: 120_000 }, async () => {
    const baseline = liveHeapBytes();
    const stream = await ctx.adapter().stream(ctx.sql.series(ROWS, PAD), { chunkSize: CHUNK });
    expect(stream.columns.map((column) => column.name)).toEqual(['n', 'pad']);
    let count = 0;
    let chunks = 0;
    let peak = 0;
    let last = 0;
    try {
      for await (const chunk of stream) {
        expect(chunk.length).toBeGreaterThan(0);
        expect(chunk.length).toBeLessThanOrEqual(CHUNK);
        for (const row of chunk) {
          expect(Number(row[0])).toBe(last + 1);
          last += 1;
        }
        expect(String(chunk[0]![1])).toHaveLength(PAD);
        count += chunk.length;
        chunks += 1;
        if (chunks % 25 === 0) peak = Math.max(peak, liveHeapBytes() - baseline);
      }
    } finally {
      await stream.close();
    }
    expect(count).toBe(ROWS);
    expect(chunks).toBeGreaterThanOrEqual(ROWS / CHUNK);
    expect(peak).toBeLessThan(HEAP_BOUND);
    await stream.close();
    // The connection is free again.
    expect((await ctx.adapter().run('SELECT 1')).rows).toHaveLength(1);
  });

  it('stops early when the consumer closes the stream, and the connection is reusable', async () => {
    const stream = await ctx.adapter().stream(ctx.sql.series(50_000, 10), { chunkSize: 100 });
    for await (const chunk of stream) {
      expect(chunk.length).toBeLessThanOrEqual(100);
      break;
    }
    await stream.close();
    expect((await ctx.adapter().run('SELECT 1')).rows).toHaveLength(1);
  });
}
