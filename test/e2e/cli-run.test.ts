// The built CLI running SQL without a terminal: -c, -f, stdin, formats, exit codes, errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MYSQL_DSN, PG_DSN, availability } from '../helpers/servers.js';
import { spawn } from 'node:child_process';
import { CLI_PATH } from '../helpers/cli-path.js';
import { baseEnv, runCli } from '../noninteractive/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-cli-run-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('memory and sqlite', () => {
  it('memory -c prints tsv when stdout is not a terminal', async () => {
    const result = await runCli(['memory', '-c', "select 1 as a, 'x' as b, null as c"]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('a\tb\tc\n1\tx\t\\N\n');
  });

  it('no target and no DSN: memory; statements from stdin', async () => {
    const result = await runCli([], { input: 'create table t(a int);\ninsert into t values (1),(2);\nselect sum(a) as s from t;\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('s\n3\n');
  });

  it('sqlite file: -c and -f share one session, in command-line order', async () => {
    const db = path.join(dir, 'run.db');
    const script = path.join(dir, 'script.sql');
    fs.writeFileSync(script, "insert into t values (2, 'two; with semicolon');\n-- comment\ninsert into t values (3, 'it''s');\n");
    const result = await runCli([
      `sqlite://${db}?_fk=true`,
      '-c',
      'create table t(id integer primary key, v text)',
      '-f',
      script,
      '-c',
      'select * from t order by id',
      '--format',
      'csv',
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe("id,v\n2,two; with semicolon\n3,it's\n");
  });

  it('stdin statements run as they arrive (kubectl exec -i without a terminal)', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'memory'], { env: baseEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const firstResult = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('first\n1\n')) resolve();
      });
    });
    child.stdin.write('select 1 as first;\nselect 2 as ');
    await firstResult;
    child.stdin.end('second;\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toBe('first\n1\nsecond\n2\n');
  });

  it('-f - reads stdin between -c options', async () => {
    const result = await runCli(['memory', '-c', 'create table t(a)', '-f', '-', '-c', 'select count(*) as n from t'], {
      input: 'insert into t values (1);\ninsert into t values (2);',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('n\n2\n');
  });

  it('a failing statement stops the script with file:line, exit 1; --continue-on-error goes on', async () => {
    const script = path.join(dir, 'bad.sql');
    fs.writeFileSync(script, 'select 1 as one;\n\nselect nope from nowhere;\nselect 3 as three;\n');
    const stopped = await runCli(['memory', '-f', script]);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toBe('one\n1\n');
    expect(stopped.stderr).toContain(`${script}:3:`);
    expect(stopped.stderr).toContain('nowhere');
    expect(stopped.stderr).not.toMatch(/\n\s+at /);
    const continued = await runCli(['memory', '-f', script, '--continue-on-error']);
    expect(continued.code).toBe(1);
    expect(continued.stdout).toBe('one\n1\nthree\n3\n');
  });

  it('formats: json (one parseable array per result), ndjson, --no-header, --null', async () => {
    const sql = "select 1 as n, 'a\"b' as s, null as z union all select 2, 'c', 'd'";
    const json = await runCli(['memory', '-c', sql, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual([
      { n: 1, s: 'a"b', z: null },
      { n: 2, s: 'c', z: 'd' },
    ]);
    const ndjson = await runCli(['memory', '-c', sql, '--format', 'ndjson']);
    expect(
      ndjson.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toHaveLength(2);
    const tsv = await runCli(['memory', '-c', sql, '--no-header', '--null', '(null)']);
    expect(tsv.stdout).toBe('1\ta"b\t(null)\n2\tc\td\n');
    const table = await runCli(['memory', '-c', "select 'x' || char(27) || '[2J' as v", '--format', 'table']);
    expect(table.stdout).toBe('v\n--------\nx\\x1b[2J\n(1 row)\n\n');
  });

  it('--read-only refuses writes on the server side', async () => {
    const db = path.join(dir, 'ro.db');
    await runCli([`sqlite://${db}`, '-c', 'create table t(a int)']);
    const result = await runCli([`sqlite://${db}`, '--read-only', '-c', 'insert into t values (1)']);
    expect(result.code).toBe(1);
  });
});

describe('usage and DSN errors (exit 2), connection errors (exit 3)', () => {
  it.each([
    [['--bogus'], 'unknown option'],
    [['memory', 'select 1'], 'at most one DSN or profile'],
    [['memory', '-c', 'select 1', '--format', 'xml'], 'unknown format "xml"'],
    [['oracle://x/y', '-c', 'select 1'], 'oracle'],
    [['no-such-profile', '-c', 'select 1'], 'no profile named "no-such-profile"'],
    [['memory', '-f', '/nonexistent/x.sql'], 'cannot read the SQL file /nonexistent/x.sql'],
    [['profile', 'frobnicate'], 'unknown profile subcommand'],
  ])('%j → exit 2', async (args, message) => {
    const result = await runCli(args, { env: { XDG_CONFIG_HOME: dir } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
  });

  it('an unreachable server: exit 3, one line and a hint, password never shown', async () => {
    const result = await runCli(['postgres://app:hunter2secret@127.0.0.1:1/app?sslmode=disable', '-c', 'select 1']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^dsnsh: error: .+\nhint: .+\n$/);
    expect(result.stderr + result.stdout).not.toContain('hunter2secret');
  });
});

describe('--help and --version', () => {
  it.each([[['--help']], [['doctor', '--help']], [['profile', '--help']], [['dsn', '--help']], [['migrate', '--help']]])(
    '%j',
    async (args) => {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/usage/i);
    },
  );
  it('--version', async () => {
    const { version } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result.stdout).toBe(`dsnsh ${version}\n`);
  });
});

describe.skipIf(!availability().postgres)('PostgreSQL', () => {
  it('-c and stdin, DSN from the environment only', async () => {
    const viaC = await runCli(['-c', 'select 41 + 1 as answer'], { env: { DSN: PG_DSN } });
    expect(viaC.stdout).toBe('answer\n42\n');
    const viaStdin = await runCli([], { env: { DSN: PG_DSN }, input: "select $$a;b$$ as s;\nselect E'x\\ty' as t;" });
    expect(viaStdin.stdout).toBe('s\na;b\nt\nx\\ty\n');
  });

  it('a transaction spans -c options (one session)', async () => {
    const result = await runCli([
      PG_DSN,
      '-c',
      'begin',
      '-c',
      'create temp table cli_tx(a int)',
      '-c',
      'insert into cli_tx values (1)',
      '-c',
      'select count(*) as n from cli_tx',
      '-c',
      'rollback',
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('n\n1\n');
  });

  it('csv through the server (COPY) matches the row path', async () => {
    const sql = "select g as id, case when g % 3 = 0 then null else 'v,' || g end as v, '' as e from generate_series(1, 5) g";
    const copied = await runCli([PG_DSN, '-c', sql, '--format', 'csv']);
    const streamed = await runCli([PG_DSN, '-c', sql, '-c', 'select 1 where false', '--format', 'csv']);
    expect(copied.stdout).toBe('id,v,e\n1,"v,1",""\n2,"v,2",""\n3,,""\n4,"v,4",""\n5,"v,5",""\n');
    expect(streamed.stdout.startsWith(copied.stdout)).toBe(true);
  });

  it('a statement error carries the line of the failing position', async () => {
    const result = await runCli([PG_DSN], { input: 'select 1 as a;\nselect\n  1,\n  nosuchcolumn;\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('<stdin>:4:');
  });

  it('1,000,000 rows stream in bounded memory (the child has a 48 MB heap)', async () => {
    const sql = "select g, repeat('x', 40) || g as payload from generate_series(1, 1000000) g";
    for (const format of ['tsv', 'json', 'table'] as const) {
      const result = await runCli([PG_DSN, '-c', sql, '--format', format], { nodeArgs: ['--max-old-space-size=48'] });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`xxxxx1000000`);
    }
  }, 120_000);

  it('the read-only option blocks writes', async () => {
    const result = await runCli([PG_DSN, '--read-only', '-c', 'create table cli_ro_should_not_exist(a int)']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/read-only/);
  });
});

describe.skipIf(!availability().mysql)('MariaDB', () => {
  it('-c and stdin, backslash escapes and # comments', async () => {
    const viaC = await runCli([MYSQL_DSN, '-c', "select 'a\\';b' as s # trailing; comment\n; select 2 as n", '--format', 'json']);
    expect(viaC.stderr).toBe('');
    expect(viaC.stdout).toBe('[\n{"s":"a\';b"}\n]\n[\n{"n":2}\n]\n');
    const viaStdin = await runCli([], {
      env: { DSN: MYSQL_DSN },
      input: 'create temporary table cli_t (a int);\ninsert into cli_t values (1),(2);\nselect count(*) as n from cli_t;\n',
    });
    expect(viaStdin.stderr).toBe('');
    expect(viaStdin.stdout).toBe('n\n2\n');
  });

  it('syntax error: exit 1 with the line', async () => {
    const result = await runCli([MYSQL_DSN], { input: 'select 1;\nselec 2;\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('<stdin>:2:');
  });
});
