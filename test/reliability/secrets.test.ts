// Passwords never leak: every command of the built CLI (and the console in a pty) runs with DSNs
// whose passwords are distinctive random strings, through successes and failures; the password
// must appear in no output and in no file dsnsh wrote, except the profile store itself, and not
// even there when the profile refers to the password as ${ENV}.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedHome, distinctiveSecret, secretForms, type IsolatedHome } from '../helpers/fault-isolated-home.js';
import { freePort, startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { startCli } from '../helpers/pty.js';
import { availability, MYSQL_HOST, MYSQL_PORT } from '../helpers/servers.js';
import { runCli, type CliResult } from '../noninteractive/run-cli.js';

const MIGRATIONS = path.resolve('test/fixtures/migrations/ory-style');

interface Target {
  label: string;
  good: string;
  wrongPassword: string;
  tlsRefused?: string;
  badParam: string;
  secrets: string[];
}

function commandsFor(dsn: string): string[][] {
  return [
    [dsn, '-c', 'select 1 as one'],
    [dsn, '-c', 'select 1 as one', '--format', 'json'],
    ['--dsn', dsn, '-c', 'select 1 as one', '--format', 'csv'],
    [dsn, '-c', 'select * from reliability_no_such_table'],
    ['dsn', 'explain', dsn],
    ['dsn', 'explain', dsn, '--json'],
    ['doctor', dsn],
    ['doctor', dsn, '--json'],
    ['migrate', 'status', dsn, '--migrations', MIGRATIONS],
    ['migrate', 'status', dsn, '--migrations', MIGRATIONS, '--format', 'json'],
  ];
}

async function runAll(
  home: IsolatedHome,
  runs: { args: string[]; env?: Record<string, string>; input?: string }[],
  secrets: string[],
): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (const run of runs) {
    const result = await runCli(run.args, { env: { ...home.env, ...run.env }, input: run.input, cwd: home.root });
    const shown = `${result.stdout}\n${result.stderr}`;
    for (const form of secrets.flatMap(secretForms))
      expect(shown, `dsnsh ${run.args.map((a) => secrets.reduce((t, s) => t.split(s).join('<pw>'), a)).join(' ')}`).not.toContain(form);
    results.push(result);
  }
  return results;
}

function exercise(target: () => Target): void {
  let home: IsolatedHome;
  beforeAll(() => {
    home = createIsolatedHome();
  });
  afterAll(() => home?.remove());

  it('no command prints the password, on success or failure; exit codes as documented', async () => {
    const t = target();
    const results = await runAll(
      home,
      [
        ...commandsFor(t.good).map((args) => ({ args })),
        { args: ['-c', 'select 1'], env: { DSN: t.good } },
        { args: [t.good], input: 'select 1;\nselect 2;\n' },
        ...commandsFor(t.wrongPassword).map((args) => ({ args })),
        ...(t.tlsRefused ? [{ args: [t.tlsRefused, '-c', 'select 1'] }, { args: ['doctor', t.tlsRefused] }] : []),
        { args: [t.badParam, '-c', 'select 1'] },
        { args: ['dsn', 'explain', t.badParam] },
      ],
      t.secrets,
    );
    expect(results[0]!.code).toBe(0);
    expect(results[0]!.stdout).toContain('1');
    const wrongPassword = results[commandsFor(t.good).length + 2]!;
    expect(wrongPassword.code).toBe(3);
    expect(results.at(-2)!.code).toBe(2);
  });

  it('profiles: only the profile store holds the password, mode 0600; listings redact it', async () => {
    const t = target();
    const results = await runAll(
      home,
      [
        { args: ['profile', 'add', 'rel.good', t.good] },
        { args: ['profile', 'add', 'rel.bad', t.wrongPassword] },
        { args: ['profile', 'list'] },
        { args: ['profile', 'list', '--json'] },
        { args: ['profile', 'show', 'rel.good'] },
        { args: ['profile', 'show', 'rel.good', '--json'] },
        { args: ['profile', 'default', 'rel.good'] },
        { args: ['rel.good', '-c', 'select 1'] },
        { args: ['-c', 'select 1'] },
        { args: ['doctor', 'rel.good'] },
        { args: ['doctor'] },
        { args: ['migrate', 'status', 'rel.good', '--migrations', MIGRATIONS] },
        { args: ['rel.bad', '-c', 'select 1'] },
        { args: ['profile', 'rename', 'rel.bad', 'rel.worse'] },
        { args: ['profile', 'rm', 'rel.worse'] },
      ],
      t.secrets,
    );
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0]);
    expect(home.filesContaining(t.secrets.flatMap(secretForms))).toEqual([home.profileFile]);
    expect(fs.statSync(home.profileFile).mode & 0o777).toBe(0o600);
  });

  it('a profile with ${ENV} in place of the password stores no password anywhere', async () => {
    const t = target();
    const envHome = createIsolatedHome();
    try {
      const password = t.secrets[0]!;
      const withReference = t.good
        .replace(encodeURIComponent(password), '${RELIABILITY_DB_PASSWORD}')
        .replace(password, '${RELIABILITY_DB_PASSWORD}');
      expect(withReference).not.toContain(password);
      const env = { RELIABILITY_DB_PASSWORD: password };
      const results = await runAll(
        envHome,
        [
          { args: ['profile', 'add', 'rel.env', withReference] },
          { args: ['rel.env', '-c', 'select 1 as one'], env },
          { args: ['doctor', 'rel.env'], env },
          { args: ['migrate', 'status', 'rel.env', '--migrations', MIGRATIONS], env },
          { args: ['profile', 'list'], env },
          { args: ['profile', 'show', 'rel.env', '--json'], env },
          { args: ['rel.env', '-c', 'select 1'] },
        ],
        t.secrets,
      );
      expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0, 2]);
      expect(results.at(-1)!.stderr).toContain('RELIABILITY_DB_PASSWORD');
      expect(envHome.filesContaining(t.secrets.flatMap(secretForms))).toEqual([]);
      expect(fs.statSync(envHome.profileFile).mode & 0o777).toBe(0o600);
    } finally {
      envHome.remove();
    }
  });

  it('the console (pty): the password is neither on screen nor in the history file', async () => {
    const t = target();
    const consoleHome = createIsolatedHome();
    const session = startCli({ args: [t.good], env: consoleHome.env, cwd: consoleHome.root, columns: 120, rows: 30 });
    try {
      await session.waitFor('sql>', 20_000);
      session.write('select 7 * 6 as answer;');
      session.write('\r');
      await session.waitFor(/answer[\s\S]*\b42\b[\s\S]*1 row/, 15_000);
      session.write('\x04');
      expect(await session.exited).toBe(0);
      for (const form of t.secrets.flatMap(secretForms)) expect(session.output()).not.toContain(form);
      const history = consoleHome.files().filter((file) => file.includes(`${path.sep}history${path.sep}`));
      expect(history.length).toBeGreaterThan(0);
      for (const file of history) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(consoleHome.filesContaining(t.secrets.flatMap(secretForms))).toEqual([]);
    } finally {
      session.kill();
      consoleHome.remove();
    }
  }, 60_000);

  it('the console (pty) with a wrong password: the error screen holds no password', async () => {
    const t = target();
    const consoleHome = createIsolatedHome();
    const session = startCli({ args: [t.wrongPassword], env: consoleHome.env, cwd: consoleHome.root, columns: 120, rows: 30 });
    try {
      await session.waitFor(/password|ccess denied|uthentication/, 20_000);
      session.write('\x04');
      session.write('\x03');
      session.write('\x03');
      await Promise.race([session.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      for (const form of t.secrets.flatMap(secretForms)) expect(session.output()).not.toContain(form);
      expect(consoleHome.filesContaining(t.secrets.flatMap(secretForms))).toEqual([]);
    } finally {
      session.kill();
      consoleHome.remove();
    }
  }, 60_000);
}

describe.skipIf(!availability().postgres)('secrets: PostgreSQL with password authentication', () => {
  let cluster: TempCluster;
  let target: Target;
  beforeAll(async () => {
    cluster = await startTempCluster({ hba: 'password' });
    const password = distinctiveSecret('pg');
    const wrong = distinctiveSecret('pgWrong');
    cluster.psql(`CREATE ROLE reliability_app LOGIN PASSWORD '${password}'`);
    cluster.psql('CREATE DATABASE reliability_app OWNER reliability_app');
    const base = (pw: string, host = '127.0.0.1', port = cluster.port, query = 'sslmode=disable&connect_timeout=5') =>
      `postgres://reliability_app:${pw}@${host}:${port}/reliability_app?${query}`;
    target = {
      label: 'postgres',
      good: base(password),
      wrongPassword: base(wrong),
      tlsRefused: base(password, '127.0.0.1', cluster.port, 'sslmode=require&connect_timeout=5'),
      badParam: base(password, '127.0.0.1', cluster.port, 'sslmode=bogus'),
      secrets: [password, wrong],
    };
  }, 120_000);
  afterAll(() => cluster?.stop());

  exercise(() => target);

  it('connection refused and an unknown host print no password', async () => {
    const home = createIsolatedHome();
    try {
      const password = target.secrets[0]!;
      const refused = target.good.replace(`:${cluster.port}/`, `:${await freePort()}/`);
      const unknown = target.good.replace('127.0.0.1', 'reliability-db.invalid');
      const results = await runAll(
        home,
        [refused, unknown].flatMap((dsn) => [
          { args: [dsn, '-c', 'select 1'] },
          { args: ['doctor', dsn] },
          { args: ['migrate', 'status', dsn, '--migrations', MIGRATIONS] },
        ]),
        [password],
      );
      expect(results.map((r) => r.code)).toEqual([3, 3, 3, 3, 3, 3]);
      expect(home.filesContaining(secretForms(password))).toEqual([]);
    } finally {
      home.remove();
    }
  });
});

describe.skipIf(!availability().mysql)('secrets: MariaDB with a password user', () => {
  let target: Target;
  const user = `rel_${process.pid}`;
  const sql = (statement: string) =>
    execFileSync('mariadb', ['-uroot', `-h${MYSQL_HOST}`, `-P${MYSQL_PORT}`, '--protocol=tcp', '-e', statement], { stdio: 'pipe' });
  beforeAll(() => {
    const password = distinctiveSecret('my');
    const wrong = distinctiveSecret('myWrong');
    sql('CREATE DATABASE IF NOT EXISTS dsnsh_reliability_secrets');
    for (const host of ['%', 'localhost', '127.0.0.1']) {
      sql(`CREATE OR REPLACE USER '${user}'@'${host}' IDENTIFIED BY '${password}'`);
      sql(`GRANT ALL ON dsnsh_reliability_secrets.* TO '${user}'@'${host}'`);
    }
    const base = (pw: string, query = 'timeout=5s') =>
      `mysql://${user}:${pw}@tcp(${MYSQL_HOST}:${MYSQL_PORT})/dsnsh_reliability_secrets?${query}`;
    target = {
      label: 'mysql',
      good: base(password),
      wrongPassword: base(wrong),
      badParam: base(password, 'timeout=5parsecs'),
      secrets: [password, wrong],
    };
  });
  afterAll(() => {
    for (const host of ['%', 'localhost', '127.0.0.1']) sql(`DROP USER IF EXISTS '${user}'@'${host}'`);
    sql('DROP DATABASE IF EXISTS dsnsh_reliability_secrets');
  });

  exercise(() => target);
});
