// Builds dist/: one esbuild ESM bundle for the CLI, split so that Ink/React and each database
// driver live in chunks loaded only by dynamic import. Node 20's ESM loader makes ~120 tsc
// files start ~2.4x slower than one bundle (see ../shared/TOOLING.md).
import { build } from 'esbuild';
import { readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePatches } from './bundle-patches.mjs';
import { emitConsoleScript } from './console-script.mjs';

const root = new URL('..', import.meta.url).pathname;

/** Worker entry points (files named `*-worker.ts`) must be separate outputs. */
function findWorkers(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...findWorkers(full));
    else if (/-worker\.tsx?$/.test(name)) found.push(full);
  }
  return found;
}

/** Worker files as esbuild entry points, named as the adapters look for them (`adapters__sqlite__…`). */
export function workerEntryPoints(sourceDir) {
  return findWorkers(sourceDir).map((file) => ({ in: file, out: relative(sourceDir, file).replace(/\.tsx?$/, '').replaceAll('/', '__') }));
}

/**
 * Workers (the SQLite worker process, the CSV formatting thread) as one CommonJS file each, with
 * their drivers loaded by require(): a worker then starts without Node's ESM loader, and the
 * SQLite worker answers its first request ~40 ms sooner (fork → open reply 144 → 105 ms). They
 * share no module state with the CLI, so nothing is lost by not sharing its chunks.
 */
export async function buildWorkers(sourceDir, outdir, options = {}) {
  await build({
    entryPoints: workerEntryPoints(sourceDir),
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // import('better-sqlite3') becomes require(): no ESM loader in the worker.
    supported: { 'dynamic-import': false },
    external: ['better-sqlite3'],
    logLevel: 'warning',
    ...options,
  });
}

// Imported by the bench (workerEntryPoints, buildWorkers); run as a script, it builds.
// (The loader resolves symlinks in the module's URL, so compare real paths.)
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await buildAll();

async function buildAll() {
  const entryPoints = [{ in: join(root, 'source/cli.tsx'), out: 'cli' }];

  // DSNSH_OUTDIR lets parallel test runs build their own copy (keep it inside the project so
  // node_modules resolves).
  const outdir = process.env.DSNSH_OUTDIR ? join(root, process.env.DSNSH_OUTDIR) : join(root, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    // Native addon and optional native pieces stay outside the bundle.
    external: ['better-sqlite3', 'pg-native', 'cpu-features', 'ssh2'],
    alias: { 'react-devtools-core': join(root, 'scripts/empty-module.js') },
    // CommonJS dependencies call require(); give ESM chunks one.
    banner: { js: "import { createRequire as __dsnshCreateRequire } from 'node:module'; const require = __dsnshCreateRequire(import.meta.url);" },
    // React, react-reconciler and scheduler pick their build with process.env.NODE_ENV at run
    // time; defined here, only the production build is bundled (the console chunk shrinks to a
    // fraction and parses that much faster). Tests run the sources, not this bundle.
    define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'warning',
    // Less to read and compile at every start; names kept for stack-less messages that show them.
    minify: true,
    keepNames: true,
    metafile: false,
    plugins: bundlePatches,
  });
  await buildWorkers(join(root, 'source'), outdir, { minify: true, keepNames: true, legalComments: 'none' });
  // Optional: without it the console loads its ES module (a little slower); say why, go on.
  const notMade = emitConsoleScript(outdir);
  if (notMade) process.stderr.write(`build: the console's cached script was not made (${notMade}); the console loads without it\n`);
}
