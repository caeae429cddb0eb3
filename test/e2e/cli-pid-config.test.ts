// `--pid PID` and `--config FILE`: the DSN a running Ory service uses, from its environment and
// its -c/--config files (read through /proc/PID/root), with real processes started here: a
// stand-in program named kratos/keto with the service's argv, environment and working directory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPathFor, worldReadableFolder } from '../helpers/cli-for-other-user.js';
import { startStandIn, type StandIn } from '../helpers/stand-in-service.js';
import { runCli, baseEnv } from '../noninteractive/run-cli.js';
import { PG_HOST, PG_PORT } from '../helpers/servers.js';

let dir: string;
const started: StandIn[] = [];
const service = async (options: Parameters<typeof startStandIn>[0]) => {
  const standIn = await startStandIn(options);
  started.push(standIn);
  return standIn;
};

/** A SQLite database holding one row that names it, so output shows which DSN was used. */
function database(name: string): string {
  return `sqlite://${path.join(dir, `${name}.db`)}`;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ory-pid-'));
  for (const name of ['from-env', 'from-file', 'from-second-file', 'in-root']) {
    const result = await runCli([database(name), '-c', `create table which (name text); insert into which values ('${name}')`]);
    expect(result.stderr).toBe('');
  }
});
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

const which = ['-c', 'select name from which', '--format', 'csv', '--no-header'];

describe('--pid', () => {
  it("uses the DSN in the process's environment", async () => {
    const kratos = await service({ name: 'kratos', args: ['serve', '--dev'], env: { DSN: database('from-env'), HOME: '/home/ory' } });
    const result = await runCli(['--pid', String(kratos.pid), ...which]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('from-env\n');
  });

  it("reads the -c/--config files through the process's root, relative to its working directory; a later file wins", async () => {
    fs.mkdirSync(path.join(dir, 'etc'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'etc', 'base.yml'),
      `serve:\n  public:\n    base_url: http://127.0.0.1:4433/\ndsn: ${database('from-file')}\n`,
    );
    fs.writeFileSync(path.join(dir, 'etc', 'override.json'), JSON.stringify({ dsn: database('from-second-file') }));
    for (const args of [
      ['serve', '-c', 'etc/base.yml'],
      ['serve', '--config=etc/base.yml'],
      ['serve', `-c${path.join(dir, 'etc/base.yml')}`],
    ]) {
      const kratos = await service({ name: 'kratos', args, env: { HOME: '/home/ory' }, cwd: dir });
      const result = await runCli(['--pid', String(kratos.pid), ...which], { cwd: '/' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('from-file\n');
    }
    const both = await service({
      name: 'kratos',
      args: ['serve', '--config', 'etc/base.yml', '-c', 'etc/override.json'],
      env: {},
      cwd: dir,
    });
    expect((await runCli(['--pid', String(both.pid), ...which])).stdout).toBe('from-second-file\n');
    const commaList = await service({ name: 'kratos', args: ['serve', '--config', 'etc/override.json,etc/base.yml'], env: {}, cwd: dir });
    expect((await runCli(['--pid', String(commaList.pid), ...which])).stdout).toBe('from-file\n');
  });

  it('DSN in the environment beats the config file, as in Ory; doctor says where the DSN came from', async () => {
    fs.writeFileSync(path.join(dir, 'kratos.yml'), `dsn: ${database('from-file')}\n`);
    const kratos = await service({
      name: 'kratos',
      args: ['serve', '-c', path.join(dir, 'kratos.yml')],
      env: { DSN: database('from-env') },
    });
    expect((await runCli(['--pid', String(kratos.pid), ...which])).stdout).toBe('from-env\n');
    const doctor = await runCli(['doctor', '--pid', String(kratos.pid)]);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(
      new RegExp(`target\\s+sqlite://.*from-env\\.db \\(DSN in pid ${kratos.pid}'s environment: kratos serve \\(pid ${kratos.pid}\\)\\)`),
    );
    expect(doctor.stdout).toMatch(/note\s+DSN in pid \d+'s environment beats the dsn key of .*kratos\.yml/);
    const json = JSON.parse((await runCli(['doctor', '--pid', String(kratos.pid), '--json'])).stdout);
    expect(json.target).toMatchObject({
      source: 'pid',
      label: `kratos serve (pid ${kratos.pid})`,
      origin: `DSN in pid ${kratos.pid}'s environment`,
    });
  });

  it('Keto without -c reads $HOME/keto.yml, its default', async () => {
    const home = path.join(dir, 'keto-home');
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(path.join(home, 'keto.yml'), `dsn: '${database('from-file')}'\n`);
    const keto = await service({ name: 'keto', args: ['serve'], env: { HOME: home } });
    expect((await runCli(['--pid', String(keto.pid), ...which])).stdout).toBe('from-file\n');
  });

  it("an absolute link inside the container's root (a Kubernetes ConfigMap mount) resolves in that root", async () => {
    const root = path.join(dir, 'root');
    const data = path.join(root, 'etc/config/..2024_01_01');
    fs.mkdirSync(data, { recursive: true });
    fs.writeFileSync(path.join(data, 'kratos.yml'), `dsn: sqlite:///data/in-root.db\n`);
    fs.symlinkSync('/etc/config/..2024_01_01', path.join(root, 'etc/config/..data'));
    fs.symlinkSync('/etc/config/..data/kratos.yml', path.join(root, 'etc/config/kratos.yml'));
    const kratos = await service({ name: 'kratos', args: ['serve', '-c', '/etc/config/kratos.yml'], env: {}, root });
    const doctor = await runCli(['doctor', '--pid', String(kratos.pid), '--json']);
    expect(JSON.parse(doctor.stdout).target).toMatchObject({
      dsn: 'sqlite:///data/in-root.db',
      origin: 'dsn key of /etc/config/kratos.yml line 1',
    });
  });

  it("the service's PG* variables complete its DSN, as pgx reads them in the service", async () => {
    // The DSN names no database and no application: the service's PGDATABASE and PGAPPNAME do.
    const kratos = await service({
      name: 'kratos',
      args: ['serve'],
      env: {
        DSN: `postgres://postgres@${PG_HOST}:${PG_PORT}/?sslmode=disable`,
        PGDATABASE: 'test',
        PGAPPNAME: 'kratos-pid-env',
        HOME: '/home/ory',
      },
    });
    const result = await runCli(
      [
        '--pid',
        String(kratos.pid),
        '-c',
        "select current_database(), current_setting('application_name')",
        '--format',
        'csv',
        '--no-header',
      ],
      { env: { PGDATABASE: undefined, PGAPPNAME: undefined } },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('test,kratos-pid-env\n');
  });

  it('errors say what was unreadable and why', async () => {
    const none = await runCli(['--pid', '4194000', ...which]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /no process with pid 4194000 is visible here \(\/proc\/4194000\/cmdline: no such file or directory \(ENOENT\)\)/,
    );
    expect(none.stderr).toMatch(/hint: .*kubectl debug --target/);
    const bad = await runCli(['--pid', 'kratos', ...which]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--pid expects a process id/);
    const bare = await service({ name: 'kratos', args: ['serve'], env: { HOME: '/' } });
    const noDsn = await runCli(['--pid', String(bare.pid), ...which]);
    expect(noDsn.code).toBe(2);
    expect(noDsn.stderr).toContain(
      `pid ${bare.pid} (kratos serve) has no DSN: no DSN variable in pid ${bare.pid}'s environment and no -c/--config file`,
    );
    const missing = await service({ name: 'kratos', args: ['serve', '-c', '/etc/kratos/missing.yml'], env: {} });
    expect((await runCli(['--pid', String(missing.pid), ...which])).stderr).toContain(
      `cannot read the config file /etc/kratos/missing.yml (pid ${missing.pid}'s --config): no such file or directory (ENOENT)`,
    );
    const empty = await service({ name: 'kratos', args: ['serve'], env: { DSN: '' } });
    expect((await runCli(['--pid', String(empty.pid), ...which])).stderr).toMatch(/DSN is set but empty in pid \d+'s environment/);
    const conflict = await runCli(['memory', '--pid', String(bare.pid), ...which]);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/a DSN or profile and --pid both name the target/);
  });

  it("another user's process: EACCES, with its owner and what to do", async () => {
    const reachable = worldReadableFolder('dsnsh-pid-nobody-');
    try {
      await expectEaccesFor(cliPathFor(65534, reachable));
    } finally {
      fs.rmSync(reachable, { recursive: true, force: true });
    }
  });

  async function expectEaccesFor(cliPath: string): Promise<void> {
    const kratos = await service({ name: 'kratos', args: ['serve'], env: { DSN: 'postgres://kratos:hunter2@db/kratos' } });
    const result = await runAs('nobody', cliPath, ['--pid', String(kratos.pid), ...which]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`cannot read /proc/${kratos.pid}/environ: permission denied \\(EACCES\\): it belongs to uid 0 and dsnsh runs as uid \\d+`),
    );
    expect(result.stderr).toMatch(/CAP_SYS_PTRACE/);
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  }
});

describe('--config FILE', () => {
  it('reads the dsn key of an Ory config file here; DSN in the environment beats it, as in Ory', async () => {
    const file = path.join(dir, 'local.toml');
    fs.writeFileSync(file, `# Kratos\ndsn = "${database('from-file')}"\n[log]\nlevel = "debug"\n`);
    expect((await runCli(['--config', file, ...which])).stdout).toBe('from-file\n');
    const withEnv = await runCli(['doctor', '--config', file, '--json'], { env: { DSN: database('from-env') } });
    const report = JSON.parse(withEnv.stdout);
    expect(report.target).toMatchObject({ source: 'env', origin: 'DSN in the environment' });
    expect(report.target.notes[0]).toMatch(/DSN in the environment beats the dsn key of .*local\.toml/);
  });
});

function runAs(user: string, cliPath: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('setpriv', ['--reuid', user, '--regid', 'nogroup', '--clear-groups', process.execPath, cliPath, ...args], {
      env: baseEnv({ HOME: '/nonexistent' }),
      cwd: '/',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
