// Statements, scripts, transactions in a session, and value normalisation.
import { expect, it } from 'vitest';
import { asText, type ContractContext } from './contract-context.js';

export function statementsContract(ctx: ContractContext): void {
  it('runs a statement: column names, positional rows, elapsed time', async () => {
    const result = await ctx.adapter().run("SELECT 1 AS one, 'two' AS two");
    expect(result.columns.map((column) => column.name)).toEqual(['one', 'two']);
    expect(result.rows.map((row) => row.map(asText))).toEqual([['1', 'two']]);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('reports affected rows of writes', async () => {
    const table = ctx.table('writes');
    const db = ctx.adapter();
    await db.run(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name VARCHAR(20))`);
    expect((await db.run(`INSERT INTO ${table} (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')`)).affectedRows).toBe(3);
    expect((await db.run(`UPDATE ${table} SET name = 'z' WHERE id >= 2`)).affectedRows).toBe(2);
    expect((await db.run(`DELETE FROM ${table} WHERE id = 1`)).affectedRows).toBe(1);
  });

  it('runs a script and returns each statement result in order', async () => {
    const table = ctx.table('script');
    const results = await ctx.adapter().runScript(`
      CREATE TABLE ${table} (n INTEGER);
      INSERT INTO ${table} (n) VALUES (1), (2);
      -- a comment; with a semicolon
      SELECT n FROM ${table} ORDER BY n;`);
    expect(results).toHaveLength(3);
    expect(results[1]!.affectedRows).toBe(2);
    expect(results[2]!.rows.map((row) => row.map(asText))).toEqual([['1'], ['2']]);
  });

  it('keeps a transaction on one session and reports its state', async () => {
    const table = ctx.table('tx');
    const db = ctx.adapter();
    await db.run(`CREATE TABLE ${table} (n INTEGER)`);
    const session = await db.session();
    try {
      expect(session.transactionState()).toBe('idle');
      await session.run('BEGIN');
      expect(session.transactionState()).toBe('in-transaction');
      await session.run(`INSERT INTO ${table} (n) VALUES (1)`);
      await session.run('ROLLBACK');
      expect(session.transactionState()).toBe('idle');
      await session.run('BEGIN');
      await session.run(`INSERT INTO ${table} (n) VALUES (2)`);
      await session.run('COMMIT');
    } finally {
      await session.release();
    }
    const rows = (await db.run(`SELECT n FROM ${table}`)).rows;
    expect(rows.map((row) => row.map(asText))).toEqual([['2']]);
  });

  it('normalises values: big integers and decimals exact, ISO dates, hex binary, NULL apart from the text NULL', async () => {
    const table = ctx.table('types');
    const db = ctx.adapter();
    await db.run(ctx.sql.typesTable(table));
    await db.run(ctx.sql.typesInsert(table));
    const result = await db.run(`SELECT big, amount, d, ts, bin, txt FROM ${table} ORDER BY big IS NULL, big`);
    const [values, nulls] = result.rows;
    expect(values![0]).toBe('9223372036854775807');
    expect(values![1]).toBe('12345678901234567890.1234567890');
    expect(values![2]).toBe('2024-01-02');
    expect(values![3]).toBe(ctx.sql.typesTimestamp);
    expect(values![4]).toBe('deadbeef');
    expect(values![5]).toBe('NULL');
    expect(nulls).toEqual([null, null, null, null, null, null]);
  });
}
