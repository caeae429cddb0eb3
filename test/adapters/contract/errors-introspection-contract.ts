// Error kinds, schema introspection of a table the suite created, and an idempotent close.
import { expect, it } from 'vitest';
import { adapterRejection, type ContractContext } from './contract-context.js';

export function errorsContract(ctx: ContractContext): void {
  it('reports a syntax error as kind syntax, naming the backend', async () => {
    const error = await adapterRejection(ctx.adapter().run('SELEC 1'));
    expect(error.kind).toBe('syntax');
    expect(error.backend).toBe(ctx.adapter().backend);
    expect(error.message).not.toBe('');
  });

  it('reports a duplicate key as kind constraint', async () => {
    const table = ctx.table('unique');
    const db = ctx.adapter();
    await db.run(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY)`);
    await db.run(`INSERT INTO ${table} (id) VALUES (1)`);
    const error = await adapterRejection(db.run(`INSERT INTO ${table} (id) VALUES (1)`));
    expect(error.kind).toBe('constraint');
    expect(error.code).not.toBeNull();
  });
}

export function introspectionContract(ctx: ContractContext): void {
  it('finds a created table and its columns', async () => {
    const table = ctx.table('introspect');
    const db = ctx.adapter();
    await db.run(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, note TEXT)`);
    const schema = ctx.sql.defaultSchema ?? undefined;
    if (schema !== undefined) expect((await db.introspect.schemas()).map((entry) => entry.name)).toContain(schema);
    const tables = await db.introspect.tables(schema);
    expect(tables).toContainEqual(expect.objectContaining({ name: table, kind: 'table' }));
    const columns = await db.introspect.columns(table, schema);
    expect(columns.map((column) => column.name)).toEqual(['id', 'name', 'note']);
    expect(columns.find((column) => column.name === 'name')?.nullable).toBe(false);
    expect(columns.find((column) => column.name === 'note')?.nullable).toBe(true);
    expect(columns.every((column) => column.type !== '')).toBe(true);
  });
}

export function closeContract(ctx: ContractContext): void {
  it('closes idempotently; statements after close fail', async () => {
    const db = await ctx.open();
    expect((await db.run('SELECT 1')).rows).toHaveLength(1);
    await db.close();
    await db.close();
    await expect(db.run('SELECT 1')).rejects.toThrow();
  });
}
