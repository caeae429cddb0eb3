// The per-profile confirmDestructive setting: its default, the store round trip, and the profile
// command's options and listings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as profileCommand } from '../../source/noninteractive/profile-command.js';
import { confirmsDestructive } from '../../source/profiles/confirm-destructive.js';
import { ProfileStore } from '../../source/profiles/profile-store.js';
import { resolveTarget } from '../../source/profiles/resolve-target.js';

let dir: string;
let store: ProfileStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-profiles-confirm-'));
  store = new ProfileStore(path.join(dir, 'profiles.json'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `dsnsh profile …` against the test store, capturing what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await profileCommand(argv, store);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('confirmsDestructive', () => {
  it.each([
    [{}, false],
    [{ production: true }, true],
    [{ production: false }, false],
    [{ production: true, confirmDestructive: false }, false],
    [{ confirmDestructive: true }, true],
    [{ production: false, confirmDestructive: true }, true],
  ])('%j → %s', (settings, expected) => {
    expect(confirmsDestructive(settings)).toBe(expected);
  });
});

describe('confirmDestructive in the profile store', () => {
  it('round-trips through the file and reaches the resolved target', async () => {
    await store.add({ name: 'careful', dsn: 'memory', confirmDestructive: true });
    await store.add({ name: 'prod-relaxed', dsn: 'memory', production: true, confirmDestructive: false });
    const saved = JSON.parse(fs.readFileSync(store.file, 'utf8'));
    expect(saved.profiles.careful).toEqual({ dsn: 'memory', confirmDestructive: true });
    expect((await store.get('prod-relaxed')).confirmDestructive).toBe(false);
    const target = await resolveTarget({ positional: 'careful', env: {}, store: () => store });
    expect(target.settings.confirmDestructive).toBe(true);
  });

  it('ignores a value of the wrong type in a hand-edited file', async () => {
    fs.writeFileSync(store.file, JSON.stringify({ profiles: { odd: { dsn: 'memory', confirmDestructive: 'yes' } }, defaultProfile: null }));
    expect(await store.get('odd')).toEqual({ name: 'odd', dsn: 'memory' });
  });
});

describe('dsnsh profile add --confirm-destructive / --no-confirm-destructive', () => {
  it('saves the choice, and show / list --json report the setting in force', async () => {
    expect((await cli('add', 'careful', 'memory', '--confirm-destructive')).code).toBe(0);
    expect((await cli('add', 'prod', 'memory', '--production')).code).toBe(0);
    expect((await cli('add', 'prod-relaxed', 'memory', '--production', '--no-confirm-destructive')).code).toBe(0);
    expect((await store.get('careful')).confirmDestructive).toBe(true);
    expect((await store.get('prod')).confirmDestructive).toBeUndefined();
    expect((await store.get('prod-relaxed')).confirmDestructive).toBe(false);

    const shown = JSON.parse((await cli('show', 'careful', '--json')).stdout);
    expect(shown).toMatchObject({ name: 'careful', production: false, confirmDestructive: true });
    expect((await cli('show', 'prod')).stdout).toContain('confirmDestructive: true');
    const listed = JSON.parse((await cli('list', '--json')).stdout) as { profiles: { name: string; confirmDestructive: boolean }[] };
    expect(Object.fromEntries(listed.profiles.map((p) => [p.name, p.confirmDestructive]))).toEqual({
      memory: false,
      careful: true,
      prod: true,
      'prod-relaxed': false,
    });
  });

  it('refuses both options at once', async () => {
    const result = await cli('add', 'x', 'memory', '--confirm-destructive', '--no-confirm-destructive');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('contradict');
    expect(store.exists()).toBe(false);
  });
});
