#!/usr/bin/env node
// What `npx dsnsh` costs a user: packs the current build (dist/ or DSNSH_OUTDIR), installs the
// tarball into empty folders offline from the npm cache (scripts/packed-install.mjs), and
// prints the install time, the installed tree's size and package count, and the first run's
// time (`dsnsh memory -c 'select 1'`). Medians over --reps installs (default 3).
// Usage: npm run build && node bench/package-install.mjs [--reps N]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from './lib/environment.mjs';
import { median } from './lib/stats.mjs';
import { installPacked, minimalEnv, npmCacheWithPrebuilt, packBuild, PREBUILT_HOST } from '../scripts/packed-install.mjs';

const repsAt = process.argv.indexOf('--reps');
const reps = repsAt > 0 ? Number(process.argv[repsAt + 1]) : 3;
const dist = path.join(PROJECT_ROOT, process.env.DSNSH_OUTDIR ?? 'dist');

function packagesIn(modules) {
  let count = 0;
  const visit = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (name.startsWith('@')) {
        visit(full);
        continue;
      }
      if (fs.existsSync(path.join(full, 'package.json'))) {
        count += 1;
        visit(path.join(full, 'node_modules'));
      }
    }
  };
  visit(modules);
  return count;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-package-bench-'));
try {
  const tarball = packBuild(PROJECT_ROOT, dist, work);
  const npmCache = npmCacheWithPrebuilt(PROJECT_ROOT, work);
  const samples = [];
  for (let rep = 0; rep < reps; rep += 1) {
    const folder = path.join(work, `app-${rep}`);
    const started = performance.now();
    const result = await installPacked({
      projectRoot: PROJECT_ROOT,
      folder,
      tarball,
      npmCache,
      env: { npm_config_better_sqlite3_binary_host: PREBUILT_HOST },
    });
    const installMs = performance.now() - started;
    if (result.code !== 0) throw new Error(`install failed:\n${result.output}`);
    const bin = path.join(folder, 'node_modules/.bin/dsnsh');
    const runStarted = performance.now();
    const run = spawnSync(bin, ['memory', '-c', 'select 1'], { env: minimalEnv({ HOME: path.join(folder, 'home') }), encoding: 'utf8' });
    const firstRunMs = performance.now() - runStarted;
    if (run.status !== 0) throw new Error(`the installed dsnsh failed: ${run.stderr}`);
    const kb = Number(execFileSync('du', ['-sk', path.join(folder, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
    samples.push({ installMs, firstRunMs, kb, packages: packagesIn(path.join(folder, 'node_modules')) });
  }
  const tarballKb = Math.round(fs.statSync(tarball).size / 1024);
  const at = (key) => median(samples.map((sample) => sample[key]));
  console.log(
    `tarball ${tarballKb} KB; installed node_modules ${(at('kb') / 1024).toFixed(1)} MB, ${at('packages')} packages (dsnsh included); ` +
      `npm ci --offline ${Math.round(at('installMs'))} ms, first run ${Math.round(at('firstRunMs'))} ms (medians of ${reps}; Node ${process.version})`,
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
