// The SQLite worker as shipped: the built CLI (dist/cli.js, or DSNSH_CLI) finds
// dist/adapters__sqlite__sqlite-worker.cjs beside it; without better-sqlite3 the user is told why
// and that the server backends still work; the one-shot CLI runs SQLite in its own process; a
// program killed while its worker runs a statement leaves no memory file behind.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { CLI_PATH, PROJECT_ROOT } from '../helpers/cli-path.js';

const scratch = mkdtempSync(join(tmpdir(), 'dsnsh-sqlite-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runCli(cli: string, args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, CI: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function waitUntil(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// A statement that would run for minutes.
const LONG_STATEMENT = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000) SELECT count(*) FROM c';

/** utime + stime of a process, in seconds (assuming the usual 100 clock ticks per second). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function childrenOf(pid: number): string[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(' ').filter(Boolean),
  );
}

/** A program using the adapter from sources (default options: the worker process), bundled inside the project so the worker resolves better-sqlite3. */
async function bundleProgram(name: string, body: string): Promise<{ cli: string; remove(): void }> {
  const outdir = join(PROJECT_ROOT, '.test-tmp', `sqlite-${name}-${process.pid}`);
  mkdirSync(outdir, { recursive: true });
  const entry = join(outdir, 'entry.ts');
  writeFileSync(
    entry,
    `import { openAdapter } from ${JSON.stringify(join(PROJECT_ROOT, 'source/adapters/open-adapter.ts'))};
import { parseDsn } from ${JSON.stringify(join(PROJECT_ROOT, 'source/dsn/parse-dsn.ts'))};
${body}`,
  );
  await build({
    entryPoints: [{ in: entry, out: 'cli' }],
    outdir: join(outdir, 'out'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    external: ['better-sqlite3'],
    outExtension: { '.js': '.mjs' },
    logLevel: 'silent',
  });
  // The workers as dist/ has them (CommonJS, beside the entry).
  const { buildWorkers } = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts/build.mjs')).href)) as {
    buildWorkers(sourceDir: string, outdir: string, options?: object): Promise<void>;
  };
  await buildWorkers(join(PROJECT_ROOT, 'source'), join(outdir, 'out'), { logLevel: 'silent' });
  return { cli: join(outdir, 'out', 'cli.mjs'), remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

describe('sqlite worker in the built CLI', { timeout: 30_000 }, () => {
  it('runs SQL against memory and a file through the bundled worker', () => {
    const memory = runCli(CLI_PATH, ['memory', '-c', 'SELECT 9223372036854775807 AS big']);
    expect(memory.stderr).toBe('');
    expect(memory.status).toBe(0);
    expect(memory.stdout).toContain('9223372036854775807');
    const file = runCli(CLI_PATH, [`sqlite://${join(scratch, 'cli.sqlite')}?_fk=true`, '-c', 'SELECT sqlite_version()']);
    expect(file.status).toBe(0);
    expect(file.stdout).toMatch(/3\.\d+\.\d+/);
  });

  it('explains a missing better-sqlite3 and that the server backends still work', () => {
    // A copy of the bundle outside the project cannot resolve the native driver.
    const copy = join(scratch, 'no-driver');
    cpSync(dirname(CLI_PATH), copy, { recursive: true });
    const result = runCli(join(copy, 'cli.js'), ['memory', '-c', 'SELECT 1']);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/need the better-sqlite3 driver, which could not be installed or loaded \(.*better-sqlite3.*\)/);
    expect(result.stderr).toMatch(/PostgreSQL, CockroachDB and MySQL DSNs still work/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('the CLI runs SQLite in its own process: no worker process, no memory file', async () => {
    const privateTmp = mkdtempSync(join(scratch, 'tmp-'));
    const child = spawn(process.execPath, [CLI_PATH, 'memory', '-c', LONG_STATEMENT], {
      stdio: 'ignore',
      env: { ...process.env, TMPDIR: privateTmp, CI: '' },
    });
    try {
      // Deep inside the statement once the process has spent a second of CPU time.
      await waitUntil(() => cpuSeconds(child.pid!) >= 1, 'the statement has run for a while');
      expect(childrenOf(child.pid!)).toEqual([]);
      // (Node >= 22.1 keeps its compile cache there: not a file of dsnsh's.)
      expect(readdirSync(privateTmp).filter((name) => name !== 'node-compile-cache')).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('stops the worker and removes the memory file when the program is killed mid-statement', async () => {
    const privateTmp = mkdtempSync(join(scratch, 'tmp-'));
    // The console's way (a worker process): the worker is deep inside SQLite when its parent dies.
    const program = await bundleProgram(
      'killed-mid-statement',
      `const db = await openAdapter(parseDsn('memory'));
await db.run(${JSON.stringify(LONG_STATEMENT)});
`,
    );
    const child = spawn(process.execPath, [program.cli], { stdio: 'ignore', env: { ...process.env, TMPDIR: privateTmp, CI: '' } });
    const memoryDirs = () => readdirSync(privateTmp).filter((name) => name.startsWith('dsnsh-memory-'));
    try {
      await waitUntil(() => memoryDirs().some((name) => existsSync(join(privateTmp, name, 'memory.sqlite'))), 'the memory file exists');
    } finally {
      child.kill('SIGKILL');
    }
    try {
      await waitUntil(() => memoryDirs().length === 0, 'the worker removed the memory file');
    } finally {
      program.remove();
    }
  });

  it('never keeps a program alive: an adapter left open does not delay exit', async () => {
    const program = await bundleProgram(
      'forgotten-close',
      `const db = await openAdapter(parseDsn('memory'));
const stream = await db.stream('SELECT 1 UNION ALL SELECT 2', { chunkSize: 1 });
for await (const chunk of stream) { console.log(JSON.stringify(chunk)); break; }
`,
    );
    try {
      const result = runCli(program.cli, []);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe('[[1]]');
    } finally {
      program.remove();
    }
  });
});
