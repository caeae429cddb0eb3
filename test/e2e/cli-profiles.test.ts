// `dsnsh profile …` and profiles as targets, with the profile file in a throw-away XDG_CONFIG_HOME.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { PG_DSN, availability } from '../helpers/servers.js';
import { execFile, execFileSync } from 'node:child_process';
import { cliPathFor, worldReadableFolder } from '../helpers/cli-for-other-user.js';
import { baseEnv, runCli, type CliOptions } from '../noninteractive/run-cli.js';

const hasSetpriv = (() => {
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let home: string;
let configFile: string;
const cli = (args: string[], options: CliOptions = {}) =>
  runCli(args, { ...options, env: { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), ...options.env } });

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-profiles-e2e-'));
  configFile = path.join(home, '.config', 'dsnsh', 'profiles.json');
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

describe('profile commands', () => {
  it('add, list, show, default, rename, rm; dotted names; passwords redacted; file 0600', async () => {
    const added = await cli(['profile', 'add', 'prod.eu-1', 'postgres://app:s3cr3t@db.example:5432/app', '--note', 'EU', '--read-only']);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('warning: the DSN holds a password');
    expect(added.stdout + added.stderr).not.toContain('s3cr3t');
    expect(fs.statSync(configFile).mode & 0o777).toBe(0o600);

    expect((await cli(['profile', 'default', 'prod.eu-1'])).code).toBe(0);
    const list = await cli(['profile', 'list']);
    expect(list.stdout).toMatch(/^ {2}memory +memory/m);
    expect(list.stdout).toMatch(/^\* prod\.eu-1 +postgres:\/\/app:\*\*\*@db\.example:5432\/app {2}# EU$/m);
    expect(list.stdout).not.toContain('s3cr3t');

    const json = JSON.parse((await cli(['profile', 'list', '--json'])).stdout);
    expect(json.default).toBe('prod.eu-1');
    expect(json.profiles.map((p: { name: string }) => p.name)).toEqual(['memory', 'prod.eu-1']);
    expect(JSON.stringify(json)).not.toContain('s3cr3t');

    const show = JSON.parse((await cli(['profile', 'show', 'prod.eu-1', '--json'])).stdout);
    expect(show).toMatchObject({
      name: 'prod.eu-1',
      readOnly: true,
      note: 'EU',
      default: true,
      dsn: 'postgres://app:***@db.example:5432/app',
    });

    expect((await cli(['profile', 'rename', 'prod.eu-1', 'prod.eu-2'])).code).toBe(0);
    expect((await cli(['profile', 'default'])).stdout).toBe('prod.eu-2\n');
    expect((await cli(['profile', 'rm', 'prod.eu-2'])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(configFile, 'utf8'))).toEqual({ profiles: {}, defaultProfile: null });
  });

  it('memory cannot be removed or overwritten', async () => {
    const removed = await cli(['profile', 'rm', 'memory']);
    expect(removed.code).toBe(2);
    expect(removed.stderr).toContain('built-in "memory" profile cannot be removed');
    expect((await cli(['profile', 'add', 'memory', 'sqlite:///x.db'])).code).toBe(2);
  });

  it('a ${ENV} reference is stored as is (no warning) and expanded only when connecting', async () => {
    const db = path.join(home, 'env.db');
    const added = await cli(['profile', 'add', 'local', 'sqlite://${DB_PATH}?_fk=true']);
    expect(added.code).toBe(0);
    expect(added.stderr).toBe('');
    expect(fs.readFileSync(configFile, 'utf8')).toContain('${DB_PATH}');
    const missing = await cli(['local', '-c', 'select 1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('${DB_PATH}');
    const ok = await cli(['local', '-c', 'select 7 as n'], { env: { DB_PATH: db } });
    expect(ok.stdout).toBe('n\n7\n');
    expect(fs.existsSync(db)).toBe(true);
  });

  it('the default profile is the target when nothing else is given; DSN env beats it', async () => {
    await cli(['profile', 'add', 'def', `sqlite://${path.join(home, 'def.db')}`]);
    await cli(['profile', 'default', 'def']);
    expect((await cli(['-c', "select 'from default' as t"])).stdout).toBe('t\nfrom default\n');
    expect((await cli(['-c', "select 'from env' as t"], { env: { DSN: 'memory' } })).stdout).toBe('t\nfrom env\n');
  });

  it('a corrupt file: clear error naming it, untouched; DSNs and memory still work', async () => {
    fs.mkdirSync(path.dirname(configFile), { recursive: true });
    fs.writeFileSync(configFile, '{ "profiles": ');
    const list = await cli(['profile', 'list']);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain(configFile);
    expect(list.stderr).toContain('not valid JSON');
    expect(list.stderr).not.toMatch(/\n\s+at /);
    expect((await cli(['profile', 'add', 'x', 'memory'])).code).toBe(2);
    expect(fs.readFileSync(configFile, 'utf8')).toBe('{ "profiles": ');
    expect((await cli(['memory', '-c', 'select 1 as a'])).stdout).toBe('a\n1\n');
    expect((await cli(['-c', 'select 1 as a'], { env: { DSN: 'memory' } })).stdout).toBe('a\n1\n');
    expect((await cli([`sqlite://${path.join(home, 'c.db')}`, '-c', 'select 1 as a'])).stdout).toBe('a\n1\n');
  });

  it('an unwritable HOME: everything but saving works, and saving says why', async () => {
    // Root ignores permission bits, so make HOME a path below a regular file (ENOTDIR).
    const blocker = path.join(home, 'file');
    fs.writeFileSync(blocker, '');
    const env = { HOME: path.join(blocker, 'home'), XDG_CONFIG_HOME: '' };
    expect((await cli(['-c', 'select 1 as a'], { env })).stdout).toBe('a\n1\n');
    expect((await cli(['profile', 'list'], { env })).code).toBe(0);
    const saved = await cli(['profile', 'add', 'x', 'memory'], { env });
    expect(saved.code).toBe(2);
    expect(saved.stderr).toMatch(/cannot save profiles to .*: a part of the path is a file, not a folder/);
    expect(saved.stderr).toContain('DSNSH_CONFIG_DIR');
  });

  it.skipIf(!hasSetpriv || process.getuid?.() !== 0)('a HOME without write permission, as an unprivileged user', async () => {
    // Below /tmp, not the test's temp folder: nobody must reach it whatever TMPDIR is.
    const reachable = worldReadableFolder('dsnsh-profiles-nobody-');
    onTestFinished(() => fs.rmSync(reachable, { recursive: true, force: true }));
    const cliPath = cliPathFor(65534, reachable);
    const readOnlyHome = path.join(reachable, 'ro');
    fs.mkdirSync(readOnlyHome, { mode: 0o555 });
    const asNobody = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cliPath, ...args],
          { env: baseEnv({ HOME: readOnlyHome, XDG_CONFIG_HOME: '' }) },
          (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    expect((await asNobody(['memory', '-c', 'select 1 as a'])).stdout).toBe('a\n1\n');
    const saved = await asNobody(['profile', 'add', 'x', 'memory']);
    expect(saved.code).toBe(2);
    expect(saved.stderr).toContain(`cannot save profiles to ${readOnlyHome}/.config/dsnsh/profiles.json: permission denied`);
  });

  it.skipIf(!availability().postgres)('a postgres profile with its password from the environment', async () => {
    await cli(['profile', 'add', 'pg', PG_DSN.replace('postgres@', 'postgres:${PGPW}@')]);
    const result = await cli(['pg', '-c', 'select current_user as u'], { env: { PGPW: 'any' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('u\npostgres\n');
  });
});
