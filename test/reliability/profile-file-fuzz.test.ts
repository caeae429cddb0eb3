// Arbitrary bytes as the profile file, read by the built CLI in an isolated XDG_CONFIG_HOME:
// `profile list` either works (exit 0) or names the file and exits 2 (usage/profile error), and
// neither listing nor a failed `profile add` changes a byte of the file.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../noninteractive/run-cli.js';

let home: string;
let configDir: string;
let file: string;

beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-reliability-profile-'));
  configDir = path.join(home, '.config', 'dsnsh');
  file = path.join(configDir, 'profiles.json');
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const cli = (args: string[]) =>
  runCli(args, { env: { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), DSNSH_CONFIG_DIR: undefined } });

const VALID = JSON.stringify(
  { profiles: { 'prod.eu': { dsn: 'postgres://app:Zq8xW2pKv9Lm@db:5432/app', note: 'n' } }, defaultProfile: 'prod.eu' },
  null,
  2,
);

/** Hostile profile files: random bytes, a valid file cut short or spliced, wrong JSON types. */
const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.nat({ max: VALID.length - 1 }).map((cut) => Buffer.from(VALID.slice(0, cut))),
  fc
    .tuple(fc.nat({ max: VALID.length }), fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([at, bytes]) => Buffer.concat([Buffer.from(VALID.slice(0, at)), Buffer.from(bytes), Buffer.from(VALID.slice(at))])),
  fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
  fc
    .record({ profiles: fc.jsonValue({ maxDepth: 2 }), defaultProfile: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] })
    .map((value) => Buffer.from(JSON.stringify(value))),
  fc
    .constantFrom(
      '',
      '\uFEFF{}',
      '[]',
      'null',
      '"x"',
      '{"profiles":[]}',
      '{"profiles":{"a":{"dsn":5}}}',
      '{"profiles":{"a":{"dsn":"\u001b[2J"}}} x',
      '{"profiles":{"p":{"dsn":"mysql://app:pa"ss@tcp(db:3306)/x"}}}',
    )
    .map((text) => Buffer.from(text)),
);

function expectCleanFailureOrSuccess(result: { code: number | null; stdout: string; stderr: string }, bytes: Uint8Array): void {
  const context = `file bytes ${JSON.stringify(Buffer.from(bytes).toString('latin1'))}\nstderr: ${result.stderr}`;
  expect([0, 2], context).toContain(result.code);
  expect(result.stderr, context).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  // Nothing from the file reaches the terminal raw: no ESC and no password fragments.
  expect(result.stderr + result.stdout, context).not.toContain('\u001b');
  expect(result.stderr + result.stdout, context).not.toMatch(/Zq8xW2pKv9Lm|pa"ss/);
  if (result.code === 2) expect(result.stderr, context).toContain(file);
}

describe('the profile file reader under hostile bytes (built CLI)', () => {
  it('profile list: exit 0 or exit 2 naming the file; the file is never changed', async () => {
    fs.mkdirSync(configDir, { recursive: true });
    await fc.assert(
      fc.asyncProperty(hostileBytes, async (bytes) => {
        fs.writeFileSync(file, bytes);
        const result = await cli(['profile', 'list']);
        expectCleanFailureOrSuccess(result, bytes);
        expect(Buffer.compare(fs.readFileSync(file), Buffer.from(bytes))).toBe(0);
        if (result.code === 2) {
          // A failed read must not let a write through either.
          const added = await cli(['profile', 'add', 'extra', 'memory']);
          expect(added.code).toBe(2);
          expect(Buffer.compare(fs.readFileSync(file), Buffer.from(bytes))).toBe(0);
        }
      }),
      { numRuns: 80, interruptAfterTimeLimit: 15_000 },
    );
  }, 120_000);

  it('a file whose top level is not an object is reported, and `profile add` leaves it alone', async () => {
    fs.mkdirSync(configDir, { recursive: true });
    for (const text of ['[1]', 'null', '"x"', '7']) {
      fs.writeFileSync(file, text);
      const list = await cli(['profile', 'list']);
      expect(list.code, text).toBe(2);
      expect(list.stderr).toContain(`the profile file ${file} is not a dsnsh profile file`);
      expect((await cli(['profile', 'add', 'x', 'memory'])).code).toBe(2);
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
    }
  });

  it('a directory in place of the file is named, exit 2, and stays a directory', async () => {
    fs.rmSync(file, { force: true, recursive: true });
    fs.mkdirSync(file, { recursive: true });
    const list = await cli(['profile', 'list']);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain(file);
    expect((await cli(['profile', 'add', 'x', 'memory'])).code).toBe(2);
    expect(fs.statSync(file).isDirectory()).toBe(true);
    fs.rmSync(file, { recursive: true });
  });
});
