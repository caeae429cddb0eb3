// The stream's own row parser (mysql-row-parser.ts) against the values run() gives through
// mysql2's parser and the normaliser: the same values for every column kind it takes over, at
// the edges of each (NULL, empty, length prefixes of 1, 3 and 4 bytes, non-ASCII text, dates it
// leaves to the formatter), under each kind of DATETIME formatter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Row } from '../../source/adapters/adapter.js';
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { MYSQL_TEST_DB, ensureDatabase, mysqlDsn } from '../helpers/mariadb-test-db.js';
import { availability } from '../helpers/servers.js';

const TABLE = 'row_parser_values';
const LONG_300 = 'x'.repeat(299) + 'é';
const LONG_70K = 'abc,"def"\n'.repeat(7000);

async function streamAll(adapter: Adapter, sql: string): Promise<Row[]> {
  const stream = await adapter.stream(sql, { chunkSize: 3 });
  const rows: Row[] = [];
  for await (const chunk of stream) rows.push(...chunk);
  return rows;
}

describe.skipIf(!availability().mysql)('MySQL stream row parser', () => {
  let adapter: Adapter;

  beforeAll(async () => {
    await ensureDatabase(MYSQL_TEST_DB);
    adapter = await openMysqlAdapter(mysqlDsn());
    await adapter.runScript(`
      DROP TABLE IF EXISTS ${TABLE};
      CREATE TABLE ${TABLE} (
        id INT, ti TINYINT, si SMALLINT, mi MEDIUMINT, ui INT UNSIGNED, y YEAR, bi BIGINT, de DECIMAL(30,10),
        d DATE, dt DATETIME, dt6 DATETIME(6), ts TIMESTAMP NULL, tm TIME,
        vc VARCHAR(400), tx MEDIUMTEXT, lat VARCHAR(20) CHARACTER SET latin1, bl BLOB, vb VARBINARY(8)
      ) CHARACTER SET utf8mb4;
      INSERT INTO ${TABLE} VALUES
        (1, -128, -32768, -8388608, 4294967295, 1901, -9223372036854775808, -12345678901234567890.0123456789,
         '1000-01-01', '2024-07-01 12:34:56', '2024-07-01 12:34:56.000001', '2024-01-15 08:00:00', '-838:59:59',
         '', 'a', 'café', x'', x'00'),
        (2, 0, 0, 0, 0, 2155, 0, 0, '9999-12-31', '0999-12-31 23:59:59', '0000-00-00 00:00:00', NULL, '00:00:00',
         'NULL', '${LONG_300}', '', x'00ff10', x'cafebabe'),
        (3, 127, 32767, 8388607, 7, 2024, 9223372036854775807, 0.5, '2024-02-29', '0000-00-00 00:00:00', '9999-12-31 23:59:59.999999',
         '2038-01-19 03:14:07', '838:59:59', 'sixteen chars ok', '${LONG_70K}', 'x', NULL, x''),
        (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         'seventeen chars!!', '日本語 😀', NULL, NULL, NULL),
        (5, 1, 2, 3, 4, 2000, 5, 6, '2024-01-01', '2024-03-31 01:59:59', '2024-10-27 02:30:00.5', '2024-03-10 10:00:00', '12:00:00',
         'a,b', 'quote "q"', 'ÿ', x'ff', x'7f')`);
  });

  afterAll(async () => {
    await adapter?.run(`DROP TABLE IF EXISTS ${TABLE}`).catch(() => undefined);
    await adapter?.close();
  });

  it('streams the same values as run() for every kind it parses, with NULLs and long values', async () => {
    const sql = `SELECT * FROM ${TABLE} ORDER BY id`;
    const expected = (await adapter.run(sql)).rows;
    expect(expected).toHaveLength(5);
    expect(await streamAll(adapter, sql)).toEqual(expected);
  });

  it('gives exact values (UTC with parseTime, as Ory forces it)', async () => {
    const rows = await streamAll(adapter, `SELECT id, ui, bi, de, d, dt, dt6, ts, tm, vc, lat, bl, vb FROM ${TABLE} ORDER BY id`);
    expect(rows[0]).toEqual([
      1,
      4294967295,
      '-9223372036854775808',
      '-12345678901234567890.0123456789',
      '1000-01-01',
      '2024-07-01T12:34:56Z',
      '2024-07-01T12:34:56.000001Z',
      '2024-01-15T08:00:00Z',
      '-838:59:59',
      '',
      'café',
      '',
      '00',
    ]);
    // Years before 1000 and zero dates take the formatter's path.
    expect(rows[1]?.slice(5, 8)).toEqual(['0999-12-31T23:59:59Z', '0000-00-00 00:00:00.000000', null]);
    expect(rows[2]?.[5]).toBe('0000-00-00 00:00:00');
    expect(rows[1]?.slice(9)).toEqual(['NULL', '', '00ff10', 'cafebabe']);
    expect(rows[2]?.slice(9, 11)).toEqual(['sixteen chars ok', 'x']);
    expect(rows[3]).toEqual([4, null, null, null, null, null, null, null, null, 'seventeen chars!!', null, null, null]);
  });

  it('reads long text behind 3-byte length prefixes and non-ASCII text exactly', async () => {
    const rows = await streamAll(adapter, `SELECT tx FROM ${TABLE} ORDER BY id`);
    expect(rows.map((row) => row[0])).toEqual(['a', LONG_300, LONG_70K, '日本語 😀', 'quote "q"']);
  });

  it.each([
    ['a zone with offsets', true, ['2024-07-01T12:34:56+02:00', '2024-03-31T01:59:59+01:00']],
    // Ory forces parseTime; without it (a DSN used elsewhere) the ISO text carries no offset.
    ['no parseTime', false, ['2024-07-01T12:34:56', '2024-03-31T01:59:59']],
  ])('matches run() with %s', async (_label, parseTime, datetimes) => {
    const other = await openMysqlAdapter({ ...mysqlDsn('loc=Europe%2FParis'), parseTime });
    try {
      const sql = `SELECT * FROM ${TABLE} ORDER BY id`;
      const rows = await streamAll(other, sql);
      expect(rows).toEqual((await other.run(sql)).rows);
      expect([rows[0]?.[9], rows[4]?.[9]]).toEqual(datetimes);
    } finally {
      await other.close();
    }
  });

  it('leaves a result with other column kinds to mysql2, with the same values', async () => {
    const sql = `SELECT id, CAST(id AS DOUBLE) / 4 AS f, dt, vc FROM ${TABLE} ORDER BY id`;
    const rows = await streamAll(adapter, sql);
    expect(rows).toEqual((await adapter.run(sql)).rows);
    expect(rows[0]).toEqual([1, 0.25, '2024-07-01T12:34:56Z', '']);
  });

  it('streams only the first result set of a script, parsed the same way', async () => {
    const rows = await streamAll(adapter, `SELECT id, dt FROM ${TABLE} WHERE id = 1; SELECT 'second', 2.5e0`);
    expect(rows).toEqual([[1, '2024-07-01T12:34:56Z']]);
  });
});
