// Where the worker's code is at run time.
// - From the bundle (dist/cli.js + dist/chunks/*): scripts/build.mjs emits every `*-worker.ts`
//   as dist/<path with / → __>.js, so we walk up from this chunk to the folder holding it.
// - From sources (vitest runs .ts directly): Node 20 cannot run a .ts file in a child process,
//   so the worker is bundled on the fly with esbuild (a dev dependency) into
//   .test-tmp/sqlite-worker/, named by content hash so parallel test processes share it safely.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_WORKER_NAME = 'adapters__sqlite__sqlite-worker.js';

let located: Promise<string> | null = null;

export function sqliteWorkerPath(): Promise<string> {
  located ??= locate().catch((error: unknown) => {
    located = null;
    throw error;
  });
  return located;
}

function findUpwards(start: string, name: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, name))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

async function locate(): Promise<string> {
  const here = fileURLToPath(import.meta.url);
  if (/\.[cm]?tsx?$/.test(here)) return buildFromSource(dirname(here));
  const folder = findUpwards(dirname(here), BUNDLED_WORKER_NAME);
  if (folder === null) throw new Error(`dsnsh's SQLite worker (${BUNDLED_WORKER_NAME}) is missing beside cli.js; reinstall dsnsh.`);
  return join(folder, BUNDLED_WORKER_NAME);
}

async function buildFromSource(sourceDir: string): Promise<string> {
  const projectRoot = findUpwards(sourceDir, 'package.json');
  if (projectRoot === null) throw new Error('Cannot find the project root to build the SQLite worker.');
  // A computed specifier keeps esbuild from bundling esbuild into dist/.
  const esbuildName = 'esbuild';
  const esbuild = (await import(esbuildName)) as typeof import('esbuild');
  const built = await esbuild.build({
    entryPoints: [join(sourceDir, 'sqlite-worker.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  const code = built.outputFiles[0]!.text;
  const outDir = join(projectRoot, '.test-tmp', 'sqlite-worker');
  const out = join(outDir, `sqlite-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(out)) {
    mkdirSync(outDir, { recursive: true });
    const temporary = `${out}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, out);
  }
  return out;
}
