// Streams every row of the benchmark table with the raw driver, positional rows, 1000 per chunk,
// into a null sink. Prints {rows, ms, cpuMs} (query start to last row: wall time, and CPU of this process tree) as JSON.
// Usage: node stream-raw.mjs postgres|mysql|sqlite [text]
// `text` turns off the driver's date parsing (pg: every value as its text; mysql2: dateStrings),
// the floor for an adapter that normalises dates to ISO strings itself.
import { performance } from 'node:perf_hooks';
import { MYSQL, PG, SELECT_ALL, SQLITE_FILE } from '../lib/environment.mjs';
import { ticksPerSecond, treeCpuTicks } from '../lib/proc-stat.mjs';

/** CPU of this process and its children (the adapter's SQLite worker is one), in ms. */
const treeCpuMs = () => (treeCpuTicks(process.pid) * 1000) / ticksPerSecond();

const CHUNK = 1000;
const backend = process.argv[2];
const text = process.argv[3] === 'text';
let rows = 0;
let started;
let cpuStart;

if (backend === 'postgres') {
  const { default: pg } = await import('pg');
  const { default: Cursor } = await import('pg-cursor');
  const client = new pg.Client(PG);
  await client.connect();
  started = performance.now();
  cpuStart = treeCpuMs();
  const cursor = client.query(
    new Cursor(SELECT_ALL, [], { rowMode: 'array', ...(text ? { types: { getTypeParser: () => (value) => value } } : {}) }),
  );
  for (;;) {
    const chunk = await cursor.read(CHUNK);
    if (chunk.length === 0) break;
    rows += chunk.length;
  }
  await cursor.close();
  finish();
  await client.end();
} else if (backend === 'mysql') {
  const { default: mysql } = await import('mysql2');
  const conn = mysql.createConnection({ ...MYSQL, dateStrings: text });
  await new Promise((resolve, reject) => conn.connect((error) => (error ? reject(error) : resolve())));
  started = performance.now();
  cpuStart = treeCpuMs();
  // Row events: the driver's cheapest streaming path (`for await` over .stream() adds a promise per row).
  await new Promise((resolve, reject) => {
    conn
      .query({ sql: SELECT_ALL, rowsAsArray: true })
      .on('result', () => {
        rows++;
      })
      .on('error', reject)
      .on('end', resolve);
  });
  finish();
  conn.end();
} else if (backend === 'sqlite') {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(SQLITE_FILE, { readonly: true });
  started = performance.now();
  cpuStart = treeCpuMs();
  for (const _row of db.prepare(SELECT_ALL).raw().iterate()) rows++;
  finish();
  db.close();
} else {
  throw new Error(`unknown backend ${backend}`);
}

function finish() {
  process.stdout.write(`${JSON.stringify({ rows, ms: performance.now() - started, cpuMs: treeCpuMs() - cpuStart })}\n`);
}
