// Ctrl+C (SIGINT) cancels the running statement on the server before dsnsh exits with 130.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { MYSQL_DSN, PG_DSN, availability } from '../helpers/servers.js';
import { baseEnv, runCli } from '../noninteractive/run-cli.js';

async function count(dsn: string, sql: string): Promise<number> {
  const result = await runCli([dsn, '-c', sql, '--no-header']);
  expect(result.stderr).toBe('');
  return Number(result.stdout.trim());
}

async function waitUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** Whether the process has a SIGINT handler installed (its SigCgt mask in /proc; Linux). */
function catchesSigint(pid: number): boolean {
  const mask = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (mask === undefined) throw new Error(`no SigCgt line for process ${pid}`);
  return ((BigInt(`0x${mask}`) >> 1n) & 1n) === 1n;
}

async function interruptRunning(
  dsn: string,
  sql: string,
  running: () => Promise<number>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI_PATH, dsn, '-c', sql], { env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await waitUntil(async () => (await running()) === 1, 'the statement runs on the server');
  child.kill('SIGINT');
  return { code: await exited, stderr };
}

describe.skipIf(!availability().postgres)('SIGINT on PostgreSQL', () => {
  it('cancels pg_sleep on the server and exits 130', async () => {
    const tag = `cli_sigint_${process.pid}`;
    const running = () =>
      count(PG_DSN, `select count(*) from pg_stat_activity where state = 'active' and query like '%${tag}%' and pid <> pg_backend_pid()`);
    const result = await interruptRunning(PG_DSN, `select pg_sleep(60) as ${tag}`, running);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('interrupted');
    expect(await running()).toBe(0);
  });
});

describe.skipIf(!availability().mysql)('SIGINT on MariaDB', () => {
  it('cancels SLEEP on the server and exits 130', async () => {
    const tag = `cli_sigint_${process.pid}`;
    const running = () =>
      count(MYSQL_DSN, `select count(*) from information_schema.processlist where info like 'select sleep(60) as ${tag}%'`);
    const result = await interruptRunning(MYSQL_DSN, `select sleep(60) as ${tag}`, running);
    expect(result.code).toBe(130);
    await waitUntil(async () => (await running()) === 0, 'the server has stopped the statement');
  });
});

describe.skipIf(!availability().postgres)('streaming', () => {
  it('prints the first rows while the query is still running, and SIGINT then stops it', async () => {
    // The second branch sleeps: rows of the first branch must reach stdout before it finishes.
    const sql = 'select g::text as v from generate_series(1, 5000) g union all select pg_sleep(60)::text';
    const child = spawn(process.execPath, [CLI_PATH, PG_DSN, '-c', sql], { env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n1000\n')) resolve();
      });
    });
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
  });
});

describe('SIGINT while waiting for input', () => {
  it('exits 130 without waiting for stdin to close', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'memory'], { env: baseEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const firstResult = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('a\n1\n')) resolve();
      });
    });
    child.stdin.write('select 1 as a;\n');
    await firstResult;
    // stdin stays open: only the interrupt can end the run.
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
  });
});

describe('SIGINT during a long SQLite statement (SQLite runs in the CLI process)', () => {
  it('ends the process at once by SIGINT (shells report 130); the open transaction is rolled back', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsnsh-cli-sigint-'));
    try {
      const file = join(dir, 'interrupt.sqlite');
      const dsn = `sqlite://${file}`;
      expect((await runCli([dsn, '-c', 'create table kept (n integer); insert into kept values (1)'])).code).toBe(0);
      // The insert holds the transaction open (and creates the rollback journal) while the
      // recursive count runs for minutes.
      const child = spawn(
        process.execPath,
        [
          CLI_PATH,
          dsn,
          '-c',
          'begin; insert into kept values (2);',
          '-c',
          'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000) SELECT count(*) FROM c',
        ],
        { env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('close', (code, signal) => resolve({ code, signal })),
      );
      try {
        // The insert has written (its journal is there) and a statement runs inside SQLite: the
        // process has no SIGINT handler only during such a call (in-process-connection.ts).
        await waitUntil(
          async () => existsSync(`${file}-journal`) && !catchesSigint(child.pid!),
          'a statement runs inside SQLite after the insert',
        );
        child.kill('SIGINT');
        // Killed by the signal, as a shell shows it: 130.
        expect(await exited).toEqual({ code: null, signal: 'SIGINT' });
      } finally {
        child.kill('SIGKILL');
      }
      const after = await runCli([
        dsn,
        '-c',
        'select count(*) from kept',
        '-c',
        'pragma integrity_check',
        '--no-header',
        '--format',
        'csv',
      ]);
      expect(after.stdout).toBe('1\nok\n');
      expect(after.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
