// Row streaming from MariaDB: a 1,000,000-row result read chunk by chunk with bounded memory,
// closing early and cancelling leave the connection usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { MYSQL_TEST_DB, ensureDatabase, mysqlDsn } from '../helpers/mariadb-test-db.js';
import { availability } from '../helpers/servers.js';

const DIGITS = `(${Array.from({ length: 10 }, (_, digit) => `SELECT ${digit} AS d`).join(' UNION ALL ')})`;
/** 0 .. 999,999 without a recursive CTE (MariaDB caps recursion at max_recursive_iterations). */
const MILLION_ROWS = `SELECT a.d + b.d * 10 + c.d * 100 + e.d * 1000 + f.d * 10000 + g.d * 100000 AS n, CONCAT('row-', a.d, b.d, c.d) AS label
  FROM ${DIGITS} a, ${DIGITS} b, ${DIGITS} c, ${DIGITS} e, ${DIGITS} f, ${DIGITS} g`;

describe.skipIf(!availability().mysql)('MySQL row streaming', () => {
  let adapter: Adapter;

  beforeAll(async () => {
    await ensureDatabase(MYSQL_TEST_DB);
    adapter = await openMysqlAdapter(mysqlDsn('max_conns=2'));
  });

  afterAll(async () => {
    await adapter?.close();
  });

  it('streams 1,000,000 rows in chunks with memory bounded by the chunk size', async () => {
    const stream = await adapter.stream(MILLION_ROWS, { chunkSize: 2000 });
    expect(stream.columns.map((column) => column.name)).toEqual(['n', 'label']);
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let rows = 0;
    let sum = 0;
    let chunks = 0;
    for await (const chunk of stream) {
      expect(chunk.length).toBeLessThanOrEqual(2000);
      rows += chunk.length;
      for (const row of chunk) sum += Number(row[0]);
      if (++chunks % 25 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(rows).toBe(1_000_000);
    expect(sum).toBe((999_999 * 1_000_000) / 2);
    // Holding every row would take well over 100 MB of heap.
    expect(peak - baseline).toBeLessThan(48 * 1024 * 1024);
    expect(adapter.poolSnapshot()).toMatchObject({ inUse: 0 });
  }, 60_000);

  it('reads at the consumer pace: a paused consumer does not make the buffer grow', async () => {
    const stream = await adapter.stream(MILLION_ROWS, { chunkSize: 500 });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toHaveLength(500);
    const heapBefore = process.memoryUsage().heapUsed;
    // While the consumer does nothing, the server keeps the rows (the socket is paused).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(16 * 1024 * 1024);
    const second = await iterator.next();
    expect(Number((second.value as unknown[][])[0]?.[0])).toBe(500);
    await stream.close();
    await stream.close();
  });

  it('wide rows: a busy consumer stops the reading by bytes, long before chunks pile up', async () => {
    // 3,000 rows of 32 KB (96 MB) in chunks of 1,000: four waiting chunks would be 128 MB.
    const wide = `SELECT a.d + b.d * 10 + c.d * 100 AS n, REPEAT('x', 32768) AS pad FROM ${DIGITS} a, ${DIGITS} b, ${DIGITS} c, ${DIGITS} e LIMIT 3000`;
    const stream = await adapter.stream(wide, { chunkSize: 1000 });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toHaveLength(1000);
    const heapBefore = process.memoryUsage().heapUsed;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
    let rows = 1000;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      rows += (next.value as unknown[]).length;
    }
    expect(rows).toBe(3000);
  }, 30_000);

  it('closing a stream early hands back a usable connection', async () => {
    const session = await adapter.session();
    try {
      const id = (await session.run('SELECT CONNECTION_ID()')).rows[0]?.[0];
      const stream = await session.stream(MILLION_ROWS, { chunkSize: 100 });
      let seen = 0;
      for await (const chunk of stream) {
        seen += chunk.length;
        if (seen >= 300) break;
      }
      expect(seen).toBe(300);
      expect((await session.run('SELECT CONNECTION_ID(), 1')).rows[0]).toEqual([id, 1]);
    } finally {
      await session.release();
    }
    const pooled = await adapter.stream(MILLION_ROWS, { chunkSize: 100 });
    await pooled.close();
    expect((await adapter.run('SELECT 3')).rows).toEqual([[3]]);
  }, 20_000);

  it('the KILL that stops an abandoned stream never reaches the next statement', async () => {
    const session = await adapter.session();
    try {
      for (let round = 0; round < 5; round++) {
        // Small enough that the server has sent everything before the KILL arrives.
        const stream = await session.stream(`SELECT a.d FROM ${DIGITS} a, ${DIGITS} b`, { chunkSize: 10 });
        const iterator = stream[Symbol.asyncIterator]();
        expect((await iterator.next()).value).toHaveLength(10);
        await stream.close();
        expect((await session.run('SELECT SLEEP(0.05), 1')).rows).toEqual([[0, 1]]);
      }
    } finally {
      await session.release();
    }
  }, 20_000);

  it('session streams that fail to open or end at once leave the session usable', async () => {
    const session = await adapter.session();
    try {
      await expect(session.stream('SELECT * FROM')).rejects.toMatchObject({ kind: 'syntax' });
      const tiny = await session.stream('SELECT 1 UNION ALL SELECT 2');
      const chunks: unknown[] = [];
      for await (const chunk of tiny) chunks.push(chunk);
      expect(chunks).toEqual([[[1], [2]]]);
      const none = await session.stream('DO 1');
      expect(none.columns).toEqual([]);
      expect((await session.run('SELECT 6')).rows).toEqual([[6]]);
    } finally {
      await session.release();
    }
  });

  it('releasing a session closes a stream the caller left open', async () => {
    const session = await adapter.session();
    const stream = await session.stream(MILLION_ROWS, { chunkSize: 100 });
    expect((await stream[Symbol.asyncIterator]().next()).value).toHaveLength(100);
    await session.release();
    expect(adapter.poolSnapshot()).toMatchObject({ inUse: 0 });
    expect((await adapter.run('SELECT 5')).rows).toEqual([[5]]);
  }, 20_000);

  it('a stream is cancelled through its signal, and a failing statement is reported when opened', async () => {
    // Cancelled while the server is still working on the first row...
    const early = new AbortController();
    setTimeout(() => early.abort(), 100);
    await expect(adapter.stream('SELECT SLEEP(30)', { signal: early.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    // ...and in the middle of the rows.
    const controller = new AbortController();
    const stream = await adapter.stream(MILLION_ROWS, { chunkSize: 100, signal: controller.signal });
    const consume = async () => {
      let seen = 0;
      for await (const chunk of stream) {
        seen += chunk.length;
        if (seen === 200) controller.abort();
      }
    };
    await expect(consume()).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(adapter.stream('SELECT * FROM dsnsh_no_such_table')).rejects.toMatchObject({ kind: 'other', code: '1146' });
    const empty = await adapter.stream('SELECT 1 FROM DUAL WHERE 1 = 0');
    const chunks: unknown[] = [];
    for await (const chunk of empty) chunks.push(chunk);
    expect(chunks).toEqual([]);
    expect((await adapter.run('SELECT 4')).rows).toEqual([[4]]);
    expect(adapter.poolSnapshot()).toMatchObject({ inUse: 0 });
  }, 20_000);
});
