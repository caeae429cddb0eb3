// \explain and F5 in the console on the real PostgreSQL, MariaDB and SQLite: the plan as a tree on
// the user's own session (max_conns=1, a temporary table of the session), ANALYZE only for a
// read-only statement, and F5 explaining the prompt's text without running it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { privateConsoles } from '../helpers/private-console.js';
import { childEnv, runStatement } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const F5 = '\x1b[15~';
const orders = `explain_orders_${process.pid}`;
const users = `explain_users_${process.pid}`;
const runSql = (dsn: string, sql: string) =>
  execFileSync(process.execPath, [CLI_PATH, dsn, '-c', sql], { env: childEnv({ DSN: undefined }), encoding: 'utf8' });
const countOf = (dsn: string) => Number(runSql(dsn, `select count(*) as n from ${orders}`).match(/\d+/)?.[0]);
const consoles = privateConsoles('dsnsh-explain-');

describe.skipIf(!availability().postgres)('\\explain on PostgreSQL', () => {
  beforeAll(() => {
    runSql(
      PG_DSN,
      `drop table if exists ${orders}; create table ${orders} (id int primary key, amount int); insert into ${orders} select g, g from generate_series(1, 50000) g;`,
    );
    // VACUUM sets the visibility map now rather than whenever autovacuum gets to it: the same plan every run.
    runSql(PG_DSN, `vacuum analyze ${orders}`);
  });
  afterAll(() => {
    runSql(PG_DSN, `drop table if exists ${orders};`);
  });

  it('shows the plan tree on the session itself (max_conns=1, its temporary table); ANALYZE only for read-only statements', async () => {
    const session = consoles.start({ args: [`${PG_DSN}&max_conns=1`], columns: 200, rows: 50 });
    await session.waitFor(' · connected');
    const plain = await runStatement(session, `\\explain select * from ${orders} where amount > 10`, '[seq scan: large table]');
    expect(plain).toContain('Plan (PostgreSQL, estimated: not run) · 1 step');
    expect(plain).toMatch(
      new RegExp(`Seq Scan on ${orders}  \\[seq scan: large table\\]  cost [\\d.]+ · rows [\\d,]+  \\(filter: \\(amount > 10\\)\\)`),
    );
    expect(plain).toContain(`sequential scan of a large table: ${orders}, ~50,000 rows (over 10,000)`);

    // A selective filter returns one row, yet the scan reads the whole table: the table's size counts.
    const selective = await runStatement(session, `\\explain select * from ${orders} where amount = 5`, '(filter: (amount = 5))');
    expect(selective).toMatch(
      new RegExp(`Seq Scan on ${orders}  \\[seq scan: large table\\]  cost [\\d.]+ · rows \\d  \\(filter: \\(amount = 5\\)\\)`),
    );

    const analyzed = await runStatement(
      session,
      `\\explain analyze select count(*) from ${orders} where id < 100`,
      'ANALYZE: the statement ran',
    );
    expect(analyzed).toMatch(/^Aggregate  (\[slowest\]  )?cost [\d.]+ · rows 1 · actual [\d.]+ ms 1 rows$/m);
    expect(analyzed).toMatch(
      new RegExp(
        `^└─ Index Only Scan on ${orders} using ${orders}_pkey  (\\[slowest\\]  )?cost [\\d.]+ · rows \\d+ · actual [\\d.]+ ms 99 rows  \\(index cond: \\(id < 100\\)\\)$`,
        'm',
      ),
    );
    // which step took longer is the clock's answer; that one step is marked and named is not
    expect(analyzed.match(/\[slowest\]/g)).toHaveLength(1);
    expect(analyzed).toMatch(/^slowest: (Aggregate|Index Only Scan on .*), [\d.]+ ms of its own \(of [\d.]+ ms in all\)$/m);
    expect(analyzed).toMatch(/^planning [\d.]+ ms · execution [\d.]+ ms$/m);

    const refused = await runStatement(session, `\\explain analyze delete from ${orders} where id < 100`, 'refused, nothing ran');
    expect(refused).toContain('\\explain analyze runs the statement, and this one changes data: refused, nothing ran.');
    // a server error is placed in the command as typed, not in the EXPLAIN around it
    expect(await runStatement(session, `\\explain select amount from ${orders} where nosuch = 1`, 'LINE 1:')).toMatch(
      /LINE 1: \\explain select amount from \S+ where nosuch = 1\n\s{8}\s+\^/,
    );

    // Ctrl+C cancels an ANALYZE that runs long, on the server; the session goes on.
    session.write('\\explain analyze select pg_sleep(30)');
    session.write('\r');
    await session.waitFor('Ctrl+C cancels');
    session.write('\x03');
    await session.waitFor('Statement cancelled.');

    // A temporary table exists only on this session's connection: the plan is read there.
    await runStatement(session, 'create temp table explain_scratch as select 1 as x;', 'SELECT');
    expect(await runStatement(session, '\\explain select * from explain_scratch', 'Seq Scan on explain_scratch')).toContain(
      'Plan (PostgreSQL',
    );

    // F5 explains what the prompt holds; the DELETE is not run and stays in the prompt.
    session.write(`delete from ${orders} where id = 7`);
    session.write(F5);
    const explained = await session.waitFor(`Delete on ${orders}`);
    expect(explained).toContain(`Plan (PostgreSQL, estimated: not run)`);
    expect(explained).toMatch(new RegExp(`^sql> delete from ${orders} where id = 7\\s*$`, 'm'));
    session.write('\x15');
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(countOf(PG_DSN)).toBe(50_000);
  });
});

describe.skipIf(!availability().mysql)('\\explain on MariaDB', () => {
  beforeAll(() => {
    runSql(
      MYSQL_DSN,
      `drop table if exists ${orders}, ${users}; create table ${users} (id int primary key, name varchar(20)); create table ${orders} (id int primary key, user_id int, amount int, key (user_id)); insert into ${users} select seq, concat('u', seq) from seq_1_to_200; insert into ${orders} select seq, seq % 200 + 1, seq from seq_1_to_5000; analyze table ${users}, ${orders};`,
    );
  });
  afterAll(() => {
    runSql(MYSQL_DSN, `drop table if exists ${orders}, ${users};`);
  });

  it('draws the JSON plan as a tree; ANALYZE FORMAT=JSON times each table; a write is refused', async () => {
    const session = consoles.start({ args: [MYSQL_DSN], columns: 200, rows: 50 });
    await session.waitFor(' · connected');
    const join = `select u.name, count(*) from ${orders} o join ${users} u on u.id = o.user_id where o.amount > 10 group by u.name`;
    const plain = await runStatement(session, `\\explain ${join}`, 'Plan (MySQL/MariaDB, estimated: not run)');
    expect(plain).toMatch(/^Query block #1$/m);
    expect(plain).toMatch(/Index lookup \(ref\) on o using user_id  rows \d+  \(o\.amount > 10\)/);
    expect(plain).toMatch(/Full table scan \(ALL\) on u  rows \d+/);

    const analyzed = await runStatement(session, `\\explain analyze ${join}`, 'ANALYZE: the statement ran');
    expect(analyzed).toMatch(/Index lookup \(ref\) on o using user_id .*actual [\d.]+ ms \d+ rows ×200 loops/);
    expect(analyzed).toMatch(/^slowest: /m);

    expect(await runStatement(session, `\\explain analyze update ${orders} set amount = 0`, 'refused, nothing ran')).toContain(
      'this one changes data',
    );
    session.write('\x04');
    expect(await session.exited).toBe(0);
    expect(runSql(MYSQL_DSN, `select count(*) as n from ${orders} where amount = 0`)).toMatch(/\b0\b/);
  });
});

describe('\\explain on SQLite', () => {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'dsnsh-explain-sqlite-'));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('nests EXPLAIN QUERY PLAN by parent and names full scans; ANALYZE is refused with what to do', async () => {
    const dsn = `sqlite://${join(folder, 'plans.db')}`;
    runSql(dsn, 'create table items (id integer primary key, code text, note text); create index items_code on items (code);');
    const session = consoles.start({ args: [dsn], columns: 200, rows: 50 });
    await session.waitFor(' · connected');
    const search = await runStatement(
      session,
      "\\explain select * from items where code = 'a' and id in (select id from items where code > 'b')",
      'Plan (SQLite',
    );
    expect(search).toMatch(/^SEARCH items USING INDEX items_code \(code=\?[^)]*\)$/m);
    expect(search).toMatch(/^(LIST|LIST SUBQUERY \d+)$/m);
    const scan = await runStatement(session, "\\explain select note from items where note like '%x'", 'full scans');
    expect(scan).toMatch(/^SCAN items$/m);
    expect(scan).toContain('full scans (no row estimate from SQLite): items');
    expect(await runStatement(session, '\\explain analyze select 1', 'SQLite has no run-time figures')).toContain(
      'Use \\explain without analyze.',
    );
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
