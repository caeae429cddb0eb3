// psql's \d family in the console on a SQLite file: pragma table_xinfo / index_list /
// foreign_key_list (and the keys pointing here), triggers, a view's SQL and CHECK text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newestBlock } from '../helpers/newest-block.js';
import { runStatement, startCli, type PtySession } from '../helpers/pty.js';
import { runCli } from '../noninteractive/run-cli.js';

const SETUP = `
CREATE TABLE parents (id INTEGER PRIMARY KEY);
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  price NUMERIC(10,2) NOT NULL DEFAULT 0 CONSTRAINT items_price_check CHECK (price >= 0),
  label VARCHAR(255),
  code TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES parents (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX items_label_idx ON items (lower(label));
CREATE TABLE notes (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items (id) ON DELETE CASCADE);
CREATE TRIGGER items_touch AFTER UPDATE ON items BEGIN SELECT 1; END;
CREATE VIEW cheap_items AS SELECT id, price FROM items WHERE price < 10;
`;

let dir = '';
let session: PtySession | null = null;
afterEach(() => {
  session?.kill();
  session = null;
});

describe('\\d family on SQLite', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-describe-'));
    const result = await runCli([`sqlite://${path.join(dir, 'd.db')}`, '-c', SETUP]);
    expect(result.code).toBe(0);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('\\d NAME shows types, defaults, indexes, CHECK, keys both ways and triggers; \\dv lists only views', async () => {
    session = startCli({
      args: [`sqlite://${path.join(dir, 'd.db')}`],
      columns: 160,
      rows: 50,
      env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' },
    });
    await session.waitFor('connected');
    // The last section is waited for: the frame is then drawn whole.
    const screen = await runStatement(session, '\\d ITEMS', 'items_touch AFTER UPDATE');
    expect(screen).toContain('Table "main.items"');
    expect(screen).toMatch(/ price\s+\| NUMERIC\(10,2\)\s+\|\s+\| not null \| 0/);
    expect(screen).toMatch(/ id\s+\| INTEGER\s+\|\s+\| not null \|/);
    expect(screen).toContain('PRIMARY KEY, rowid (id)');
    expect(screen).toContain('"sqlite_autoindex_items_1" UNIQUE CONSTRAINT, btree (code)');
    expect(screen).toContain('"items_label_idx" UNIQUE, btree (lower(label))');
    expect(screen).toContain('"items_price_check" CHECK (price >= 0)');
    expect(screen).toContain('FOREIGN KEY (parent_id) REFERENCES parents(id) ON DELETE SET NULL');
    expect(screen).toContain('TABLE "notes" FOREIGN KEY (item_id) REFERENCES items(id) ON DELETE CASCADE');
    expect(screen).toContain('items_touch AFTER UPDATE ON items BEGIN SELECT 1; END');
    const view = await runStatement(session, '\\d cheap_items', 'WHERE price < 10');
    expect(view).toContain('View "main.cheap_items"');
    expect(view).toContain('View definition:');
    expect(view).toContain('SELECT id, price FROM items WHERE price < 10');
    const listing = /schema\s+│\s+name/;
    const views = newestBlock(await runStatement(session, '\\dv', /cheap_items\s+│\s+view/), listing);
    expect(views).not.toMatch(/parents/);
    const tables = newestBlock(await runStatement(session, '\\dt ?arent*', /parents\s+│\s+table/), listing);
    expect(tables).not.toMatch(/notes/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
