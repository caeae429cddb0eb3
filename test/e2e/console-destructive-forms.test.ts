// The console's confirmation sees every destructive form the classifier knows (a WHERE that is
// always true, a CTE that deletes, EXPLAIN ANALYZE of a DELETE, a DO block, a DROP after a
// harmless statement); declining runs nothing. \export never re-runs a statement that writes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { childEnv, runStatement, startCli, type PtySession } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';

let session: PtySession | null = null;
let home: string;
const TABLE = 'dsnsh_ui_destroy_t';
const sql = (target: string, text: string) =>
  execFileSync(process.execPath, [CLI_PATH, target, '-c', text, '--no-header'], { env: childEnv(), encoding: 'utf8' }).trim();

beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ui-destroy-'));
  fs.mkdirSync(path.join(home, 'config'));
  fs.writeFileSync(
    path.join(home, 'config', 'profiles.json'),
    JSON.stringify({ profiles: { careful: { dsn: PG_DSN, confirmDestructive: true } }, defaultProfile: null }),
    { mode: 0o600 },
  );
});
afterEach(() => {
  session?.kill();
  session = null;
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const env = () => ({ HOME: home, DSNSH_CONFIG_DIR: path.join(home, 'config'), XDG_STATE_HOME: path.join(home, 'state'), DSN: undefined });

describe.skipIf(!availability().postgres)('destructive confirmation in the console (PostgreSQL)', () => {
  beforeAll(() => {
    sql(PG_DSN, `drop table if exists ${TABLE}; create table ${TABLE} (id int); insert into ${TABLE} values (1), (2), (3)`);
  });
  afterAll(() => {
    sql(PG_DSN, `drop table if exists ${TABLE}`);
  });

  it.each([
    [`delete from ${TABLE} where 1=1;`, 'DELETE with a WHERE that is always true'],
    [`update ${TABLE} set id = id + 1 where id = 2 or true;`, 'UPDATE with a WHERE that is always true'],
    [`with gone as (delete from ${TABLE} returning *) select count(*) from gone;`, 'DELETE without WHERE'],
    [`explain analyze delete from ${TABLE};`, 'DELETE without WHERE'],
    [`do $$ begin truncate ${TABLE}; end $$;`, 'DO block with TRUNCATE'],
    [`/* tidy */ (delete from ${TABLE} where true);`, 'DELETE with a WHERE that is always true'],
  ])('%s asks (%s); n runs nothing', async (statement, reason) => {
    session = startCli({ args: ['careful'], env: env(), columns: 160 });
    await session.waitFor(' · connected');
    const asked = await runStatement(session, statement, 'press y to run it');
    expect(asked).toContain(`${reason}: run this statement?`);
    session.write('n');
    await session.waitFor('Not run');
    session.write('\x15\x04');
    expect(await session.exited).toBe(0);
    expect(sql(PG_DSN, `select count(*) from ${TABLE}`)).toBe('3');
  });

  it('a destructive statement in typed or pasted input is asked about before any statement runs; n runs none', async () => {
    session = startCli({ args: ['careful'], env: env(), columns: 160 });
    await session.waitFor(' · connected');
    session.write(`insert into ${TABLE} values (10); delete from ${TABLE}; insert into ${TABLE} values (11);`);
    session.write('\r');
    const asked = await session.waitFor('press y to run them');
    expect(asked).toContain('1 of 3 statements');
    expect(asked).toContain(`delete from ${TABLE}`);
    session.write('n');
    await session.waitFor('Not run');
    session.write('\x15');
    session.write(`\x1b[200~insert into ${TABLE} values (12);\rdrop table ${TABLE};\r\x1b[201~`);
    await session.waitFor('press y to run them');
    session.write('n');
    await session.waitFor(`sql> insert into ${TABLE} values (12);`);
    // Ctrl+C clears the whole (two-line) prompt, then Ctrl+D quits.
    session.write('\x03');
    await session.waitFor('Ctrl+D or \\q quits');
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(sql(PG_DSN, `select count(*) from ${TABLE}`)).toBe('3');
  });

  it('y runs every statement of the input, in order, after one question', async () => {
    session = startCli({ args: ['careful'], env: env(), columns: 160 });
    await session.waitFor(' · connected');
    session.write(`insert into ${TABLE} values (20); delete from ${TABLE} where true; insert into ${TABLE} values (21);`);
    session.write('\r');
    await session.waitFor('press y to run them');
    session.write('y');
    await session.waitFor(/INSERT · 1 row affected/);
    session.write(`select count(*) as n_left from ${TABLE};`);
    session.write('\r');
    await session.waitFor(/n_left\s*\n[─]+\s*\n\s*1\b/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(sql(PG_DSN, `select id from ${TABLE}`)).toBe('21');
    sql(PG_DSN, `delete from ${TABLE}; insert into ${TABLE} values (1), (2), (3)`);
  });

  it('\\export after INSERT … RETURNING does not run the INSERT again', async () => {
    session = startCli({ args: ['careful'], env: env(), columns: 160 });
    await session.waitFor(' · connected');
    await runStatement(session, `insert into ${TABLE} values (4) returning id;`, '1 row');
    const file = path.join(home, 'export.csv');
    await runStatement(session, `\\export ${file}`, /Nothing to export|export/i);
    await new Promise((resolve) => setTimeout(resolve, 500));
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(sql(PG_DSN, `select count(*) from ${TABLE} where id = 4`)).toBe('1');
    sql(PG_DSN, `delete from ${TABLE} where id = 4`);
  });
});
