// An export that stops part-way (Ctrl+C, a lost connection) says its output is partial, with the
// whole rows that reached it, and a JSON result cut off says the output is not valid JSON.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli-path.js';
import { availability, PG_DSN } from '../helpers/servers.js';
import { baseEnv, runCli } from './run-cli.js';

/** Rows 1-2000 arrive (two fetches of 1000), then the third fetch sleeps inside row 2500. */
const STALLS_AFTER_2000 = 'select g, case when g = 2500 then pg_sleep(60)::text end as s from generate_series(1, 5000) g';

interface Started {
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

function start(args: string[]): Started {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
    kill: (signal) => child.kill(signal),
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe.skipIf(!availability().postgres)('partial output on PostgreSQL', () => {
  it('a lost connection mid-export: the rows that reached the output, and the JSON is said to be invalid', async () => {
    const tag = `dsnsh_out_lost_${process.pid}`;
    const run = start([`${PG_DSN}&application_name=${tag}`, '--format', 'json', '-c', STALLS_AFTER_2000]);
    await until(() => run.stdout().includes('"g":2000,'), 'the first 2000 rows are out');
    const killed = await runCli([
      PG_DSN,
      '--format',
      'csv',
      '--no-header',
      '-c',
      `select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = '${tag}'`,
    ]);
    expect(killed.stdout.trim()).toBe('1');
    expect(await run.exited).toBe(3);
    expect(run.stderr()).toMatch(/2000 rows of this statement reached the output \(the output is partial\)/);
    expect(run.stderr()).toMatch(/not valid JSON/);
    expect(() => JSON.parse(run.stdout())).toThrow();
  });

  it('Ctrl+C mid-export of JSON: partial, with the row count, and not valid JSON', async () => {
    const run = start([PG_DSN, '--format', 'json', '-c', STALLS_AFTER_2000]);
    await until(() => run.stdout().includes('"g":2000,'), 'the first 2000 rows are out');
    run.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stderr()).toMatch(/interrupted after 2000 rows; the output is partial; .*not valid JSON/);
  });

  it("csv with max_conns=1 (the server writes the CSV on the session's own connection)", async () => {
    const result = await runCli([`${PG_DSN}&max_conns=1`, '--format', 'csv', '-c', 'select 1 as a'], {});
    expect(result).toMatchObject({ code: 0, stdout: 'a\n1\n' });
  }, 15_000);
});
