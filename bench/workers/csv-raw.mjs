// The Node floor for case 2: every row of the benchmark table as CSV on stdout, straight from the
// raw driver (values as text, no date parsing), written in 64 KB pieces. What any JS exporter
// built on these drivers pays at least, without an adapter or a result writer.
// Usage: node csv-raw.mjs postgres|mysql|sqlite
import { MYSQL, PG, SELECT_ALL, SQLITE_FILE } from '../lib/environment.mjs';

const backend = process.argv[2];
const NEEDS_QUOTES = /[",\r\n]/;
let buffer = '';

function field(value) {
  if (value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Appends one row; true when the buffer is full and should be flushed. */
function emit(row) {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i > 0 ? ',' : '') + field(row[i]);
  buffer += `${line}\n`;
  return buffer.length >= 65536;
}

async function flush() {
  const ok = process.stdout.write(buffer);
  buffer = '';
  if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

if (backend === 'postgres') {
  const { default: pg } = await import('pg');
  const { default: Cursor } = await import('pg-cursor');
  const client = new pg.Client(PG);
  await client.connect();
  const cursor = client.query(new Cursor(SELECT_ALL, [], { rowMode: 'array', types: { getTypeParser: () => (v) => v } }));
  for (;;) {
    const chunk = await cursor.read(1000);
    if (chunk.length === 0) break;
    for (const row of chunk) if (emit(row)) await flush();
  }
  await cursor.close();
  await client.end();
} else if (backend === 'mysql') {
  const { default: mysql } = await import('mysql2');
  const conn = mysql.createConnection({ ...MYSQL, dateStrings: true });
  // Row events (not `for await` over .stream(), which costs a promise per row); pause on backpressure.
  await new Promise((resolve, reject) => {
    conn
      .query({ sql: SELECT_ALL, rowsAsArray: true })
      .on('result', (row) => {
        if (!emit(row)) return;
        const ok = process.stdout.write(buffer);
        buffer = '';
        if (!ok) {
          conn.pause();
          process.stdout.once('drain', () => conn.resume());
        }
      })
      .on('error', reject)
      .on('end', resolve);
  });
  conn.end();
} else if (backend === 'sqlite') {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(SQLITE_FILE, { readonly: true });
  for (const row of db.prepare(SELECT_ALL).raw().iterate()) if (emit(row)) await flush();
  db.close();
} else {
  throw new Error(`unknown backend ${backend}`);
}
await flush();
