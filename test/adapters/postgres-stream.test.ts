// Streaming through a server-side cursor: a 1,000,000-row result read chunk by chunk with the
// heap staying far below the size of the data, and streams that stop early or are cancelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openPostgresAdapter } from '../../source/adapters/postgres/postgres-adapter.js';
import { pgDsn } from '../helpers/pg-dsn.js';
import { availability } from '../helpers/servers.js';

const MB = 1024 * 1024;

describe.skipIf(!availability().postgres)('postgres adapter: streaming', () => {
  let db: Adapter;
  beforeAll(async () => {
    db = await openPostgresAdapter(pgDsn({ maxConns: 2, maxIdleConns: 2 }));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('reads 1,000,000 rows in chunks with bounded heap', async () => {
    const stream = await db.stream(`SELECT g, repeat('x', 100) AS pad, g::numeric / 7 AS ratio FROM generate_series(1, 1000000) g`, {
      chunkSize: 2000,
    });
    expect(stream.columns).toEqual([
      { name: 'g', type: 'int4' },
      { name: 'pad', type: 'text' },
      { name: 'ratio', type: 'numeric' },
    ]);
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let rows = 0;
    let chars = 0;
    let last = 0;
    for await (const chunk of stream) {
      expect(chunk.length).toBeLessThanOrEqual(2000);
      rows += chunk.length;
      for (const row of chunk) chars += String(row[1]).length + String(row[2]).length;
      last = row0(chunk);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(rows).toBe(1_000_000);
    expect(last).toBe(1_000_000);
    // The text alone is >110 MB as UTF-16 in JS (and far more as row arrays); the heap grows by a
    // small fraction of that because only one chunk is held at a time.
    const dataBytes = chars * 2;
    expect(dataBytes).toBeGreaterThan(200 * MB);
    expect(peak - baseline).toBeLessThan(dataBytes / 4);
    expect(db.poolSnapshot().inUse).toBe(0);
  }, 120_000);

  it('stops early on close and returns the connection', async () => {
    const stream = await db.stream('SELECT g FROM generate_series(1, 100000) g', { chunkSize: 100 });
    let seen = 0;
    for await (const chunk of stream) {
      seen += chunk.length;
      if (seen >= 300) break; // leaving the loop closes the stream
    }
    expect(seen).toBe(300);
    await stream.close();
    expect(db.poolSnapshot().inUse).toBe(0);
    expect((await db.run('SELECT 1')).rows).toEqual([[1]]);
  });

  it('streams an empty result and takes parameters', async () => {
    const stream = await db.stream('SELECT g FROM generate_series(1, $1::int) g WHERE g > 10', { params: [5] });
    const chunks: unknown[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toEqual([]);
    expect(stream.columns).toEqual([{ name: 'g', type: 'int4' }]);
  });

  it('cancels a stream through its AbortSignal', async () => {
    const controller = new AbortController();
    const stream = await db.stream('SELECT g, pg_sleep(CASE WHEN g = 3 THEN 30 ELSE 0 END) FROM generate_series(1, 10) g', {
      chunkSize: 2,
      signal: controller.signal,
    });
    const reading = (async () => {
      for await (const chunk of stream) void chunk;
    })();
    setTimeout(() => controller.abort(), 50);
    await expect(reading).rejects.toMatchObject({ kind: 'cancelled' });
    expect(db.poolSnapshot().inUse).toBe(0);
    expect((await db.run('SELECT 1')).rows).toEqual([[1]]);
  });

  it('streams inside a session without giving the connection back', async () => {
    const session = await db.session();
    await session.run('CREATE TEMP TABLE pgstream_tmp AS SELECT g FROM generate_series(1, 2500) g');
    const stream = await session.stream('SELECT g FROM pgstream_tmp ORDER BY g', { chunkSize: 1000 });
    const sizes: number[] = [];
    for await (const chunk of stream) sizes.push(chunk.length);
    expect(sizes).toEqual([1000, 1000, 500]);
    expect((await session.run('SELECT count(*) FROM pgstream_tmp')).rows).toEqual([['2500']]);
    await session.release();
  });
});

function row0(chunk: unknown[][]): number {
  return Number(chunk[chunk.length - 1]![0]);
}
