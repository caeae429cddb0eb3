// The package as `npx dsnsh` gets it: `npm pack` of the CLI under test, installed from the tarball
// into an empty folder with an empty HOME, offline from the local npm cache (dependencies pinned
// by a lock file made from this checkout's, see appLockfile); then the installed
// `dsnsh` against memory, SQLite, PostgreSQL and MariaDB, with -c and stdin, a read-only HOME and
// only DSN in the environment. A second install makes better-sqlite3 (a native, optional add-on)
// fail to install: installing still succeeds, PostgreSQL/MariaDB work, memory says what is missing.
//
// Speed: compiling better-sqlite3 takes minutes on two cores, so the first install finds a
// "prebuilt binary" in its prebuild cache (made from this checkout's compiled add-on), as it would
// download one on platforms with published prebuilds.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, PROJECT_ROOT } from '../helpers/cli-path.js';
import { MYSQL_DSN, PG_DSN, availability } from '../helpers/servers.js';
import { runCli, type CliOptions } from '../noninteractive/run-cli.js';

const execFileAsync = promisify(execFile);
const PREBUILT_HOST = 'http://prebuilt.dsnsh-test.invalid';
const ADDON = path.join(PROJECT_ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

let work: string;
let tarball: string;
let npmCache: string;

function minimalEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LANG: 'C.UTF-8', ...extra };
}

/** A fresh npm cache folder sharing the machine's package cache, with its own prebuild cache. */
function npmCacheWithPrebuilt(): string {
  const realCache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  const cache = path.join(work, 'npm-cache');
  fs.mkdirSync(path.join(cache, '_prebuilds'), { recursive: true });
  fs.symlinkSync(path.join(realCache, '_cacache'), path.join(cache, '_cacache'));
  // The file name and folder prebuild-install looks for (see its util.js: cachedPrebuild).
  const version = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')).version as string;
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  const url = `${PREBUILT_HOST}/v${version}/${name}`;
  const digest = createHash('sha512').update(url).digest('hex').slice(0, 6);
  const staging = path.join(work, 'prebuilt');
  fs.mkdirSync(path.join(staging, 'build/Release'), { recursive: true });
  fs.copyFileSync(ADDON, path.join(staging, 'build/Release/better_sqlite3.node'));
  execFileSync('tar', ['czf', path.join(cache, '_prebuilds', `${digest}-${name.replace(/[^a-zA-Z0-9.]+/g, '-')}`), '-C', staging, 'build']);
  return cache;
}

/**
 * The app's lock file: the tarball, and dsnsh's runtime dependencies at the versions of this
 * checkout's lock file. Installing from it needs only the package tarballs `npm ci` has cached;
 * resolving version ranges would need the registry's package documents, which a machine that
 * only ran `npm ci` does not have (npm: ENOTCACHED).
 */
function appLockfile(folder: string): object {
  const project = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const root = project.packages['']!;
  const spec = `file:${path.relative(folder, tarball)}`;
  const packages: Record<string, unknown> = {
    '': { name: 'npx-test-app', dependencies: { dsnsh: spec } },
    'node_modules/dsnsh': {
      version: root.version, resolved: spec, dependencies: root.dependencies, optionalDependencies: root.optionalDependencies, bin: root.bin, engines: root.engines,
    },
  };
  for (const [key, entry] of Object.entries(project.packages)) {
    if (key !== '' && entry.dev !== true) packages[key] = entry;
  }
  return { name: 'npx-test-app', lockfileVersion: 3, requires: true, packages };
}

async function install(folder: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  fs.mkdirSync(path.join(folder, 'home'), { recursive: true });
  const spec = `file:${path.relative(folder, tarball)}`;
  fs.writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify({ name: 'npx-test-app', private: true, dependencies: { dsnsh: spec } })}\n`);
  fs.writeFileSync(path.join(folder, 'package-lock.json'), `${JSON.stringify(appLockfile(folder), null, 2)}\n`);
  try {
    const { stdout, stderr } = await execFileAsync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: folder,
      env: minimalEnv({ HOME: path.join(folder, 'home'), npm_config_cache: npmCache, npm_config_update_notifier: 'false', ...env }),
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

function dsnshIn(folder: string) {
  const bin = path.join(folder, 'node_modules/.bin/dsnsh');
  return (args: string[], options: CliOptions = {}) =>
    runCli(args, { ...options, cli: bin, cleanEnv: true, env: minimalEnv({ HOME: path.join(folder, 'home'), ...options.env }) });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-npx-'));
  // Pack exactly the build under test: package.json + README + that dist/.
  const stage = path.join(work, 'stage');
  fs.mkdirSync(stage);
  fs.copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(stage, 'package.json'));
  if (fs.existsSync(path.join(PROJECT_ROOT, 'README.md'))) fs.copyFileSync(path.join(PROJECT_ROOT, 'README.md'), path.join(stage, 'README.md'));
  fs.cpSync(path.dirname(CLI_PATH), path.join(stage, 'dist'), { recursive: true });
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: stage, encoding: 'utf8', env: minimalEnv({ HOME: work }) });
  tarball = path.join(work, packed.trim().split('\n').pop()!);
  npmCache = npmCacheWithPrebuilt();
}, 60_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('installed from the packed tarball', () => {
  let app: string;
  let dsnsh: ReturnType<typeof dsnshIn>;
  beforeAll(async () => {
    app = path.join(work, 'app');
    const result = await install(app, { npm_config_better_sqlite3_binary_host: PREBUILT_HOST });
    expect(result.output).not.toMatch(/ERR!|npm error/);
    expect(result.code).toBe(0);
    dsnsh = dsnshIn(app);
  }, 150_000);

  it('the bin runs from its symlink with its shebang', async () => {
    const { stdout } = await execFileAsync(path.join(app, 'node_modules/.bin/dsnsh'), ['--version'], { env: minimalEnv() });
    expect(stdout).toMatch(/^dsnsh \d+\.\d+\.\d+/);
  });

  it('memory with -c and with stdin; sqlite file', async () => {
    expect((await dsnsh(['-c', 'select 1 + 1 as two'])).stdout).toBe('two\n2\n');
    expect((await dsnsh([], { input: 'create table t(a);\ninsert into t values (5);\nselect a from t;' })).stdout).toBe('a\n5\n');
    const db = path.join(work, 'npx.db');
    const created = await dsnsh([`sqlite://${db}?_fk=true`, '-c', 'create table t(a)', '-c', "insert into t values ('x')"]);
    expect(created.stderr).toBe('');
    expect((await dsnsh([`sqlite://${db}`], { input: 'select a from t' })).stdout).toBe('a\nx\n');
  });

  it.skipIf(!availability().postgres)('postgres with -c and stdin', async () => {
    expect((await dsnsh([PG_DSN, '-c', 'select 2 as n'])).stdout).toBe('n\n2\n');
    expect((await dsnsh([PG_DSN], { input: 'select 3 as n;' })).stdout).toBe('n\n3\n');
  });

  it.skipIf(!availability().mysql)('mariadb with -c and stdin', async () => {
    expect((await dsnsh([MYSQL_DSN, '-c', 'select 2 as n'])).stdout).toBe('n\n2\n');
    expect((await dsnsh([MYSQL_DSN], { input: 'select 3 as n;' })).stdout).toBe('n\n3\n');
  });

  it('only DSN in the environment (as in an Ory pod): no HOME, no arguments', async () => {
    const dsn = availability().postgres ? PG_DSN : 'memory';
    const result = await runCli(['-c', 'select 4 as n'], { cli: path.join(app, 'node_modules/.bin/dsnsh'), cleanEnv: true, env: { PATH: process.env.PATH, DSN: dsn } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('n\n4\n');
    const piped = await runCli([], { cli: path.join(app, 'node_modules/.bin/dsnsh'), cleanEnv: true, env: { PATH: process.env.PATH, DSN: dsn }, input: 'select 5 as n' });
    expect(piped.stdout).toBe('n\n5\n');
  });

  it('a read-only HOME: queries work, saving a profile explains why it cannot', async () => {
    const blocker = path.join(work, 'home-is-a-file');
    fs.writeFileSync(blocker, '');
    const env = { HOME: path.join(blocker, 'home') };
    expect((await dsnsh(['memory', '-c', 'select 6 as n'], { env })).stdout).toBe('n\n6\n');
    const saved = await dsnsh(['profile', 'add', 'x', 'memory'], { env });
    expect(saved.code).toBe(2);
    expect(saved.stderr).toContain('cannot save profiles');
  });
});

describe('installed where better-sqlite3 cannot be built', () => {
  let app: string;
  let dsnsh: ReturnType<typeof dsnshIn>;
  beforeAll(async () => {
    app = path.join(work, 'app-no-sqlite');
    // No prebuilt binary (nothing listens there) and a node-gyp that fails, as without a compiler.
    const brokenGyp = path.join(work, 'broken-node-gyp.js');
    fs.writeFileSync(brokenGyp, "console.error('gyp: no compiler available'); process.exit(1);\n");
    const result = await install(app, { npm_config_better_sqlite3_binary_host: 'http://127.0.0.1:9', npm_config_node_gyp: brokenGyp });
    expect(result.code).toBe(0);
    dsnsh = dsnshIn(app);
  }, 150_000);

  it('the install succeeded without the add-on', () => {
    expect(fs.existsSync(path.join(app, 'node_modules/.bin/dsnsh'))).toBe(true);
    expect(fs.existsSync(path.join(app, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(false);
  });

  it('memory and sqlite report the missing driver clearly (exit 3)', async () => {
    for (const target of ['memory', `sqlite://${path.join(work, 'none.db')}`]) {
      const result = await dsnsh([target, '-c', 'select 1']);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/better-sqlite3/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it.skipIf(!availability().postgres)('postgres still works', async () => {
    expect((await dsnsh([PG_DSN, '-c', 'select 7 as n'])).stdout).toBe('n\n7\n');
  });

  it.skipIf(!availability().mysql)('mariadb still works', async () => {
    expect((await dsnsh([], { env: { DSN: MYSQL_DSN }, input: 'select 8 as n' })).stdout).toBe('n\n8\n');
  });
});
