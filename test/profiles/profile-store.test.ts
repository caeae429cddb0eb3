import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileError } from '../../source/profiles/profile-error.js';
import { ProfileStore } from '../../source/profiles/profile-store.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-profiles-'));
  file = path.join(dir, 'config', 'profiles.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<ProfileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProfileError);
  return error as ProfileError;
}

describe('ProfileStore', () => {
  it('lists only the built-in memory profile when no file exists, without creating anything', async () => {
    const store = new ProfileStore(file);
    const { profiles, defaultProfile } = await store.list();
    expect(profiles.map((p) => p.name)).toEqual(['memory']);
    expect(defaultProfile).toBeNull();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  it('saves at mode 0600 and keeps dotted names flat', async () => {
    const store = new ProfileStore(file);
    await store.add({ name: 'prod.eu-1', dsn: 'postgres://app@db/app', readOnly: true, note: 'eu' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(saved.profiles['prod.eu-1']).toEqual({ dsn: 'postgres://app@db/app', readOnly: true, note: 'eu' });
    expect(saved.profiles.prod).toBeUndefined();
    expect(await store.get('prod.eu-1')).toEqual({ name: 'prod.eu-1', dsn: 'postgres://app@db/app', readOnly: true, note: 'eu' });
  });

  it('re-applies 0600 on every write', async () => {
    const store = new ProfileStore(file);
    await store.add({ name: 'a', dsn: 'memory' });
    fs.chmodSync(file, 0o644);
    await store.add({ name: 'b', dsn: 'memory' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses duplicates unless replacing, and bad names', async () => {
    const store = new ProfileStore(file);
    await store.add({ name: 'a', dsn: 'memory' });
    expect((await rejection(store.add({ name: 'a', dsn: 'sqlite:///x.db' }))).code).toBe('exists');
    await store.add({ name: 'a', dsn: 'sqlite:///x.db' }, { replace: true });
    expect((await store.get('a')).dsn).toBe('sqlite:///x.db');
    for (const bad of ['', 'has space', 'a/b', 'x:y', '-dash', 'a..b', '__proto__', '__proto__x'.repeat(10)]) {
      expect((await rejection(store.add({ name: bad, dsn: 'memory' }))).code).toBe('bad_name');
    }
  });

  it('protects the built-in memory profile', async () => {
    const store = new ProfileStore(file);
    expect((await rejection(store.add({ name: 'memory', dsn: 'sqlite:///x' }))).code).toBe('builtin');
    expect((await rejection(store.remove('memory'))).code).toBe('builtin');
    expect((await rejection(store.rename('memory', 'x'))).code).toBe('builtin');
    expect((await store.get('memory')).dsn).toBe('memory');
  });

  it('renames, removes and keeps the default in step', async () => {
    const store = new ProfileStore(file);
    await store.add({ name: 'a', dsn: 'memory' });
    await store.setDefault('a');
    await store.rename('a', 'b.c');
    expect(await store.defaultProfile()).toBe('b.c');
    expect((await rejection(store.get('a'))).code).toBe('not_found');
    await store.remove('b.c');
    expect(await store.defaultProfile()).toBeNull();
    expect((await rejection(store.remove('b.c'))).code).toBe('not_found');
    expect((await rejection(store.setDefault('nope'))).code).toBe('not_found');
  });

  it('a corrupt file: clear error naming the file, file left untouched, even when saving', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const garbage = '{"profiles": {"a": {"dsn": "memory"}'; // truncated
    fs.writeFileSync(file, garbage, { mode: 0o600 });
    const store = new ProfileStore(file);
    const error = await rejection(store.list());
    expect(error.code).toBe('corrupt_file');
    expect(error.message).toContain(file);
    expect(error.file).toBe(file);
    expect((await rejection(store.add({ name: 'b', dsn: 'memory' }))).code).toBe('corrupt_file');
    expect(fs.readFileSync(file, 'utf8')).toBe(garbage);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['profiles.json']);
  });

  it('valid JSON of the wrong shape is also reported, not overwritten', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"profiles": {"a": 42}}');
    const error = await rejection(new ProfileStore(file).get('a'));
    expect(error.code).toBe('corrupt_file');
    expect(error.message).toContain('"a"');
  });

  it('an unwritable location: reading works, saving says why', async () => {
    // We run as root, so permission bits do not stop us: put the folder under a regular file.
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const store = new ProfileStore(path.join(blocker, 'home', '.config', 'dsnsh', 'profiles.json'));
    expect((await store.list()).profiles.map((p) => p.name)).toEqual(['memory']);
    const error = await rejection(store.add({ name: 'a', dsn: 'memory' }));
    expect(error.code).toBe('unwritable');
    expect(error.message).toContain('a part of the path is a file');
    expect(error.hint).toContain('DSNSH_CONFIG_DIR');
  });
});
