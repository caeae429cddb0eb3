// The profile file under concurrency and at scale: parallel writers lose nothing (a lock around
// every read-modify-write, the file re-read under it), a lock left by a dead process is taken
// over, the file is replaced atomically (a full disk leaves the old one whole), a file open to
// other users is warned about and made 0600, and 200,000 profiles list fine.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../source/profiles/file-lock.js';
import { ProfileStore } from '../../source/profiles/profile-store.js';
import { runCli } from '../noninteractive/run-cli.js';
import { canMount, mountSmallDisk, type SmallDisk } from '../noninteractive/small-disk.js';

let home: string;
let file: string;
const env = () => ({ DSNSH_CONFIG_DIR: path.dirname(file) });

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-profiles-concurrent-'));
  file = path.join(home, 'config', 'profiles.json');
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

function savedNames(): string[] {
  return Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).profiles).sort();
}

/** A process id that is certainly not running: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('parallel writers', () => {
  it('50 parallel `dsnsh profile add` keep all 50, at mode 0600, leaving no lock or temporary file', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `p${i}`);
    const results = await Promise.all(names.map((name) => runCli(['profile', 'add', name, 'memory'], { env: env() })));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    expect(savedNames()).toEqual([...names].sort());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['profiles.json']);
  }, 60_000);

  it('parallel adds, renames and removes in one process: every change is applied to the latest file', async () => {
    const store = new ProfileStore(file);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.add({ name: `q${i}`, dsn: 'memory' })));
    await Promise.all(
      [
        ...Array.from({ length: 10 }, (_, i) => store.remove(`q${i}`)),
        ...Array.from({ length: 10 }, (_, i) => store.rename(`q${i + 10}`, `r${i}`)),
        store.setDefault('q15'),
      ].map((change) => change.catch(() => undefined)),
    );
    const names = savedNames();
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`).sort());
  });

  it('waits while another holder has the lock, then applies its change', async () => {
    const store = new ProfileStore(file);
    await store.add({ name: 'first', dsn: 'memory' });
    let released = false;
    const holder = withFileLock(
      `${file}.lock`,
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            released = true;
            resolve();
          }, 300),
        ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.add({ name: 'second', dsn: 'memory' });
    expect(released).toBe(true);
    await holder;
    expect(savedNames()).toEqual(['first', 'second']);
  });
});

describe('a stale lock', () => {
  it('left by a dead process is taken over', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid(), host: os.hostname(), token: 'dead' }));
    const result = await runCli(['profile', 'add', 'after', 'memory'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    expect(savedNames()).toEqual(['after']);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('held by a live process that never lets go: a clear error naming the lock file, the file untouched', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"profiles":{}}');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: sleeper.pid, host: os.hostname(), token: 'alive' }));
      const store = new ProfileStore(file, { lockTimeoutMs: 500 });
      const error = await store.add({ name: 'x', dsn: 'memory' }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(new RegExp(`locked by process ${sleeper.pid} on .*, which did not finish within 0.5 s`));
      expect((error as { hint?: string }).hint).toContain(`${file}.lock`);
      expect(fs.readFileSync(file, 'utf8')).toBe('{"profiles":{}}');
    } finally {
      sleeper.kill();
    }
  });
});

describe('file mode', () => {
  it('a profile file open to other users is warned about (once) and made 0600', async () => {
    const store = new ProfileStore(file);
    await store.add({ name: 'a', dsn: 'memory' });
    fs.chmodSync(file, 0o644);
    const result = await runCli(['profile', 'list'], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/was open to other users \(mode 0644\).*it is now 0600/);
    expect(result.stderr.match(/warning/g)).toHaveLength(1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe.skipIf(!canMount)('atomic replace', () => {
  let disk: SmallDisk | null = null;
  afterEach(() => {
    disk?.unmount();
    disk = null;
  });

  it('a full disk while saving leaves the old file whole, and says why', async () => {
    disk = mountSmallDisk(64);
    const onDisk = path.join(disk.dir, 'profiles.json');
    const store = new ProfileStore(onDisk);
    await store.add({ name: 'kept', dsn: 'memory' });
    const before = fs.readFileSync(onDisk, 'utf8');
    // Fill the disk to the last block.
    const filler = disk.open('filler');
    try {
      for (;;) fs.writeSync(filler.fd, Buffer.alloc(4096));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    const error = await store.add({ name: 'big', dsn: 'memory', note: 'x'.repeat(8192) }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/no space left on the device/);
    expect(fs.readFileSync(onDisk, 'utf8')).toBe(before);
    expect(fs.readdirSync(disk.dir).sort()).toEqual(['filler', 'profiles.json']);
  });
});

describe('scale', () => {
  it('profile list with 200,000 profiles works (text and --json)', async () => {
    const profiles: Record<string, { dsn: string }> = {};
    for (let i = 0; i < 200_000; i += 1) profiles[`p${i}`] = { dsn: 'memory' };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ profiles, defaultProfile: 'p7' }), { mode: 0o600 });
    const listed = await runCli(['profile', 'list'], { env: env() });
    expect(listed.code, listed.stderr).toBe(0);
    const lines = listed.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(200_001);
    expect(lines).toContain('* p7       memory');
    const json = await runCli(['profile', 'list', '--json'], { env: env() });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).profiles).toHaveLength(200_001);
  }, 120_000);
});
