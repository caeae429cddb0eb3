import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DsnError } from '../../source/dsn/errors.js';
import { ProfileError } from '../../source/profiles/profile-error.js';
import { ProfileStore } from '../../source/profiles/profile-store.js';
import { looksLikeDsn, parseTarget, resolveTarget } from '../../source/profiles/resolve-target.js';

let dir: string;
let store: ProfileStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-target-'));
  store = new ProfileStore(path.join(dir, 'profiles.json'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const resolve = (request: { positional?: string; dsnOption?: string; env?: NodeJS.ProcessEnv }) =>
  resolveTarget({ positional: request.positional, dsnOption: request.dsnOption, env: request.env ?? {}, store: () => store });

describe('resolveTarget', () => {
  const PG = 'postgres://app:secret@db:5432/app';

  it('first match wins: positional > --dsn > DSN env > default profile > memory', async () => {
    await store.add({ name: 'saved', dsn: 'sqlite:///tmp/saved.db' });
    await store.setDefault('saved');
    const env = { DSN: 'mysql://root@tcp(db:3306)/x' };
    expect(await resolve({ positional: PG, dsnOption: 'memory', env })).toMatchObject({ dsn: PG, source: 'positional', profileName: null });
    expect(await resolve({ positional: 'saved', dsnOption: PG, env })).toMatchObject({
      dsn: 'sqlite:///tmp/saved.db',
      source: 'positional',
      profileName: 'saved',
    });
    expect(await resolve({ dsnOption: PG, env })).toMatchObject({ dsn: PG, source: 'option' });
    expect(await resolve({ env })).toMatchObject({ dsn: env.DSN, source: 'env' });
    expect(await resolve({})).toMatchObject({ dsn: 'sqlite:///tmp/saved.db', source: 'default-profile', profileName: 'saved' });
    await store.setDefault(null);
    expect(await resolve({})).toMatchObject({ dsn: 'memory', source: 'memory', profileName: 'memory' });
  });

  it('redacts the password', async () => {
    const target = await resolve({ positional: PG });
    expect(target.redacted).not.toContain('secret');
    expect(target.redacted).toContain('***');
  });

  it('memory is the built-in profile', async () => {
    expect(await resolve({ positional: 'memory' })).toMatchObject({ dsn: 'memory', profileName: 'memory', source: 'positional' });
  });

  it('an unknown profile name is a ProfileError (exit 2), and a DSN-looking unknown scheme a DsnError', async () => {
    const error = await resolve({ positional: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).message).toContain('"nope"');
    const target = await resolve({ positional: 'oracle://x/y' });
    expect(() => parseTarget(target)).toThrow(DsnError);
  });

  it('expands ${ENV} in profiles only when resolving, percent-encoding the password', async () => {
    await store.add({ name: 'prod', dsn: 'postgres://app:${APP_DB_PASSWORD}@db:5432/${DB}' });
    const target = await resolve({ positional: 'prod', env: { APP_DB_PASSWORD: 'p@ss/word', DB: 'app' } });
    expect(target.dsn).toBe('postgres://app:p%40ss%2Fword@db:5432/app');
    expect(target.redacted).not.toContain('p%40ss');
    const missing = await resolve({ positional: 'prod', env: { DB: 'app' } }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ProfileError);
    expect((missing as ProfileError).code).toBe('missing_env');
    expect((missing as ProfileError).message).toContain('${APP_DB_PASSWORD}');
  });

  it('DSNs given directly are not expanded', async () => {
    expect((await resolve({ dsnOption: 'sqlite:///tmp/${X}.db', env: { X: 'y' } })).dsn).toBe('sqlite:///tmp/${X}.db');
  });

  it('a corrupt profile file does not block DSNs, DSN env or memory', async () => {
    fs.writeFileSync(store.file, 'not json');
    expect((await resolve({ positional: PG })).dsn).toBe(PG);
    expect((await resolve({ env: { DSN: PG } })).dsn).toBe(PG);
    expect((await resolve({ positional: 'memory' })).dsn).toBe('memory');
    await expect(resolve({ positional: 'saved' })).rejects.toMatchObject({ code: 'corrupt_file' });
    await expect(resolve({})).rejects.toMatchObject({ code: 'corrupt_file' });
  });

  it('a default profile that no longer exists is named in the error', async () => {
    fs.writeFileSync(store.file, JSON.stringify({ profiles: {}, defaultProfile: 'gone' }));
    await expect(resolve({})).rejects.toMatchObject({ code: 'not_found', message: 'the default profile "gone" does not exist' });
  });

  it('profile settings come along', async () => {
    await store.add({ name: 'p', dsn: 'memory', migrationsDir: '/m', readOnly: true });
    expect((await resolve({ positional: 'p' })).settings).toEqual({ migrationsDir: '/m', readOnly: true });
  });
});

describe('looksLikeDsn', () => {
  it.each([
    ['postgres://x', true],
    ['sqlite:///tmp/a.db', true],
    ['mysql://root@tcp(h:3306)/d', true],
    ['oracle://x', true],
    ['memory', false],
    ['prod.eu-1', false],
    ['C:/path', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeDsn(text)).toBe(expected);
  });
});

describe('parseTarget', () => {
  it('parses a target once: every caller shares one frozen answer; a newly resolved target reads its files again', async () => {
    const passfile = path.join(dir, 'pgpass');
    fs.writeFileSync(passfile, 'db:5432:app:app:first\n', { mode: 0o600 });
    const dsn = `postgres://app@db:5432/app?passfile=${encodeURIComponent(passfile)}`;
    const target = await resolve({ positional: dsn });
    const parsed = parseTarget(target);
    expect(parsed).toMatchObject({ password: 'first' });
    expect(Object.isFrozen(parsed)).toBe(true);
    fs.writeFileSync(passfile, 'db:5432:app:app:second\n', { mode: 0o600 });
    expect(parseTarget(target)).toBe(parsed);
    expect(parseTarget(await resolve({ positional: dsn }))).toMatchObject({ password: 'second' });
    const bad = await resolve({ positional: 'postgres://db:99999/app' });
    const first = (() => {
      try {
        return parseTarget(bad);
      } catch (error) {
        return error;
      }
    })();
    expect(first).toBeInstanceOf(DsnError);
    expect(() => parseTarget(bad)).toThrow(first as Error);
  });
});
