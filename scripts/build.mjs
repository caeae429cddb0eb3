// Builds dist/: one esbuild ESM bundle for the CLI, split so that Ink/React and each database
// driver live in chunks loaded only by dynamic import. Node 20's ESM loader makes ~120 tsc
// files start ~2.4x slower than one bundle.
// DSNSH_BUILD_WITHOUT=name,… leaves out bundle patches by name and/or `console-script` (the
// bench's A/B builds: bench/README.md).
import { build } from 'esbuild';
import { readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePatchesWithout } from './bundle-patches.mjs';
import { emitConsoleScript } from './console-script.mjs';
import { checkPinnedVersions } from './pinned-versions.mjs';
import { NOTICES_NAME, writeThirdPartyNotices } from './third-party-notices.mjs';

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
  return findWorkers(sourceDir).map((file) => ({
    in: file,
    out: relative(sourceDir, file)
      .replace(/\.tsx?$/, '')
      .replaceAll('/', '__'),
  }));
}

/**
 * Workers (the SQLite worker process, the CSV formatting thread) as one CommonJS file each, with
 * their drivers loaded by require(): a worker then starts without Node's ESM loader, and the
 * SQLite worker answers its first request ~40 ms sooner (fork → open reply 144 → 105 ms). They
 * share no module state with the CLI, so nothing is lost by not sharing its chunks.
 */
export async function buildWorkers(sourceDir, outdir, options = {}) {
  return build({
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
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildAll();
  } catch (error) {
    // esbuild has printed a plugin's error already; a pin's own message is one line.
    process.stderr.write(`build: FAILED: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exit(1);
  }
}

async function buildAll() {
  checkPinnedVersions(root);
  const without = (process.env.DSNSH_BUILD_WITHOUT ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const entryPoints = [{ in: join(root, 'source/cli.tsx'), out: 'cli' }];

  // DSNSH_OUTDIR lets parallel test runs build their own copy (keep it inside the project so
  // node_modules resolves).
  const outdir = process.env.DSNSH_OUTDIR ? join(root, process.env.DSNSH_OUTDIR) : join(root, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const cli = await build({
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
    banner: {
      js: "import { createRequire as __dsnshCreateRequire } from 'node:module'; const require = __dsnshCreateRequire(import.meta.url);",
    },
    // React, react-reconciler and scheduler pick their build with process.env.NODE_ENV at run
    // time; defined here, only the production build is bundled (the console chunk shrinks to a
    // fraction and parses that much faster). Tests run the sources, not this bundle.
    define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'warning',
    // Less to read and compile at every start; names kept for stack-less messages that show them.
    // Licences are not lost: dist/THIRD-PARTY-NOTICES.txt carries them.
    minify: true,
    keepNames: true,
    metafile: true,
    plugins: bundlePatchesWithout(without),
  });
  const workers = await buildWorkers(join(root, 'source'), outdir, {
    minify: true,
    keepNames: true,
    legalComments: 'none',
    metafile: true,
  });
  writeThirdPartyNotices(root, [cli.metafile, workers.metafile], join(outdir, NOTICES_NAME));
  if (without.includes('console-script')) return;
  // Optional: without it the console loads its ES module (slower on Node 20); say why, go on.
  const notMade = emitConsoleScript(outdir);
  if (notMade) process.stderr.write(`build: the console's cached script was not made (${notMade}); the console loads without it\n`);
}
