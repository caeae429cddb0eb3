// The console's module (the start-console chunk: Ink, React and the UI, ~450 KB) also as a
// classic script with a V8 code cache made at build time. Node 20 has no compile cache for ES
// modules, and compiling that chunk is a third of loading it; a script compiled with
// `cachedData` skips the compile (load + evaluate 175 -> 138 ms, measured on the 2-core dev VM).
// source/ui/load-console.ts uses the pair when both are there and falls back to the ES module.
//
// The transform works on esbuild's own output for the chunk: after the banner line, every static
// import becomes an awaited load at the top of an async function (imports are hoisted, so their
// values exist before any code runs, as in the module), import() and import.meta go through the
// function's parameters, and the export list becomes its return value.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCRIPT_NAME = 'console-script.js';
export const CACHE_NAME = 'console-script.cache';
const BANNER_START = 'import { createRequire as __dsnshCreateRequire }';

const IMPORT_STATEMENT =
  /(?<![\w$."'`\\])import(\{[^}]*\}|\s+[A-Za-z_$][\w$]*\s*|\s*\*\s*as\s*[A-Za-z_$][\w$]*\s*)?(?:from)?\s*"([^"]+)";/g;

/** `a as b, c` (an import list) as destructuring: `a:b,c` */
function importBindings(list) {
  return list
    .split(',')
    .map((part) => {
      const [name, local] = part.split(/\s+as\s+/).map((text) => text.trim());
      return local === undefined ? name : `${name}:${local}`;
    })
    .join(',');
}

/** `a as b, c` (an export list) as an object: `b:a,c:c` */
function exportObject(list) {
  return list
    .split(',')
    .map((part) => {
      const [local, exported] = part.split(/\s+as\s+/).map((text) => text.trim());
      return `${exported ?? local}:${local}`;
    })
    .join(',');
}

/** An esbuild ESM chunk as `(async function (require, load, meta) { …; return exports })`. */
export function chunkToScript(chunk) {
  const newline = chunk.indexOf('\n');
  if (!chunk.startsWith(BANNER_START) || newline < 0) throw new Error('the chunk does not start with the build banner');
  let body = chunk.slice(newline + 1);
  const loads = [];
  body = body.replace(IMPORT_STATEMENT, (statement, what, specifier) => {
    const from = `await load(${JSON.stringify(specifier)})`;
    const bindings = what?.trim();
    if (!bindings) loads.push(`${from};`);
    else if (bindings.startsWith('{')) loads.push(`const{${importBindings(bindings.slice(1, -1))}}=${from};`);
    else if (bindings.startsWith('*')) loads.push(`const ${bindings.replace(/^\*\s*as\s*/, '')}=${from};`);
    else loads.push(`const ${bindings}=(${from}).default;`);
    return '';
  });
  const exports = /export\{([^}]*)\};?\s*$/.exec(body);
  if (!exports) throw new Error('the chunk does not end with an export list');
  body = body.slice(0, exports.index) + `return{${exportObject(exports[1])}};`;
  body = body.replaceAll('import(', 'load(').replaceAll('import.meta', 'meta');
  // esbuild writes imports and exports only in the forms above (never `export default`).
  if (/(?<![\w$."'`\\])(import|export)\s*[{*"]/.test(body)) throw new Error('an import or export statement was left in the script');
  // Module code is strict mode; the function keeps it so.
  return `(async function(require,load,meta){"use strict";${loads.join('')}${body}\n})`;
}

/**
 * Writes chunks/console-script.js from the start-console chunk, then evaluates it once in a
 * fresh Node (no flags, as the CLI runs) to write the code cache. Returns why it did not, or null.
 */
export function emitConsoleScript(outdir) {
  try {
    return writeConsoleScript(outdir);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function writeConsoleScript(outdir) {
  const chunks = join(outdir, 'chunks');
  const chunk = readdirSync(chunks).find((name) => /^start-console-[\w-]+\.js$/.test(name));
  if (!chunk) return 'no start-console chunk in the build';
  const script = join(chunks, SCRIPT_NAME);
  const cache = join(chunks, CACHE_NAME);
  rmSync(cache, { force: true });
  writeFileSync(script, chunkToScript(readFileSync(join(chunks, chunk), 'utf8')));
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const trained = spawnSync(process.execPath, [new URL('./console-script-train.mjs', import.meta.url).pathname, script, cache], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (trained.status !== 0) {
    rmSync(script, { force: true });
    return `evaluating the console script failed: ${(trained.stderr || trained.error?.message || '').trim().split('\n').slice(-3).join(' ')}`;
  }
  return null;
}
