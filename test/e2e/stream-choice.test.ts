// Streaming is chosen by the statement classifier: every row-returning form (WITH, parenthesised,
// a leading comment, VALUES, TABLE, SHOW, EXPLAIN, PRAGMA, DML … RETURNING) streams with bounded
// memory on a 1,000,000-row table, in the CLI (peak RSS from GNU time) and in the console (VmHWM
// from /proc); a write with RETURNING runs exactly once (rows counted afterwards).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { childEnv, startCli, type PtySession } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';
import { baseEnv } from '../noninteractive/run-cli.js';

const LIMIT_MB = 200;
const BIG = 'dsnsh_cls_big';
const COPY = 'dsnsh_cls_copy';

let dir: string;
let session: PtySession | null = null;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-stream-choice-'));
});
afterEach(() => {
  session?.kill();
  session = null;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sql = (target: string, text: string) =>
  execFileSync(process.execPath, [CLI_PATH, target, '-c', text, '--no-header'], {
    env: childEnv(),
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  }).trim();

/** Runs the CLI under GNU time: exit code, output lines (counted, not kept) and peak RSS in MB. */
function measuredRun(args: string[]): Promise<{ code: number | null; lines: number; stderr: string; peakMb: number }> {
  const report = path.join(dir, `time-${process.hrtime.bigint()}.txt`);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', report, process.execPath, CLI_PATH, ...args], {
      env: baseEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines += 1;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const peakKb = Number(fs.readFileSync(report, 'utf8').trim().split('\n').at(-1));
      resolve({ code, lines, stderr, peakMb: peakKb / 1024 });
    });
  });
}

/** In the console: runs `statement`, follows the result to its end, returns the peak RSS in MB. */
async function consolePeak(target: string, statement: string, rows: string): Promise<number> {
  session = startCli({ args: [target], env: { DSNSH_STATE_DIR: path.join(dir, 'state') }, columns: 120 });
  await session.waitFor(' · connected');
  session.write(statement);
  session.write('\r');
  await session.waitFor(/rows? so far|\d rows?\b/, 60_000);
  session.write('\x1b[Z');
  session.write('G');
  await session.waitFor(`${rows} rows`, 180_000);
  const status = fs.readFileSync(`/proc/${session.pty.pid}/status`, 'utf8');
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  session.write('\x1b\x04');
  expect(await session.exited).toBe(0);
  session = null;
  return peak;
}

interface Backend {
  name: string;
  target: () => string;
  available: boolean;
  setup: (target: string) => void;
  forms: Array<[string, string, number]>;
  returning: string;
  teardown: (target: string) => void;
}

const MILLION = 1_000_000;
const backends: Backend[] = [
  {
    name: 'PostgreSQL',
    target: () => PG_DSN,
    available: availability().postgres,
    setup: (target) =>
      sql(
        target,
        `drop table if exists ${BIG}, ${COPY}; create table ${BIG} as select i as id, md5(i::text) as payload from generate_series(1, ${MILLION}) i; create table ${COPY} (id int, payload text)`,
      ),
    forms: [
      ['WITH', `with t as (select 'delete me' as x) select * from ${BIG}, t`, MILLION],
      ['parenthesised', `(select * from ${BIG})`, MILLION],
      ['leading comment', `/* report */ -- all of it\nselect * from ${BIG}`, MILLION],
      ['TABLE', `table ${BIG}`, MILLION],
      ['VALUES', "values (1, 'a'), (2, 'b')", 2],
      ['SHOW', 'show all', -1],
      ['EXPLAIN', `explain analyze select * from ${BIG}`, -1],
    ],
    returning: `insert into ${COPY} select * from ${BIG} returning *`,
    teardown: (target) => sql(target, `drop table if exists ${BIG}, ${COPY}`),
  },
  {
    name: 'MariaDB',
    target: () => MYSQL_DSN,
    available: availability().mysql,
    setup: (target) =>
      sql(
        target,
        `drop table if exists ${BIG}, ${COPY}; create table ${BIG} (id int, payload varchar(40)); insert into ${BIG} select seq, md5(seq) from seq_1_to_${MILLION}; create table ${COPY} (id int, payload varchar(40))`,
      ),
    forms: [
      ['WITH', `with t as (select 'delete me' as x) select * from ${BIG}, t`, MILLION],
      ['parenthesised', `(select * from ${BIG})`, MILLION],
      ['leading comment', `/* report */ -- all of it\nselect * from ${BIG}`, MILLION],
      ['VALUES', "values (1, 'a'), (2, 'b')", 2],
      ['SHOW', 'show variables', -1],
      ['EXPLAIN', `explain select * from ${BIG}`, -1],
    ],
    returning: `delete from ${COPY} where id > 0 returning *`,
    teardown: (target) => sql(target, `drop table if exists ${BIG}, ${COPY}`),
  },
  {
    name: 'SQLite',
    target: () => `sqlite://${path.join(dir, 'big.sqlite')}`,
    available: true,
    setup: (target) =>
      sql(
        target,
        `create table ${BIG} (id integer, payload text); insert into ${BIG} with recursive s(i) as (select 1 union all select i + 1 from s where i < ${MILLION}) select i, hex(randomblob(16)) from s; create table ${COPY} (id integer, payload text)`,
      ),
    forms: [
      ['WITH', `with t as (select 'delete me' as x) select * from ${BIG}, t`, MILLION],
      ['leading comment', `/* report */ -- all of it\nselect * from ${BIG}`, MILLION],
      ['VALUES', "values (1, 'a'), (2, 'b')", 2],
      ['EXPLAIN', `explain select * from ${BIG}`, -1],
      ['PRAGMA', `pragma table_info(${BIG})`, 2],
    ],
    returning: `insert into ${COPY} select * from ${BIG} returning *`,
    teardown: () => undefined,
  },
];

for (const backend of backends) {
  describe.skipIf(!backend.available)(`${backend.name}: streaming chosen by the classifier`, () => {
    beforeAll(() => backend.setup(backend.target()), 180_000);
    afterAll(() => backend.teardown(backend.target()));

    it.each(backend.forms)(
      'CLI -c, %s form: bounded memory',
      async (_form, statement, rows) => {
        const result = await measuredRun([backend.target(), '-c', statement]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        if (rows >= 0) expect(result.lines).toBe(rows + 1);
        expect(result.peakMb).toBeLessThan(LIMIT_MB);
      },
      180_000,
    );

    it('CLI -c, DML … RETURNING over 1,000,000 rows: streamed, run exactly once', async () => {
      if (backend.name === 'MariaDB') sql(backend.target(), `insert into ${COPY} select * from ${BIG}`);
      const result = await measuredRun([backend.target(), '-c', backend.returning]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.lines).toBe(MILLION + 1);
      expect(result.peakMb).toBeLessThan(LIMIT_MB);
      expect(sql(backend.target(), `select count(*) from ${COPY}`)).toBe(backend.name === 'MariaDB' ? '0' : String(MILLION));
      sql(backend.target(), `delete from ${COPY}`);
    }, 240_000);

    it.each(backend.forms.filter(([, , rows]) => rows === MILLION))(
      'console, %s form: bounded memory to the last row',
      async (_form, statement) => {
        // Typed on one line: the block comment stays, the line comment (which would swallow the line) goes.
        expect(await consolePeak(backend.target(), `${statement.replace(/--[^\n]*\n/, '')};`, '1,000,000')).toBeLessThan(LIMIT_MB);
      },
      240_000,
    );

    it('console, DML … RETURNING: streamed, run exactly once (also when left before its end)', async () => {
      if (backend.name === 'MariaDB') sql(backend.target(), `insert into ${COPY} select * from ${BIG}`);
      expect(await consolePeak(backend.target(), `${backend.returning};`, '1,000,000')).toBeLessThan(LIMIT_MB);
      expect(sql(backend.target(), `select count(*) from ${COPY}`)).toBe(backend.name === 'MariaDB' ? '0' : String(MILLION));
      sql(backend.target(), `delete from ${COPY}`);
      // Quit while the first rows are on screen: the write still happened, once.
      const small =
        backend.name === 'MariaDB'
          ? (sql(backend.target(), `insert into ${COPY} select * from ${BIG} where id <= 5000`),
            `delete from ${COPY} where id > 0 returning *;`)
          : `insert into ${COPY} select * from ${BIG} where id <= 5000 returning *;`;
      session = startCli({ args: [backend.target()], env: { DSNSH_STATE_DIR: path.join(dir, 'state') }, columns: 120 });
      await session.waitFor(' · connected');
      session.write(small);
      session.write('\r');
      await session.waitFor(/rows? so far|5,000 rows/, 60_000);
      session.write('\x04');
      expect(await session.exited).toBe(0);
      session = null;
      expect(sql(backend.target(), `select count(*) from ${COPY}`)).toBe(backend.name === 'MariaDB' ? '0' : '5000');
      sql(backend.target(), `delete from ${COPY}`);
    }, 300_000);
  });
}
