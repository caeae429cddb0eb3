// The package as `npx dsnsh` gets it (scripts/packed-install.mjs: `npm pack` of the CLI under
// test, installed from the tarball into an empty folder with an empty HOME, offline from the
// local npm cache, better-sqlite3 from a "prebuilt binary" made of this checkout's add-on); then
// the installed `dsnsh` against memory, SQLite, PostgreSQL and MariaDB, with -c and stdin, a
// read-only HOME and only DSN in the environment. A second install makes better-sqlite3 (a
// native, optional add-on) fail to install: installing still succeeds, PostgreSQL/MariaDB work,
// memory says what is missing.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, minimalEnv, npmCacheWithPrebuilt, packBuild, PREBUILT_HOST } from '../../scripts/packed-install.mjs';
import { CLI_PATH, PROJECT_ROOT } from '../helpers/cli-path.js';
import { MYSQL_DSN, PG_DSN, availability } from '../helpers/servers.js';
import { runCli, type CliOptions } from '../noninteractive/run-cli.js';

const execFileAsync = promisify(execFile);

let work: string;
let tarball: string;
let npmCache: string;

function install(folder: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return installPacked({ projectRoot: PROJECT_ROOT, folder, tarball, npmCache, env });
}

function dsnshIn(folder: string) {
  const bin = path.join(folder, 'node_modules/.bin/dsnsh');
  return (args: string[], options: CliOptions = {}) =>
    runCli(args, { ...options, cli: bin, cleanEnv: true, env: minimalEnv({ HOME: path.join(folder, 'home'), ...options.env }) });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-npx-'));
  // Pack exactly the build under test.
  tarball = packBuild(PROJECT_ROOT, path.dirname(CLI_PATH), work);
  npmCache = npmCacheWithPrebuilt(PROJECT_ROOT, work);
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

  it('installs only dsnsh and better-sqlite3 with what it needs (everything else is in the bundle)', () => {
    const modules = path.join(app, 'node_modules');
    const manifest = (name: string) =>
      JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const installed = fs
      .readdirSync(modules)
      .filter((name) => !name.startsWith('.'))
      .flatMap((name) => (name.startsWith('@') ? fs.readdirSync(path.join(modules, name)).map((scoped) => `${name}/${scoped}`) : [name]));
    const needed = new Set(['dsnsh']);
    const visit = (name: string) => {
      if (needed.has(name) || !installed.includes(name)) return;
      needed.add(name);
      for (const dependency of Object.keys(manifest(name).dependencies ?? {})) visit(dependency);
    };
    visit('better-sqlite3');
    expect(needed.has('better-sqlite3')).toBe(true);
    expect(installed.sort()).toEqual([...needed].sort());
    expect(manifest('dsnsh').dependencies ?? {}).toEqual({});
  });

  it('carries the licences of the code bundled into dist/', () => {
    const notices = fs.readFileSync(path.join(app, 'node_modules/dsnsh/dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const bundled of ['ink', 'react', 'pg', 'mysql2', 'string-width'])
      expect(notices).toMatch(new RegExp(`^${bundled}@\\d+\\.\\d+\\.\\d+ .*MIT`, 'm'));
    expect(notices).toContain('Permission is hereby granted, free of charge');
  });

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
    const result = await runCli(['-c', 'select 4 as n'], {
      cli: path.join(app, 'node_modules/.bin/dsnsh'),
      cleanEnv: true,
      env: { PATH: process.env.PATH, DSN: dsn },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('n\n4\n');
    const piped = await runCli([], {
      cli: path.join(app, 'node_modules/.bin/dsnsh'),
      cleanEnv: true,
      env: { PATH: process.env.PATH, DSN: dsn },
      input: 'select 5 as n',
    });
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
