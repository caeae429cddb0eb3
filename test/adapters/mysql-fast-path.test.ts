// The MySQL row fast path (source/adapters/mysql/mysql-row-hooks.ts, written against mysql2's
// private fields) is really taken: rows of a stream leave mysql2 at its packet framing, and the
// values are the same as mysql2's own parser gives. Switched off, every row would still arrive
// (only slower), so only these counters can tell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Row } from '../../source/adapters/adapter.js';
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { fastPathRows } from '../../source/adapters/mysql/mysql-row-hooks.js';
import { MYSQL_TEST_DB, ensureDatabase, mysqlDsn } from '../helpers/mariadb-test-db.js';
import { availability } from '../helpers/servers.js';

const DIGITS = `(${Array.from({ length: 10 }, (_, digit) => `SELECT ${digit} AS d`).join(' UNION ALL ')})`;
const ROWS = 10_000;
const SQL = `SELECT a.d + b.d * 10 + c.d * 100 + e.d * 1000 AS n, CONCAT('row-', a.d, b.d) AS label, CAST('2024-01-02 03:04:05' AS DATETIME) AS ts, IF(a.d = 0, NULL, CONCAT('x', a.d)) AS maybe
  FROM ${DIGITS} a, ${DIGITS} b, ${DIGITS} c, ${DIGITS} e ORDER BY n`;

async function streamAll(adapter: Adapter): Promise<Row[]> {
  const rows: Row[] = [];
  const stream = await adapter.stream(SQL, { chunkSize: 1000 });
  for await (const chunk of stream) rows.push(...chunk);
  return rows;
}

describe.skipIf(!availability().mysql)('MySQL row fast path', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    await ensureDatabase(MYSQL_TEST_DB);
    adapter = await openMysqlAdapter(mysqlDsn('max_conns=2'));
  });
  afterAll(async () => {
    await adapter?.close();
  });

  it('takes every row of a stream, with the values run() gives', async () => {
    const before = { ...fastPathRows };
    const rows = await streamAll(adapter);
    expect(rows).toHaveLength(ROWS);
    const taken = { shortcut: fastPathRows.shortcut - before.shortcut, parser: fastPathRows.parser - before.parser };
    expect(taken.shortcut + taken.parser).toBe(ROWS);
    // A plain stream leaves mysql2 at the packet framing for (nearly) every row.
    expect(taken.shortcut).toBeGreaterThan(ROWS / 2);
    // run() goes mysql2's ordinary way: the same values.
    const ordinary = (await adapter.run(SQL)).rows;
    expect(rows).toEqual(ordinary);
    expect(rows[1230]).toEqual([ordinary[1230]![0], 'row-03', ordinary[1230]![2], null]);
    expect(rows[1234]![3]).toBe('x4');
  });
});
