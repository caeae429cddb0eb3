// psql's \d family in the console on the real PostgreSQL server: \d NAME with exact types,
// defaults, nullability, indexes, CHECK and unique constraints, foreign keys both ways,
// triggers, comments and a view's definition; \dt / \dv / \di / \df with psql's patterns.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newestBlock } from '../helpers/newest-block.js';
import { runStatement, startCli, type PtySession } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';
import { runPgSql } from '../helpers/pg-sql.js';

const SETUP = `
DROP SCHEMA IF EXISTS dsnsh_describe CASCADE;
DROP TABLE IF EXISTS public.dsnsh_describe_plain;
CREATE SCHEMA dsnsh_describe;
CREATE TABLE dsnsh_describe.parents (id int PRIMARY KEY);
CREATE TABLE dsnsh_describe.items (
  id int PRIMARY KEY,
  price numeric(10,2) NOT NULL DEFAULT 0 CHECK (price >= 0),
  label varchar(255),
  code text NOT NULL,
  parent_id int REFERENCES dsnsh_describe.parents (id),
  CONSTRAINT items_code_key UNIQUE (code)
);
CREATE UNIQUE INDEX items_label_idx ON dsnsh_describe.items (lower(label));
CREATE TABLE dsnsh_describe.notes (id int PRIMARY KEY, item_id int REFERENCES dsnsh_describe.items (id) ON DELETE CASCADE);
CREATE FUNCTION dsnsh_describe.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER items_touch BEFORE UPDATE ON dsnsh_describe.items FOR EACH ROW EXECUTE FUNCTION dsnsh_describe.touch();
COMMENT ON TABLE dsnsh_describe.items IS 'things for sale';
COMMENT ON COLUMN dsnsh_describe.items.price IS 'in euros';
CREATE VIEW dsnsh_describe.cheap_items AS SELECT id, price FROM dsnsh_describe.items WHERE price < 10;
CREATE TABLE public.dsnsh_describe_plain (n bigint);
`;

const sql = runPgSql;

let session: PtySession | null = null;
afterEach(() => {
  session?.kill();
  session = null;
});

describe.skipIf(!availability().postgres)('\\d family on PostgreSQL', () => {
  beforeAll(async () => {
    await sql(SETUP);
  });
  afterAll(async () => {
    await sql('DROP SCHEMA IF EXISTS dsnsh_describe CASCADE; DROP TABLE IF EXISTS public.dsnsh_describe_plain;');
  });

  it('\\d NAME shows columns with exact types, indexes, constraints, keys both ways, triggers and comments', async () => {
    session = startCli({ args: [PG_DSN], columns: 200, rows: 60, env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor('connected');
    // Unquoted names fold to lower case, as in psql.
    // The last section is waited for: the frame is then drawn whole.
    const screen = await runStatement(session, '\\d DSNSH_DESCRIBE.Items', 'Comment: things for sale');
    expect(screen).toContain('Table "dsnsh_describe.items"');
    expect(screen).toMatch(/Column\s+\|\s+Type\s+\|\s+Collation\s+\|\s+Nullable\s+\|\s+Default\s+\|\s+Description/);
    expect(screen).toMatch(/ price\s+\| numeric\(10,2\)\s+\|\s+\| not null \| 0\s+\| in euros/);
    expect(screen).toMatch(/ label\s+\| character varying\(255\)\s+\|/);
    expect(screen).toMatch(/ id\s+\| integer\s+\|\s+\| not null \|/);
    expect(screen).toContain('Indexes:');
    expect(screen).toContain('"items_pkey" PRIMARY KEY, btree (id)');
    expect(screen).toContain('"items_code_key" UNIQUE CONSTRAINT, btree (code)');
    expect(screen).toContain('"items_label_idx" UNIQUE, btree (lower(label::text))');
    expect(screen).toContain('Check constraints:');
    expect(screen).toContain('"items_price_check" CHECK (price >= 0::numeric)');
    expect(screen).toContain('Foreign-key constraints:');
    expect(screen).toContain('"items_parent_id_fkey" FOREIGN KEY (parent_id) REFERENCES dsnsh_describe.parents(id)');
    expect(screen).toContain('Referenced by:');
    expect(screen).toContain(
      'TABLE "dsnsh_describe.notes" CONSTRAINT "notes_item_id_fkey" FOREIGN KEY (item_id) REFERENCES dsnsh_describe.items(id) ON DELETE CASCADE',
    );
    expect(screen).toContain('Triggers:');
    expect(screen).toContain('items_touch BEFORE UPDATE ON dsnsh_describe.items FOR EACH ROW EXECUTE FUNCTION dsnsh_describe.touch()');
    expect(screen).toContain('Comment: things for sale');

    const view = await runStatement(session, '\\d dsnsh_describe.cheap_items', /WHERE items\.price < 10/);
    expect(view).toContain('View "dsnsh_describe.cheap_items"');
    expect(view).toContain('View definition:');
    expect(view).toMatch(/FROM dsnsh_describe\.items\s+WHERE items\.price < 10/);

    // On the search path without a schema; a name that is not there says so.
    await runStatement(session, '\\d dsnsh_describe_plain', 'Table "public.dsnsh_describe_plain"');
    const missing = await runStatement(session, '\\d "DSNSH_DESCRIBE".items', 'Did not find any relation named');
    expect(missing).toContain('"DSNSH_DESCRIBE".items');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('with max_conns=1 (the session holds the only connection) \\d says so at once instead of waiting for ever', async () => {
    session = startCli({ args: [`${PG_DSN}&max_conns=1`], columns: 160, rows: 40, env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor('connected');
    const screen = await runStatement(session, '\\d dsnsh_describe.items', /holds the only connection/);
    expect(screen).toMatch(/max_conns=2 or more/);
    // Every command that reads beside the session answers at once too (they waited for ever).
    for (const [index, command] of ['dn', 'sessions', 'locks', 'ory'].entries()) {
      await runStatement(session, `\\${command}`, new RegExp(`› \\\\${command}\\s*\\n[^›]*holds the only connection`));
      await runStatement(session, `select ${index} + 1000 as still_${index};`, new RegExp(`\\b${index + 1000}\\b`));
    }
    // The console still runs statements on its session.
    await runStatement(session, 'select 40 + 2 as answer;', /\b42\b/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('\\dt, \\dv, \\di and \\df take psql patterns; \\dv lists only views', async () => {
    session = startCli({ args: [PG_DSN], columns: 160, rows: 40, env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor('connected');
    const listing = /schema\s+│\s+name/;
    const tables = newestBlock(await runStatement(session, '\\dt dsnsh_describe.*', /parents/), listing);
    expect(tables).toMatch(/dsnsh_describe\s+│\s+items\s+│\s+table/);
    expect(tables).toMatch(/notes/);
    expect(tables).not.toMatch(/cheap_items/);
    const views = newestBlock(await runStatement(session, '\\dv dsnsh_describe.*', /cheap_items\s+│\s+view/), listing);
    expect(views).not.toMatch(/parents/);
    // Without a schema, only the search path is searched (public here, not dsnsh_describe).
    const visible = await runStatement(session, '\\dt dsnsh_describe?plain', /dsnsh_describe_plain/);
    expect(visible).toMatch(/public\s+│\s+dsnsh_describe_plain/);
    const indexes = newestBlock(
      await runStatement(session, '\\di dsnsh_describe.items_*', /items_label_idx/),
      /schema\s+│\s+name\s+│\s+table/,
    );
    expect(indexes).toMatch(/items_pkey\s+│\s+items/);
    expect(indexes).toMatch(/items_code_key/);
    expect(indexes).not.toMatch(/notes_pkey/);
    const functions = await runStatement(session, '\\df dsnsh_describe.*', /touch\s+│\s+trigger/);
    expect(functions).toMatch(/│\s+function/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
