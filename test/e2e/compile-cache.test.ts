// Where Node caches compiled code itself (>= 22.1), the CLI asks it to (source/compile-cache.ts):
// a run leaves the cache under the temp folder, and the next run finds it.
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../noninteractive/run-cli.js';

const nodeCachesCompiledCode = typeof (module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-compile-cache-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe.skipIf(!nodeCachesCompiledCode)(`the compile cache (Node ${process.version})`, () => {
  it('is written by a run under the temp folder, and a read-only temp folder does not stop the CLI', async () => {
    const env = { TMPDIR: temp, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined };
    const result = await runCli(['memory', '-c', 'select 1 as one'], { env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('one\n1\n');
    expect(filesUnder(path.join(temp, 'node-compile-cache')).length).toBeGreaterThan(0);
    const readOnly = path.join(temp, 'not-a-folder');
    fs.writeFileSync(readOnly, '');
    const blocked = await runCli(['memory', '-c', 'select 2 as two'], { env: { ...env, TMPDIR: readOnly } });
    expect(blocked.stderr).toBe('');
    expect(blocked.stdout).toBe('two\n2\n');
  });
});
