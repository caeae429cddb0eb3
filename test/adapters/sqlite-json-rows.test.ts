// Rows rendered as JSON by SQLite itself (json-rows-query.ts): the worker process streams every
// result that reads table columns this way, and a consumer may ask for the JSON text in this
// process (jsonText). Either way the values must be exactly those run() returns: integers past
// 2^53 as strings, blobs as hex, REAL to the last bit (±Infinity, -0 included), text with quotes,
// control characters, NUL and JSON-looking content untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Row } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { parseJsonRows } from '../../source/adapters/json-rows.js';
import { sqliteTestFolder } from './sqlite-test-files.js';

const folder = sqliteTestFolder();
const file = folder.file('json-rows.sqlite');
afterAll(() => folder.remove());

const EDGE_ROWS = `INSERT INTO edge (i, r, t, b, n) VALUES
  (9223372036854775807, 9e999, '{"a": 1}', x'00ff10', NULL),
  (-9223372036854775808, -9e999, 'say "hi", then' || char(10) || 'go' || char(13), x'', 1),
  (9007199254740991, -0.0, '', NULL, 2.5),
  (9007199254740992, 0.1 + 0.2, 'NULL', zeroblob(3), 'text in a numeric column'),
  (-9007199254740991, 1.0 / 3, 'nul' || char(0) || 'inside', NULL, x'cafe'),
  (0, 1e21, '🙂 ünïcödé ' || char(8238) || ' bidi', NULL, 9223372036854775807),
  (1, 1e-7, char(27) || '[31mred', NULL, -0.0),
  (NULL, 100.0, '[1,2]', NULL, 1e300)`;

async function streamAll(adapter: Adapter, sql: string, options: { jsonText?: boolean; params?: (string | number)[] } = {}) {
  const stream = await adapter.stream(sql, { chunkSize: 3, ...options });
  const hasJson = stream.jsonChunks !== undefined;
  const rows: Row[] = [];
  if (stream.jsonChunks) for await (const chunk of stream.jsonChunks()) rows.push(...parseJsonRows(chunk.json));
  else for await (const chunk of stream) rows.push(...chunk);
  return { rows, hasJson };
}

function sameValues(actual: Row[], expected: Row[]): void {
  expect(actual).toEqual(expected);
  // toEqual treats -0 and 0 alike: check the sign bit too.
  actual.forEach((row, r) => row.forEach((value, c) => expect(Object.is(value, expected[r]![c])).toBe(true)));
}

beforeAll(async () => {
  const setup = await openAdapter(parseDsn(`sqlite://${file}`), { inProcess: true });
  await setup.run('CREATE TABLE edge (id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB, n)');
  await setup.run(EDGE_ROWS);
  await setup.close();
});

describe.each([
  ['worker process (the console)', false],
  ['this process (the CLI)', true],
])('rows rendered as JSON by SQLite: %s', (_label, inProcess) => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await openAdapter(parseDsn(`sqlite://${file}`), { inProcess });
  });
  afterAll(() => adapter.close());

  it('table columns stream as JSON with exactly the values run() returns', async () => {
    const expected = (await adapter.run('SELECT * FROM edge ORDER BY id')).rows;
    expect(expected[0]).toEqual([1, '9223372036854775807', Infinity, '{"a": 1}', '00ff10', null]);
    expect(expected[3]?.[2]).toBe(0.30000000000000004);
    expect(expected[4]?.[3]).toBe('nul\0inside');
    const { rows, hasJson } = await streamAll(adapter, 'SELECT * FROM edge ORDER BY id', { jsonText: true });
    expect(hasJson).toBe(true);
    sameValues(rows, expected);
    // Without jsonText the row stream gives the same values (the worker process uses JSON inside).
    sameValues((await streamAll(adapter, 'SELECT * FROM edge ORDER BY id')).rows, expected);
  });

  it('keeps the query order, limits, parameters, duplicate names and a trailing comment', async () => {
    const sql =
      'SELECT e.t, f.t, e.id FROM edge e JOIN edge f ON f.id = e.id WHERE e.id > ? ORDER BY e.id DESC LIMIT 4 OFFSET 1 -- newest first';
    const expected = (await adapter.run(sql, { params: [1] })).rows;
    expect(expected.map((row) => row[2])).toEqual([7, 6, 5, 4]);
    const { rows, hasJson } = await streamAll(adapter, sql, { jsonText: true, params: [1] });
    expect(hasJson).toBe(true);
    sameValues(rows, expected);
  });

  it('a statement of its own WITH clause is rendered too', async () => {
    const sql = 'WITH recent AS (SELECT * FROM edge WHERE id > 5) SELECT i, r FROM recent ORDER BY id';
    const { rows, hasJson } = await streamAll(adapter, sql, { jsonText: true });
    expect(hasJson).toBe(true);
    sameValues(rows, (await adapter.run(sql)).rows);
  });

  it('expressions, PRAGMA and RETURNING take the value path with the same results', async () => {
    for (const sql of [
      "SELECT json_object('a', i), random() * 0, i + 1 FROM edge ORDER BY id",
      'PRAGMA table_info(edge)',
      'SELECT 1 AS one',
    ]) {
      const { rows, hasJson } = await streamAll(adapter, sql, { jsonText: true });
      expect(hasJson).toBe(false);
      sameValues(rows, (await adapter.run(sql)).rows);
    }
    expect((await streamAll(adapter, "SELECT json_object('a', i) FROM edge WHERE id = 1")).rows).toEqual([['{"a":9223372036854775807}']]);
  });

  it('an empty result gives no chunk and releases the connection', async () => {
    const { rows, hasJson } = await streamAll(adapter, 'SELECT * FROM edge WHERE id < 0', { jsonText: true });
    expect(hasJson).toBe(true);
    expect(rows).toEqual([]);
    expect((await adapter.run('SELECT count(*) FROM edge')).rows).toEqual([[8]]);
  });
});

describe('passing over rows in the worker process (RowStream.tail, the console following a result to its end)', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await openAdapter(parseDsn(`sqlite://${file}`));
    await adapter.run('CREATE TABLE IF NOT EXISTS many (id INTEGER PRIMARY KEY, v TEXT, r REAL)');
    await adapter.run(
      `WITH RECURSIVE g(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM g WHERE k < 2500) INSERT INTO many (v, r) SELECT 'v' || k, k * 0.25 FROM g`,
    );
  });
  afterAll(() => adapter.close());

  it('returns the last rows of each step and counts the rest, after the chunks already read ahead', async () => {
    const all = (await adapter.run('SELECT * FROM many ORDER BY id')).rows;
    const stream = await adapter.stream('SELECT * FROM many ORDER BY id', { chunkSize: 100 });
    expect(stream.tail).toBeDefined();
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toEqual(all.slice(0, 100));
    // Two chunks were requested ahead (rows 100-299): they are part of the first step.
    let position = 100;
    const steps: { skipped: number; rows: number; done: boolean }[] = [];
    for (;;) {
      const step = await stream.tail!(50, 1000);
      position += step.skipped;
      expect(step.rows).toEqual(all.slice(position, position + step.rows.length));
      position += step.rows.length;
      steps.push({ skipped: step.skipped, rows: step.rows.length, done: step.done });
      if (step.done) break;
    }
    expect(position).toBe(2500);
    expect(steps[0]).toEqual({ skipped: 1150, rows: 50, done: false });
    expect(steps.at(-1)?.done).toBe(true);
    expect((await iterator.next()).done).toBe(true);
    expect((await adapter.run('SELECT count(*) FROM many')).rows).toEqual([[2500]]);
  });

  it('in this process (the CLI) rows are read anyway: no tail', async () => {
    const inProcess = await openAdapter(parseDsn(`sqlite://${file}`), { inProcess: true });
    try {
      const stream = await inProcess.stream('SELECT * FROM many');
      expect(stream.tail).toBeUndefined();
      await stream.close();
    } finally {
      await inProcess.close();
    }
  });
});
