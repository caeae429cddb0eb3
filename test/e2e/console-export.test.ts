// \export writes the rows the result on screen holds: after UPDATE … RETURNING it writes those
// rows, names the statement, and the UPDATE never runs again. Real pty, real PostgreSQL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { childEnv, startCli, type PtySession } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';

const TABLE = 'results_export_t';
const sql = (text: string) =>
  execFileSync(process.execPath, [CLI_PATH, PG_DSN, '-c', text, '--no-header'], { env: childEnv(), encoding: 'utf8' }).trim();
let session: PtySession | null = null;
let home: string;
afterEach(() => {
  session?.kill();
  session = null;
});

describe.skipIf(!availability().postgres)('\\export in the console', () => {
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'dsnsh-results-export-'));
    sql(`drop table if exists ${TABLE}; create table ${TABLE} (id int, n int); insert into ${TABLE} values (1, 10), (2, 20)`);
  });
  afterAll(() => {
    sql(`drop table if exists ${TABLE}`);
    rmSync(home, { recursive: true, force: true });
  });

  it('after UPDATE … RETURNING writes the rows on screen and runs nothing again', async () => {
    session = startCli({ args: [PG_DSN], columns: 160, env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), DSN: undefined } });
    await session.waitFor('connected');
    session.write(`update ${TABLE} set n = n + 1 returning id, n;\r`);
    await session.waitFor('2 rows');
    const file = join(home, 'updated.csv');
    session.write(`\\export ${file}\r`);
    await session.waitFor(/exported 2 rows of update results_export_t/);
    expect(readFileSync(file, 'utf8').trim().split(/\r?\n/)).toEqual(['id,n', '1,11', '2,21']);
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(sql(`select string_agg(n::text, ',' order by id) from ${TABLE}`)).toBe('11,21');
  });

  it('after Ctrl+C stopped reading a read-only result, runs it again (said first) and writes every row', async () => {
    session = startCli({ args: [PG_DSN], columns: 160, env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), DSN: undefined } });
    await session.waitFor('connected');
    session.write('select g from generate_series(1, 30000) g;\r');
    await session.waitFor(/rows so far/);
    session.write('\x03');
    await session.waitFor(/500 rows(?! so far)/);
    const file = join(home, 'stopped.csv');
    session.write(`\\export ${file}\r`);
    await session.waitFor(/exported 30000 rows of select g from generate_series\(1, 30000\) g; to \S+ \(csv\), run again/);
    expect(readFileSync(file, 'utf8').trim().split(/\r?\n/)).toHaveLength(30001);
  });

  it('after Ctrl+C stopped reading UPDATE … RETURNING, writes the rows it read and says the file is partial; the UPDATE never runs again', async () => {
    sql(`delete from ${TABLE}; insert into ${TABLE} select g, 0 from generate_series(1, 30000) g`);
    session = startCli({ args: [PG_DSN], columns: 160, env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), DSN: undefined } });
    await session.waitFor('connected');
    session.write(`select id from ${TABLE} where id = 1;\r`);
    await session.waitFor('1 row');
    session.write(`update ${TABLE} set n = n + 1 returning id;\r`);
    await session.waitFor(/rows so far/);
    session.write('\x03');
    await session.waitFor(/500 rows(?! so far)/);
    const file = join(home, 'stopped-update.csv');
    session.write(`\\export ${file}\r`);
    await session.waitFor(
      /exported 500 rows \(partial: reading was stopped after these; the statement changes data and is not run again\) of update results_export_t/,
    );
    expect(session.screen()).not.toMatch(/runs select id from/);
    expect(readFileSync(file, 'utf8').trim().split(/\r?\n/)).toHaveLength(501);
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(sql(`select count(*) from ${TABLE} where n = 1`)).toBe('30000');
  });
});
