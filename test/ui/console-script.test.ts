// The console's module also ships as a script with a V8 code cache (scripts/console-script.mjs,
// loaded by source/ui/load-console.ts). The transform must give the same bindings, exports and
// strict mode as the module; the built one must be there, evaluate, and be accepted by V8.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, PROJECT_ROOT } from '../helpers/cli-path.js';

interface ConsoleScriptModule {
  chunkToScript(chunk: string): string;
  SCRIPT_NAME: string;
  CACHE_NAME: string;
}
type Evaluate = (
  require: unknown,
  load: (specifier: string) => Promise<unknown>,
  meta: { url: string },
) => Promise<Record<string, unknown>>;

const BANNER =
  "import { createRequire as __dsnshCreateRequire } from 'node:module'; const require = __dsnshCreateRequire(import.meta.url);";
let transform: ConsoleScriptModule;
const scratch = mkdtempSync(join(tmpdir(), 'dsnsh-console-script-'));

beforeAll(async () => {
  transform = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts/console-script.mjs')).href)) as ConsoleScriptModule;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Evaluates a transformed chunk with modules from `namespaces`; records what was loaded. */
async function evaluateScript(
  script: string,
  namespaces: Record<string, unknown>,
): Promise<{ exports: Record<string, unknown>; loaded: string[] }> {
  const loaded: string[] = [];
  const evaluate = runInThisContext(script) as Evaluate;
  const exports = await evaluate(
    () => 'required',
    async (specifier) => {
      loaded.push(specifier);
      return namespaces[specifier];
    },
    { url: 'file:///dist/chunks/console-script.js' },
  );
  return { exports, loaded };
}

describe('chunkToScript', () => {
  const chunk = [
    BANNER,
    'import{a as x,b as y}from"./chunk-A.js";import"./chunk-B.js";var early=()=>z+w.sep;',
    'import z from"node:process";var s="\\\\export{x}";',
    'import*as w from"node:path";async function later(){return(await import("./lazy.js")).v}',
    'var here=import.meta.url,strict=(function(){return this===void 0})();export{x as first,y,later,s as text,here,strict,early};',
  ].join('\n');
  const namespaces = {
    './chunk-A.js': { a: 1, b: 2 },
    './chunk-B.js': {},
    'node:process': { default: 'process' },
    'node:path': { sep: '/' },
    './lazy.js': { v: 'lazy' },
  };

  it("gives the module's exports, imports loaded first and in order, import() and import.meta through its parameters, strict mode", async () => {
    const { exports, loaded } = await evaluateScript(transform.chunkToScript(chunk), namespaces);
    expect(loaded).toEqual(['./chunk-A.js', './chunk-B.js', 'node:process', 'node:path']);
    expect(exports).toMatchObject({ first: 1, y: 2, text: '\\export{x}', here: 'file:///dist/chunks/console-script.js', strict: true });
    // A binding imported below the code that uses it is there before any code runs (imports are hoisted).
    expect((exports.early as () => string)()).toBe('process/');
    expect(await (exports.later as () => Promise<string>)()).toBe('lazy');
    expect(loaded).toContain('./lazy.js');
  });

  it('refuses a chunk without the build banner or without an export list', () => {
    expect(() => transform.chunkToScript('export{a};')).toThrow(/banner/);
    expect(() => transform.chunkToScript(`${BANNER}\nvar a=1;`)).toThrow(/export list/);
  });

  it('refuses a chunk whose import or export statements it cannot turn into code', () => {
    expect(() => transform.chunkToScript(`${BANNER}\nvar a=1;export{a};var b=2;export{b};`)).toThrow(/left in the script/);
    expect(() => transform.chunkToScript(`${BANNER}\nimport{a}from'./single-quoted.js';export{a};`)).toThrow(/left in the script/);
  });
});

describe('the built console script', () => {
  const chunks = join(dirname(CLI_PATH), 'chunks');
  const env = { ...process.env };
  delete env.NODE_OPTIONS;

  it('is in the build beside its code cache', () => {
    expect(existsSync(join(chunks, transform.SCRIPT_NAME))).toBe(true);
    expect(existsSync(join(chunks, transform.CACHE_NAME))).toBe(true);
  });

  it('is accepted by V8 with the shipped cache, as the CLI runs (no Node flags)', () => {
    const check = `const vm = require('node:vm'), fs = require('node:fs');
      const script = new vm.Script(fs.readFileSync(process.argv[1], 'utf8'), { filename: process.argv[1], cachedData: fs.readFileSync(process.argv[2]) });
      process.stdout.write(String(script.cachedDataRejected));`;
    const result = spawnSync(process.execPath, ['-e', check, join(chunks, transform.SCRIPT_NAME), join(chunks, transform.CACHE_NAME)], {
      env,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('false');
  });

  it('evaluates to the console module (startConsole) with the shared chunks it loads', () => {
    const cache = join(scratch, 'fresh.cache');
    const result = spawnSync(
      process.execPath,
      [join(PROJECT_ROOT, 'scripts/console-script-train.mjs'), join(chunks, transform.SCRIPT_NAME), cache],
      { env, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(cache)).toBe(true);
  });
});
