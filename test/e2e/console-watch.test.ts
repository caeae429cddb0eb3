// `\watch [SECONDS]` on PostgreSQL: re-runs the last statement in place while the classifier calls
// it read-only, until a key is pressed; a statement that changes data is refused, never re-run.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { childEnv, runStatement } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';

const table = `watch_t_${process.pid}`;
const runSql = (sql: string) =>
  execFileSync(process.execPath, [CLI_PATH, PG_DSN, '-c', sql], { env: childEnv({ DSN: undefined }), encoding: 'utf8' });
const count = (sql: string) => Number(runSql(`${sql}`).match(/\d+/)?.[0]);
const consoles = privateConsoles('dsnsh-watch-');
const countShown = (n: number) => new RegExp(`n\\s*\\n─+\\s*\\n\\s*${n}\\s*\\n`);

describe.skipIf(!availability().postgres)('\\watch on PostgreSQL', () => {
  beforeAll(() => {
    runSql(`drop table if exists ${table}; create table ${table} (id serial primary key);`);
  });
  afterAll(() => {
    runSql(`drop table if exists ${table};`);
  });

  it('re-runs a read-only query in place until a key is pressed; that key is not typed', async () => {
    // tall enough to show every block the scrollback would keep
    const session = consoles.start({ args: [PG_DSN], rows: 60 });
    await session.waitFor(' · connected');
    await runStatement(session, `select count(*) as n from ${table};`, countShown(0));
    await runStatement(session, '\\watch 0.2', /\\watch every 0\.2 s · run \d+ · any key stops/);
    // rows added elsewhere show up without anything typed
    runSql(`insert into ${table} default values;`);
    await session.waitFor(countShown(1));
    runSql(`insert into ${table} default values;`);
    await session.waitFor(countShown(2));
    session.write('x');
    const stopped = await session.waitFor('\\watch stopped');
    // in place: the result shown before the watch, and one result of the watch (not one per run)
    expect(stopped.match(new RegExp(`^› select count\\(\\*\\) as n from ${table};$`, 'gm'))).toHaveLength(2);
    expect(session.screen()).toMatch(/^sql>\s*$/m);
    // stopped: a row added now is not seen, however many intervals pass
    runSql(`insert into ${table} default values;`);
    expect(count(`select count(*) from ${table}`)).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(session.screen()).toMatch(countShown(2));
    // Ctrl+C ends a watch too, without quitting
    await runStatement(session, '\\watch 0.2', countShown(3));
    session.write('\x03');
    await session.waitFor('\\watch stopped');
    await runStatement(session, 'select 1 as marker;', /marker\s*\n─+\s*\n\s*1\s*\n/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('refuses to watch a statement that changes data, and says why', async () => {
    const session = consoles.start({ args: [PG_DSN], columns: 200 });
    await session.waitFor(' · connected');
    await runStatement(session, '\\watch', 'Nothing to watch yet.');
    const before = count(`select count(*) from ${table}`);
    await runStatement(session, `insert into ${table} default values;`, '1 row affected');
    const refused = await runStatement(session, '\\watch 0.2', '\\watch re-runs only a statement that changes nothing');
    expect(refused).toContain(`the last one (insert into ${table} default values;) changes data.`);
    expect(count(`select count(*) from ${table}`)).toBe(before + 1);
    await runStatement(session, '\\watch soon', '\\watch takes the seconds between runs');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});

describe('\\watch on SQLite (memory)', () => {
  it('refuses DDL and watches a read-only query', async () => {
    const session = consoles.start({ args: ['memory'], columns: 200 });
    await session.waitFor(' · connected');
    await runStatement(session, 'create table w (id integer);', 'CREATE');
    expect(await runStatement(session, '\\watch', '\\watch re-runs only a statement that changes nothing')).toContain(
      'the last one (create table w (id integer);) changes schema.',
    );
    await runStatement(session, 'select count(*) as n from w;', countShown(0));
    await runStatement(session, '\\watch 0.1', /\\watch every 0\.1 s · run [2-9]/);
    session.write(' ');
    await session.waitFor('\\watch stopped');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
