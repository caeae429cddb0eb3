// Values, column names and error messages holding escape sequences, control characters or
// invalid UTF-8 are shown escaped: in --format table and in stderr no raw ESC, BEL, BS, CR or C1
// byte reaches the terminal; in the console the hostile sequences never appear in the raw output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type PtySession } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

interface Case {
  name: string;
  dsn: string;
  enabled: boolean;
  select: string;
  badTable: string;
}

const ESC = '\u001b';
const cases: Case[] = [
  {
    name: 'memory (SQLite)',
    dsn: 'memory',
    enabled: true,
    select: `select char(27) || '[31mRED' || char(27) || ']0;relpwned' || char(7) as "h${ESC}[2Jx", 'a' || char(8) || char(13) || char(155) || 'b' as ctl, cast(x'ff41c328' as text) as bad_utf8`,
    badTable: `select * from "t${ESC}[2Jx"`,
  },
  {
    name: 'PostgreSQL',
    dsn: PG_DSN,
    enabled: availability().postgres,
    select: `select E'\\x1b[31mRED\\x1b]0;relpwned\\x07' as "h${ESC}[2Jx", E'a\\x08\\r\\u009bb' as ctl, convert_from('\\x41'::bytea, 'UTF8') as plain`,
    badTable: `select * from "t${ESC}[2Jx"`,
  },
  {
    name: 'MariaDB',
    dsn: MYSQL_DSN,
    enabled: availability().mysql,
    select: `select convert(concat(char(27), '[31mRED', char(27), ']0;relpwned', char(7)) using utf8mb4) as \`h${ESC}[2Jx\`, convert(concat('a', char(8), char(13), 'b') using utf8mb4) as ctl, convert(x'ff41' using utf8mb4) as bad_utf8`,
    badTable: `select * from \`t${ESC}[2Jx\``,
  },
];

for (const c of cases) {
  describe.skipIf(!c.enabled)(`terminal safety: ${c.name}`, () => {
    it('--format table escapes control characters in values and column names', async () => {
      const result = await runCli([c.dsn, '--format', 'table', '-c', c.select]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).not.toMatch(RAW_CONTROL);
      expect(result.stdout).toContain('\\x1b[31mRED');
      expect(result.stdout).toContain('h\\x1b[2Jx');
      expect(result.stdout).toContain('relpwned');
    });

    it('an error quoting hostile text is printed escaped on stderr', async () => {
      const result = await runCli([c.dsn, '--format', 'table', '-c', c.badTable]);
      expect(result.code).toBe(1);
      // dsnsh writes \x1b; MariaDB escapes the name itself (\001B) before dsnsh sees it.
      expect(result.stderr).toMatch(/(?:\\x1b|\\001B)\[2Jx/);
      expect(result.stderr).not.toMatch(RAW_CONTROL);
    });
  });
}

describe('terminal safety: profile notes and doctor', () => {
  it('profile list and show print a hostile note escaped', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-reliability-term-'));
    try {
      const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
      expect((await runCli(['profile', 'add', 'hostile', 'memory', '--note', `a${ESC}[2J${ESC}]0;relpwned\u0007b`], { env })).code).toBe(0);
      for (const args of [
        ['profile', 'list'],
        ['profile', 'show', 'hostile'],
      ]) {
        const result = await runCli(args, { env });
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('a\\x1b[2J\\x1b]0;relpwned\\x07b');
        expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROL);
      }
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it.skipIf(!availability().postgres)('doctor prints server and DSN text escaped', async () => {
    const result = await runCli(['doctor', `${PG_DSN}&application_name=x%1b%5b2Jy`]);
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('terminal safety: the console (pty)', () => {
  let session: PtySession | null = null;
  afterEach(() => {
    session?.kill();
    session = null;
  });

  it('shows hostile values escaped; the sequences never reach the terminal raw', async () => {
    session = startCli({
      args: ['memory'],
      columns: 160,
      rows: 30,
      env: { DSNSH_STATE_DIR: '', XDG_STATE_HOME: '/tmp/dsnsh-reliability-term-state' },
    });
    await session.waitFor('sql>', 20_000);
    session.write(
      "select 'AA' || char(27) || '[H' || 'BB' as cursor_home, 'CC' || char(27) || ']0;relpwned' || char(7) || 'DD' as osc_title, 'EE' || char(13) || 'FF' as cr;",
    );
    session.write('\r');
    const screen = await session.waitFor('1 row', 15_000);
    const raw = session.output();
    expect(raw).not.toContain(`AA${ESC}[HBB`);
    expect(raw).not.toContain(`${ESC}]0;relpwned`);
    expect(raw).not.toContain('EE\rFF');
    expect(screen).toContain('relpwned');
    expect(screen).toMatch(/AA.{1,6}\[HBB/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  }, 60_000);
});

// OSC 52 asks the terminal to put text on the clipboard: a table name holding it is the case the
// issue names. It must not reach the terminal raw anywhere: csv/tsv/json to a terminal, completion
// candidates, migration file names and failing-statement excerpts.
const OSC52 = `${ESC}]52;c;SGVsbG8=\u0007`;
const OSC52_SHOWN = '\\x1b]52;c;SGVsbG8=\\x07';

describe('terminal safety: an OSC 52 sequence in names and values', () => {
  let session: PtySession | null = null;
  let dir = '';
  afterEach(() => {
    session?.kill();
    session = null;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  const hostileDb = async (): Promise<string> => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-out-osc52-'));
    const dsn = `sqlite://${path.join(dir, 'db.sqlite')}?_fk=true`;
    const created = await runCli([
      dsn,
      '-c',
      `create table "osc${OSC52}tab" (v text)`,
      '-c',
      `insert into "osc${OSC52}tab" values ('v${OSC52}')`,
    ]);
    expect(created.code, created.stderr).toBe(0);
    return dsn;
  };

  for (const format of ['csv', 'tsv', 'json', 'ndjson']) {
    it(`--format ${format} to a terminal escapes it; to a pipe csv/tsv stay byte-exact`, async () => {
      const dsn = await hostileDb();
      // char(155) is U+009B, a one-character CSI that JSON.stringify leaves raw.
      const sql = `select name as "n${OSC52}", (select v from "osc${OSC52}tab") as v, 'x' || char(155) || '2J' as c1 from sqlite_master where type = 'table'`;
      session = startCli({ args: [dsn, '--format', format, '-c', sql], columns: 200, rows: 10 });
      expect(await session.exited).toBe(0);
      expect(session.output()).not.toContain(`${ESC}]52`);
      expect(session.output()).not.toContain('\u0007');
      expect(session.output()).not.toContain('\u009b');
      expect(session.screen()).toContain(format.includes('json') ? 'x\\u009b2J' : 'x\\x9b2J');
      expect(session.screen()).toContain(format.includes('json') ? 'osc\\u001b]52;c;SGVsbG8=\\u0007tab' : `osc${OSC52_SHOWN}tab`);
      const piped = await runCli([dsn, '--format', format, '-c', sql]);
      if (format === 'csv' || format === 'tsv') expect(piped.stdout).toContain(`osc${OSC52}tab`);
      else expect(JSON.parse(format === 'json' ? piped.stdout : piped.stdout.split('\n')[0]!)).toBeTruthy();
    }, 30_000);
  }

  it('completion candidates in the console list the name escaped and never put it in the prompt', async () => {
    const dsn = await hostileDb();
    const second = await runCli([dsn, '-c', 'create table oscar (v text)']);
    expect(second.code).toBe(0);
    session = startCli({
      args: [dsn],
      columns: 160,
      rows: 30,
      env: { DSNSH_STATE_DIR: '', XDG_STATE_HOME: '/tmp/dsnsh-reliability-term-state' },
    });
    await session.waitFor('sql>', 20_000);
    session.write('select * from osc');
    await session.waitFor('sql> select * from osc');
    // A key of its own, not part of the typed text (a pasted TAB is text).
    // While the console's session holds SQLite's only connection, completion has no names yet and
    // says "no completion" (the console's concern, issue 16 item 6): Tab again a moment later.
    let listed = false;
    for (let attempt = 0; attempt < 10 && !listed; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      session.write('\t');
      listed = await session.waitFor(`osc${OSC52_SHOWN}tab`, 2_000).then(
        () => true,
        () => false,
      );
    }
    expect(listed, session.screen()).toBe(true);
    expect(session.output()).not.toContain(`${ESC}]52`);
    session.write('\x04');
  }, 60_000);

  it('migration file names and failing-statement excerpts are escaped (status, up, the console panel)', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-out-osc52-'));
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(migrations);
    fs.writeFileSync(path.join(migrations, `20200101000000_ok${OSC52}.up.sql`), 'create table m_ok (id integer);\n');
    fs.writeFileSync(path.join(migrations, `20200101000000_ok${OSC52}.down.sql`), 'drop table m_ok;\n');
    fs.writeFileSync(path.join(migrations, `20200102000000_bad${OSC52}.up.sql`), `insert into missing_table values ('${OSC52}');\n`);
    fs.writeFileSync(path.join(migrations, `20200102000000_bad${OSC52}.down.sql`), 'select 1;\n');
    const dsn = `sqlite://${path.join(dir, 'db.sqlite')}?_fk=true`;
    const status = await runCli(['migrate', 'status', dsn, '--migrations', migrations]);
    const up = await runCli(['migrate', 'up', dsn, '--migrations', migrations, '--yes']);
    expect(up.code).toBe(1);
    for (const result of [status, up]) {
      expect(result.stdout + result.stderr).not.toContain(`${ESC}]52`);
      expect(result.stdout + result.stderr).toContain(`ok${OSC52_SHOWN}`);
    }
    expect(up.stderr).toContain(`insert into missing_table values ('${OSC52_SHOWN}')`);
    // The console's migration panel names the latest applied migration.
    const home = path.join(dir, 'home');
    const env = { DSNSH_CONFIG_DIR: path.join(home, 'config'), DSNSH_STATE_DIR: '', XDG_STATE_HOME: '/tmp/dsnsh-reliability-term-state' };
    expect((await runCli(['profile', 'add', 'hostile', dsn, '--migrations', migrations], { env })).code).toBe(0);
    session = startCli({ args: ['hostile'], columns: 200, rows: 30, env });
    await session.waitFor(`ok${OSC52_SHOWN}`, 20_000);
    expect(session.output()).not.toContain(`${ESC}]52`);
    session.write('\x04');
  }, 60_000);
});
