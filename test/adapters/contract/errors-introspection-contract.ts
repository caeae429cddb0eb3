// Error kinds, schema introspection of a table the suite created (and \\d's description), and an idempotent close.
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

export function describeContract(ctx: ContractContext): void {
  it('describes a table as \\d does: exact types, keys both ways, CHECK, indexes; a view; nothing for a missing name', async () => {
    // The child first: tables are dropped in this order after the suite.
    const child = ctx.table('dchild');
    const parent = ctx.table('dparent');
    const view = `${parent}_v`;
    const db = ctx.adapter();
    const schema = ctx.sql.defaultSchema;
    await db.run(
      `CREATE TABLE ${parent} (id INTEGER PRIMARY KEY, code VARCHAR(50) NOT NULL, amount NUMERIC(10,2) DEFAULT 1 CHECK (amount >= 0), UNIQUE (code))`,
    );
    await db.run(`CREATE TABLE ${child} (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES ${parent} (id))`);
    await db.run(`CREATE VIEW ${view} AS SELECT id FROM ${parent}`);
    try {
      const described = await db.introspect.describe({ schema: null, name: parent });
      expect(described).toMatchObject({ schema, name: parent, kind: 'table', viewDefinition: null });
      const column = (name: string) => described?.columns.find((entry) => entry.name === name);
      expect(column('code')).toMatchObject({ nullable: false });
      expect(column('code')?.type).toMatch(/^(varchar|character varying)\(50\)$/i);
      expect(column('amount')?.type).toMatch(/^(numeric|decimal)\(10,2\)$/i);
      expect(column('amount')?.default).toMatch(/^1/);
      expect(described?.indexes.map((index) => index.role)).toContain('primary');
      expect(described?.indexes.some((index) => index.role !== 'primary' && index.definition.includes('code'))).toBe(true);
      expect(described?.checks.map((check) => check.definition)).toEqual([expect.stringMatching(/^CHECK \(.*amount.* >= 0/)]);
      expect(described?.referencedBy).toEqual([
        expect.objectContaining({ table: child, definition: expect.stringMatching(/^FOREIGN KEY \(parent_id\) REFERENCES /) }),
      ]);

      const outgoing = await db.introspect.describe({ schema, name: child });
      expect(outgoing?.foreignKeys).toEqual([expect.objectContaining({ definition: expect.stringContaining(`REFERENCES ${parent}(id)`) })]);
      const describedView = await db.introspect.describe({ schema: null, name: view });
      expect(describedView).toMatchObject({ kind: 'view', viewDefinition: expect.stringMatching(/select/i) });
      expect(await db.introspect.describe({ schema: null, name: `${parent}_missing` })).toBeNull();

      expect((await db.introspect.indexes()).some((index) => index.table === parent)).toBe(true);
      expect(Array.isArray(await db.introspect.functions())).toBe(true);
    } finally {
      await db.run(`DROP VIEW IF EXISTS ${view}`);
    }
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
