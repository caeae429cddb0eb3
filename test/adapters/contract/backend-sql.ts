// The only backend-specific text in the contract suite: SQL each dialect spells differently.
// Everything else branches on capabilities.
export type SqlDialect = 'sqlite' | 'postgres' | 'mysql';

export interface BackendSql {
  /** Runs about 30 s unless cancelled */
  longStatement: string;
  /** Runs a fraction of a second: occupies a connection in the pool test */
  shortBusyStatement: string;
  /** `count` rows of (n, pad) with pad a `padLength`-character string */
  series(count: number, padLength: number): string;
  /** A table holding each normalised type once, and one row of NULLs */
  typesTable(table: string): string;
  typesInsert(table: string): string;
  /** The `ts` value of typesInsert's first row, exactly as the adapter returns it */
  typesTimestamp: string;
  /** The default schema introspection reports a new table in */
  defaultSchema: string | null;
}

const recursiveSeries = (repeat: (n: number) => string) => (count: number, padLength: number) =>
  `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${count}) SELECT n, ${repeat(padLength)} AS pad FROM s`;

export const BACKEND_SQL: Record<SqlDialect, BackendSql> = {
  sqlite: {
    longStatement: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000) SELECT count(*) FROM c',
    shortBusyStatement: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) SELECT count(*) FROM c',
    // hex(zeroblob(k)) is 2k characters.
    series: recursiveSeries((length) => `hex(zeroblob(${length / 2}))`),
    // SQLite has no exact decimal type: an exact decimal is kept as TEXT.
    typesTable: (t) => `CREATE TABLE ${t} (big BIGINT, amount TEXT, d DATE, ts DATETIME, bin BLOB, txt TEXT)`,
    typesInsert: (t) =>
      `INSERT INTO ${t} VALUES (9223372036854775807, '12345678901234567890.1234567890', '2024-01-02', '2024-01-02 03:04:05', X'deadbeef', 'NULL'), (NULL, NULL, NULL, NULL, NULL, NULL)`,
    // SQLite has no date type: the text is returned as it was stored.
    typesTimestamp: '2024-01-02 03:04:05',
    defaultSchema: 'main',
  },
  postgres: {
    longStatement: 'SELECT pg_sleep(30)',
    shortBusyStatement: 'SELECT pg_sleep(0.2)',
    series: (count, padLength) => `SELECT g AS n, repeat('x', ${padLength}) AS pad FROM generate_series(1, ${count}) AS g`,
    typesTable: (t) => `CREATE TABLE ${t} (big BIGINT, amount NUMERIC(30,10), d DATE, ts TIMESTAMP, bin BYTEA, txt TEXT)`,
    typesInsert: (t) =>
      `INSERT INTO ${t} VALUES (9223372036854775807, 12345678901234567890.1234567890, '2024-01-02', '2024-01-02 03:04:05', '\\xdeadbeef', 'NULL'), (NULL, NULL, NULL, NULL, NULL, NULL)`,
    // TIMESTAMP (without time zone): ISO 8601 without an offset.
    typesTimestamp: '2024-01-02T03:04:05',
    defaultSchema: 'public',
  },
  mysql: {
    longStatement: 'SELECT SLEEP(30)',
    shortBusyStatement: 'SELECT SLEEP(0.2)',
    // MariaDB silently stops recursion at max_recursive_iterations (1000 by default); SET STATEMENT
    // raises it for this statement only (MariaDB syntax; MySQL 8 would use a SET_VAR hint).
    series: (count, padLength) =>
      `SET STATEMENT max_recursive_iterations = ${count + 1} FOR ${recursiveSeries((length) => `REPEAT('x', ${length})`)(count, padLength)}`,
    typesTable: (t) => `CREATE TABLE ${t} (big BIGINT, amount DECIMAL(30,10), d DATE, ts DATETIME, bin VARBINARY(16), txt TEXT)`,
    typesInsert: (t) =>
      `INSERT INTO ${t} VALUES (9223372036854775807, 12345678901234567890.1234567890, '2024-01-02', '2024-01-02 03:04:05', X'deadbeef', 'NULL'), (NULL, NULL, NULL, NULL, NULL, NULL)`,
    // DATETIME read in the DSN's loc (UTC by default, as the Go driver does): ISO 8601 in UTC.
    typesTimestamp: '2024-01-02T03:04:05Z',
    defaultSchema: 'test',
  },
};
