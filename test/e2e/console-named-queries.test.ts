// pgcli's named queries in the console on a real PostgreSQL: \ns saves (per user, 0600), \n lists,
// \n NAME ARGS runs the saved SQL with $1… substituted, exactly as typed SQL runs (a saved DELETE
// without WHERE still asks first), \nd deletes; missing arguments are named.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { childEnv, runStatement, startCli } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const table = `named_q_${process.pid}`;
const runSql = (sql: string) =>
  execFileSync(process.execPath, [CLI_PATH, PG_DSN, '-c', sql], { env: childEnv({ DSN: undefined }), encoding: 'utf8' });
const consoles = privateConsoles('dsnsh-named-');

describe.skipIf(!availability().postgres)('named queries on PostgreSQL', () => {
  beforeAll(() => {
    runSql(
      `drop table if exists ${table}; create table ${table} (id int primary key, name text); insert into ${table} values (1, 'ann'), (2, 'bob'), (3, 'cy');`,
    );
  });
  afterAll(() => {
    runSql(`drop table if exists ${table};`);
  });

  it('saves, lists, runs with arguments, names missing ones, and deletes', async () => {
    let config = '';
    const session = consoles.start((home) => {
      config = join(home, 'config');
      return { args: [PG_DSN] };
    });
    await session.waitFor(' · connected');
    await runStatement(session, `\\ns by_id select name from ${table} where id = $1 order by id`, 'Saved the named query by_id');
    const file = join(config, 'named-queries.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      namedQueries: { by_id: `select name from ${table} where id = $1 order by id` },
    });

    await runStatement(session, '\\n by_id 2', /name\s*\n─+\s*\n\s*bob\s*\n/);
    expect(session.screen()).not.toContain('ann');
    // $* takes the rest, joined with commas
    await runStatement(session, `\\ns some select count(*) as n from ${table} where id in ($*)`, 'Saved the named query some');
    await runStatement(session, '\\n some 1 3', /n\s*\n─+\s*\n\s*2\s*\n/);

    const missing = await runStatement(session, '\\n by_id', 'ERROR');
    expect(missing).toContain('The named query by_id needs 1 argument ($1 missing).');
    expect(missing).toContain('Run it as \\n by_id ARG1');
    await runStatement(session, '\\n nothing_here', 'No named query nothing_here.');

    const listed = await runStatement(session, '\\n', /by_id\s*│\s*select name from/);
    expect(listed).toMatch(/some\s*│\s*select count/);
    await runStatement(session, '\\nd by_id', 'Deleted the named query by_id.');
    await runStatement(session, '\\n by_id 1', 'No named query by_id.');
    expect(JSON.parse(readFileSync(file, 'utf8')).namedQueries).not.toHaveProperty('by_id');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('a saved DELETE without WHERE asks first on a careful profile: n keeps the rows, the command goes back to the prompt', async () => {
    const session = consoles.start((home) => {
      mkdirSync(join(home, 'config'), { recursive: true });
      writeFileSync(
        join(home, 'config', 'profiles.json'),
        JSON.stringify({ profiles: { careful: { dsn: PG_DSN, confirmDestructive: true } }, defaultProfile: null }),
        { mode: 0o600 },
      );
      writeFileSync(join(home, 'config', 'named-queries.json'), JSON.stringify({ namedQueries: { wipe: `delete from ${table}` } }), {
        mode: 0o600,
      });
      return { args: ['careful'] };
    });
    await session.waitFor(' · connected');
    const asked = await runStatement(session, '\\n wipe', 'press y to run it');
    expect(asked).toContain('DELETE without WHERE: run this statement?');
    expect(asked).toContain(`delete from ${table}`);
    session.write('n');
    await session.waitFor('Not run');
    await session.waitFor('sql> \\n wipe');
    session.write('\x15');
    await runStatement(session, `select count(*) as n from ${table};`, /n\s*\n─+\s*\n\s*3\s*\n/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('a saved write is refused in a read-only session', async () => {
    const session = consoles.start((home) => {
      mkdirSync(join(home, 'config'), { recursive: true });
      writeFileSync(
        join(home, 'config', 'named-queries.json'),
        JSON.stringify({ namedQueries: { rename: `update ${table} set name = $1 where id = $2` } }),
        { mode: 0o600 },
      );
      return { args: [PG_DSN, '--read-only'] };
    });
    await session.waitFor(' · connected');
    await runStatement(session, `\\n rename "'zed'" 1`, 'cannot execute UPDATE in a read-only transaction');
    await runStatement(session, `select name from ${table} where id = 1;`, /name\s*\n─+\s*\n\s*ann\s*\n/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});

describe('named queries on SQLite', () => {
  it("are the user's, not the profile's: saved in a SQLite console, run in another on memory", async () => {
    const env = consoles.env();
    const db = join(env.HOME!, 'named.sqlite');
    const first = startCli({ args: [`sqlite://${db}`], env });
    try {
      await first.waitFor(' · connected');
      await runStatement(first, '\\ns pair select $1 + $2 as total, json_array($@) as names', 'Saved the named query pair');
      await runStatement(first, `\\n pair 40 2 ann "o'neil"`, /total\s*│\s*names\s*\n─+┼─+\s*\n\s*42\s*│\s*\["ann","o'neil"\]\s*$/m);
      first.write('\x04');
      expect(await first.exited).toBe(0);
    } finally {
      first.kill();
    }
    const second = startCli({ args: ['memory'], env });
    try {
      await second.waitFor(' · connected');
      await runStatement(second, '\\n pair 1 1 x', /total\s*│\s*names\s*\n─+┼─+\s*\n\s*2\s*│\s*\["x"\]\s*$/m);
      second.write('\x04');
      expect(await second.exited).toBe(0);
    } finally {
      second.kill();
    }
  });
});

describe.skipIf(!availability().mysql)('named queries on MariaDB', () => {
  it('runs with arguments; a saved DROP still asks on a careful profile', async () => {
    const session = consoles.start((home) => {
      mkdirSync(join(home, 'config'), { recursive: true });
      writeFileSync(
        join(home, 'config', 'profiles.json'),
        JSON.stringify({ profiles: { careful: { dsn: MYSQL_DSN, confirmDestructive: true } }, defaultProfile: null }),
        { mode: 0o600 },
      );
      return { args: ['careful'] };
    });
    await session.waitFor(' · connected');
    await runStatement(session, '\\ns plus select $1 + $2 as v', 'Saved the named query plus');
    await runStatement(session, '\\n plus 40 2', /v\s*\n─+\s*\n\s*42\s*\n/);
    await runStatement(session, '\\ns gone drop table if exists named_q_nothing', 'Saved the named query gone');
    expect(await runStatement(session, '\\n gone', 'press y to run it')).toContain('DROP TABLE: run this statement?');
    session.write('n');
    await session.waitFor('Not run');
    session.write('\x15\x04');
    expect(await session.exited).toBe(0);
  });
});
