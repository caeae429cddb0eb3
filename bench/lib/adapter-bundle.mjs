// Bundles dsnsh's adapter layer (open-adapter.ts + the DSN parser) with esbuild into bench's own
// scratch folder, so case 6 can call the adapter from JavaScript without touching dist/.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildWorkers } from '../../scripts/build.mjs';
import { DATA_DIR, PROJECT_ROOT } from './environment.mjs';

const OUT_DIR = join(DATA_DIR, 'adapter-bundle');

/** @returns {Promise<{bundle: string} | {missing: string}>} */
export async function buildAdapterBundle() {
  const openAdapter = join(PROJECT_ROOT, 'source/adapters/open-adapter.ts');
  const parseDsn = findParseDsn();
  if (!parseDsn) return { missing: 'the DSN parser (source/dsn/parse-dsn.ts) does not exist yet' };
  const entry = join(OUT_DIR, 'entry.ts');
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    entry,
    `export { openAdapter } from ${JSON.stringify(openAdapter)};\nexport { parseDsn } from ${JSON.stringify(parseDsn)};\n`,
  );
  const { build } = await import('esbuild');
  try {
    await build({
      // Same layout as scripts/build.mjs: shared code in chunks/, workers (`*-worker.ts`) built
      // by buildWorkers beside the entry, so adapters find their workers as they do in dist/.
      entryPoints: [{ in: entry, out: 'adapter' }],
      chunkNames: 'chunks/[name]-[hash]',
      plugins: [stubMissingAdapters],
      outdir: OUT_DIR,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['better-sqlite3', 'pg-native', 'cpu-features', 'ssh2'],
      banner: {
        js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
      },
      logLevel: 'silent',
    });
    await buildWorkers(SOURCE, OUT_DIR, { logLevel: 'silent' });
  } catch (error) {
    return { missing: `the adapter does not build yet: ${String(error.message).split('\n').slice(0, 2).join(' ')}` };
  }
  return { bundle: join(OUT_DIR, 'adapter.js') };
}

const SOURCE = join(PROJECT_ROOT, 'source');

/** An adapter family not written yet fails when opened, not when bundling, so the others still run. */
const stubMissingAdapters = {
  name: 'stub-missing-adapters',
  setup(build) {
    build.onResolve({ filter: /-adapter\.js$/ }, (args) => {
      const source = join(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return existsSync(source) ? undefined : { path: source, namespace: 'missing-adapter' };
    });
    build.onLoad({ filter: /.*/, namespace: 'missing-adapter' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${relative(PROJECT_ROOT, args.path)} does not exist yet`)});`,
      loader: 'js',
    }));
  },
};

function findParseDsn() {
  const dir = join(PROJECT_ROOT, 'source/dsn');
  const preferred = join(dir, 'parse-dsn.ts');
  if (existsSync(preferred)) return preferred;
  const other = readdirSync(dir).find((name) => /^parse.*\.ts$/.test(name));
  return other ? join(dir, other) : null;
}
