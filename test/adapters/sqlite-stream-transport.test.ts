// Streaming over the worker process: rows cross as JSON text per chunk with one chunk of
// read-ahead. Values must come out exactly as run() returns them, including the numbers JSON
// cannot spell (Infinity, -0), and a stream stopped early must leave the connection usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Row } from '../../source/adapters/adapter.js';
import { openDsn, sqliteTestFolder } from './sqlite-test-files.js';

const folder = sqliteTestFolder();
afterAll(() => folder.remove());

async function streamAll(db: Adapter, sql: string, chunkSize: number): Promise<Row[][]> {
  const stream = await db.stream(sql, { chunkSize });
  const chunks: Row[][] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('sqlite stream transport (worker process)', () => {
  let db: Adapter;
  beforeAll(async () => {
    db = await openDsn(`sqlite://${folder.file('transport.sqlite')}`);
    await db.run('CREATE TABLE transported (id INTEGER PRIMARY KEY, big INTEGER, real REAL, text TEXT, blob BLOB)');
    await db.run(`WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 2500)
      INSERT INTO transported (big, real, text, blob)
      SELECT CASE WHEN value % 3 = 0 THEN 9223372036854775807 ELSE value END, value * 0.5,
             'row ' || value || ' "quoted", comma' || char(10) || char(128512), CASE WHEN value % 2 = 0 THEN x'00ff' END
      FROM n`);
  });
  afterAll(() => db.close());

  it('streams the same values as run() returns, in chunks of the size asked for', async () => {
    const expected = (await db.run('SELECT * FROM transported ORDER BY id')).rows;
    expect(expected).toHaveLength(2500);
    expect(expected[2]).toEqual([3, '9223372036854775807', 1.5, expect.stringContaining('"quoted", comma\n'), null]);
    const chunks = await streamAll(db, 'SELECT * FROM transported ORDER BY id', 1000);
    expect(chunks.map((chunk) => chunk.length)).toEqual([1000, 1000, 500]);
    expect(chunks.flat()).toEqual(expected);
  });

  it('keeps Infinity, -Infinity and -0 exact', async () => {
    const sql = 'SELECT 9e999, -9e999, -0.0, 0.0, 1.5 UNION ALL SELECT 1, 2, 3, 4, 5';
    const expected = (await db.run(sql)).rows;
    expect(expected[0]?.slice(0, 2)).toEqual([Infinity, -Infinity]);
    const streamed = (await streamAll(db, sql, 1)).flat();
    expect(streamed).toEqual(expected);
    expect(Object.is(streamed[0]?.[2], expected[0]?.[2])).toBe(true);
  });

  it('round-trips a 10 MB blob and a 10 MB text value', async () => {
    const rows = (
      await streamAll(db, "SELECT hex(zeroblob(5)), zeroblob(10 * 1024 * 1024), printf('%.*c', 10 * 1024 * 1024, 'x')", 10)
    ).flat();
    expect(rows).toHaveLength(1);
    const [, blob, text] = rows[0]!;
    expect(typeof blob === 'string' && blob.length).toBe(20 * 1024 * 1024);
    expect(typeof blob === 'string' && /^0+$/.test(blob)).toBe(true);
    expect(typeof text === 'string' && text.length).toBe(10 * 1024 * 1024);
    expect((await db.run('SELECT length(zeroblob(10 * 1024 * 1024))')).rows).toEqual([[10 * 1024 * 1024]]);
  });

  it('a stream left after its first chunk (read-ahead in flight) leaves the connection usable', async () => {
    for (let round = 0; round < 3; round += 1) {
      const stream = await db.stream('SELECT id FROM transported ORDER BY id', { chunkSize: 100 });
      for await (const chunk of stream) {
        expect(chunk[0]).toEqual([1]);
        break;
      }
      await stream.close();
    }
    const other = await db.stream('SELECT id FROM transported ORDER BY id', { chunkSize: 100 });
    const first = await other[Symbol.asyncIterator]().next();
    await other.close();
    expect(first.value?.[0]).toEqual([1]);
    expect((await db.run('SELECT count(*) FROM transported')).rows).toEqual([[2500]]);
  });
});

describe('sqlite page cache', () => {
  it("defaults to SQLite's 2 MB (as documented for _cache_size); the DSN still overrides it", async () => {
    const plain = await openDsn(`sqlite://${folder.file('cache.sqlite')}`);
    const tuned = await openDsn(`sqlite://${folder.file('cache.sqlite')}?_cache_size=-8000`);
    try {
      expect((await plain.run('PRAGMA cache_size')).rows).toEqual([[-2000]]);
      expect((await tuned.run('PRAGMA cache_size')).rows).toEqual([[-8000]]);
    } finally {
      await plain.close();
      await tuned.close();
    }
  });
});
