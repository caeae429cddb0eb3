// Loads the console's module (start-console: Ink, React and the UI). The build leaves it twice
// in dist/chunks/: as an ES module, and as a script with the V8 code cache made at build time
// (scripts/console-script.mjs): compiled with that cache, the ~450 KB of code need not be
// compiled again at every start (first frame ~40 ms sooner on Node 20). Node 22's own compile
// cache (compile-cache.ts) does not replace it: it holds only what was compiled before the module
// ran, and the console's first frame was 202 ms with it against 177 ms with this script (bench
// A/B, README Performance). Without the script (sources under test, a build that could not make
// it) the module loads as usual. Both are the same code: the script is the module's text with
// its imports and exports turned into the function's parameters and return value.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

type ConsoleModule = typeof import('./start-console.js');
type EvaluateScript = (
  require: NodeJS.Require,
  load: (specifier: string) => Promise<unknown>,
  meta: { url: string },
) => Promise<ConsoleModule>;

// The names scripts/console-script.mjs writes (test/e2e/cli-no-ink.test.ts fails when the built
// console does not load the script).
const SCRIPT_NAME = 'console-script.js';
const CACHE_NAME = 'console-script.cache';

export async function loadConsoleModule(): Promise<ConsoleModule> {
  const scriptUrl = new URL(`./${SCRIPT_NAME}`, import.meta.url);
  const source = readIfThere(scriptUrl, 'utf8');
  if (source === undefined) return import('./start-console.js');
  // A cache V8 turns down (cachedDataRejected) costs nothing more than none: the script compiles.
  const cachedData = readIfThere(new URL(`./${CACHE_NAME}`, import.meta.url));
  const script = new Script(source, { filename: fileURLToPath(scriptUrl), cachedData });
  const evaluate = script.runInThisContext() as EvaluateScript;
  const load = (specifier: string) => import(specifier.startsWith('.') ? new URL(specifier, scriptUrl).href : specifier);
  return evaluate(createRequire(scriptUrl), load, { url: scriptUrl.href });
}

function readIfThere(url: URL): Buffer | undefined;
function readIfThere(url: URL, encoding: 'utf8'): string | undefined;
function readIfThere(url: URL, encoding?: 'utf8'): Buffer | string | undefined {
  try {
    return encoding ? readFileSync(url, encoding) : readFileSync(url);
  } catch {
    return undefined;
  }
}
