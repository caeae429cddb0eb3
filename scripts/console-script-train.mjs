// Run by console-script.mjs in a fresh Node: evaluates the console script as
// source/ui/load-console.ts does, then writes V8's code cache for it (which then holds every
// function compiled while the modules were set up).
// Usage: node console-script-train.mjs SCRIPT CACHE
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const [scriptPath, cachePath] = process.argv.slice(2);
// As at run time (source/ui/run-console.ts hides fetch while the console loads).
Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
const url = pathToFileURL(scriptPath);
const script = new vm.Script(readFileSync(scriptPath, 'utf8'), { filename: scriptPath });
const evaluate = script.runInThisContext();
const loaded = await evaluate(
  createRequire(url),
  (specifier) => import(specifier.startsWith('.') ? new URL(specifier, url).href : specifier),
  { url: url.href },
);
if (typeof loaded?.startConsole !== 'function') throw new Error('the console script does not export startConsole');
writeFileSync(cachePath, script.createCachedData());
// Ink's modules leave listeners behind; nothing else is to be done here.
process.exit(0);
