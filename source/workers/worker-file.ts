// Where a worker's code is at run time, for a worker entry `source/<dir>/<name>-worker.ts`.
// - From the bundle (dist/cli.js + dist/chunks/*): scripts/build.mjs emits every `*-worker.ts`
//   as one CommonJS file, dist/<path below source/ with / → __>.cjs, so we walk up from this
//   chunk to the folder holding it.
// - From sources (vitest runs .ts directly): Node 20 runs no .ts file in a child process or a
//   worker thread, so the worker is bundled on the fly with esbuild (a dev dependency) into
//   .test-tmp/workers/, in the same form, named by content hash so parallel test processes
//   share it safely.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerEntry {
  /** Below source/, without extension: `adapters/sqlite/sqlite-worker` */
  path: string;
  /** Modules left out of the on-the-fly bundle (native addons) */
  external?: string[];
}

const located = new Map<string, Promise<string>>();

/** Resolves once per entry; a failure is not cached. */
export function workerFile(entry: WorkerEntry): Promise<string> {
  let found = located.get(entry.path);
  if (!found) {
    found = locate(entry).catch((error: unknown) => {
      located.delete(entry.path);
      throw error;
    });
    located.set(entry.path, found);
  }
  return found;
}

/** The name scripts/build.mjs gives the entry's output in dist/. */
export function bundledWorkerName(entry: WorkerEntry): string {
  return `${entry.path.replaceAll('/', '__')}.cjs`;
}

function findUpwards(start: string, name: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, name))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

async function locate(entry: WorkerEntry): Promise<string> {
  const here = fileURLToPath(import.meta.url);
  if (/\.[cm]?tsx?$/.test(here)) return buildFromSource(entry, dirname(dirname(here)));
  const name = bundledWorkerName(entry);
  const folder = findUpwards(dirname(here), name);
  if (folder === null) throw new Error(`dsnsh's worker ${name} is missing beside cli.js; reinstall dsnsh.`);
  return join(folder, name);
}

async function buildFromSource(entry: WorkerEntry, sourceRoot: string): Promise<string> {
  const projectRoot = findUpwards(sourceRoot, 'package.json');
  if (projectRoot === null) throw new Error(`Cannot find the project root to build the worker ${entry.path}.`);
  // A computed specifier keeps esbuild from bundling esbuild into dist/.
  const esbuildName = 'esbuild';
  const esbuild = (await import(esbuildName)) as typeof import('esbuild');
  const built = await esbuild.build({
    entryPoints: [join(sourceRoot, `${entry.path}.ts`)],
    bundle: true,
    write: false,
    // As scripts/build.mjs (buildWorkers): CommonJS, its drivers loaded by require().
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    external: entry.external ?? [],
    logLevel: 'silent',
  });
  const code = built.outputFiles[0]!.text;
  const outDir = join(projectRoot, '.test-tmp', 'workers');
  const base = entry.path.replaceAll('/', '__');
  const out = join(outDir, `${base}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(out)) {
    mkdirSync(outDir, { recursive: true });
    const temporary = `${out}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, out);
  }
  return out;
}
