#!/usr/bin/env node
// Profiles one dsnsh command and prints where the time went, per process: top functions by self
// time and by inclusive time. Sampling runs through the inspector, preloaded with
// NODE_OPTIONS=--import (lib/self-profile.mjs), so the SQLite worker process is profiled too
// (`--cpu-prof` is not allowed in NODE_OPTIONS, and workers are forked with execArgv: []).
// Profiles stay in bench/data/profiles/<time>/ for Chrome DevTools.
//
// Usage: node bench/profile.mjs [--top N] [--pty | --scroll] -- DSNSH_ARGS...
//   default   dsnsh runs with stdout to /dev/null (e.g. -- memory -c 'select 1' --format csv)
//   --pty     the console in a pseudo-terminal: only spawn → prompt on screen is summarised
//   --scroll  the console: run case 4's query, Shift+Tab, Page Down x50, then quit; only the
//             scrolling part of the timeline is summarised
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PATH, DATA_DIR, SELECT_ALL, childEnv } from './lib/environment.mjs';
import { DSNSH_PROMPT } from './lib/console-markers.mjs';
import { PtySession, sleep } from './lib/pty-session.mjs';

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const own = split === -1 ? [] : argv.slice(0, split);
const dsnshArgs = split === -1 ? argv : argv.slice(split + 1);
const top = own.includes('--top') ? Number(own[own.indexOf('--top') + 1]) : 15;
const mode = own.includes('--scroll') ? 'scroll' : own.includes('--pty') ? 'pty' : 'plain';

const dir = join(DATA_DIR, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(dir, { recursive: true });
const started = performance.now();
const env = childEnv({ NODE_OPTIONS: `--import=${new URL('./lib/self-profile.mjs', import.meta.url).href}`, BENCH_PROFILE_DIR: dir });
let status;
/** Wall-clock window (Date.now() ms) to summarise; null = everything */
let window = null;
/** When the console exited, on the wall clock: the profile's endTime maps to it. */
let exitedWall = null;
if (mode === 'plain') {
  status = spawnSync(process.execPath, [CLI_PATH, ...dsnshArgs], { env, stdio: ['ignore', openSync('/dev/null', 'w'), 'inherit'] }).status;
} else {
  const spawnedWall = Date.now();
  const session = new PtySession(process.execPath, [CLI_PATH, ...dsnshArgs], { env, cols: 120, rows: 40 });
  const promptMs = await session.waitForScreen(DSNSH_PROMPT, 30_000);
  console.log(`prompt after ${promptMs.toFixed(0)} ms (with profiling overhead)`);
  window = [spawnedWall, spawnedWall + promptMs];
  await sleep(500);
  if (mode === 'scroll') {
    session.write(`${SELECT_ALL} order by id;`);
    await sleep(100);
    session.write('\r');
    await session.waitForScreen(/name-1\b/, 60_000);
    await sleep(300);
    session.write('\x1b[Z');
    await sleep(300);
    const from = Date.now();
    const latencies = [];
    for (let i = 0; i < 50; i++) {
      const topRow = /name-(\d+)/.exec(session.screen())?.[1];
      latencies.push(await session.keystroke('\x1b[6~', { changed: (s) => /name-(\d+)/.exec(s)?.[1] !== topRow, quietMs: 30 }));
    }
    window = [from, Date.now()];
    latencies.sort((a, b) => a - b);
    console.log(`Page Down x50: median ${latencies[25]?.toFixed(1)} ms (with profiling overhead)`);
    session.write('\x1b');
    await sleep(300);
  }
  session.write('\x04');
  while (!session.exited && performance.now() - started < 120_000) await sleep(20);
  exitedWall = Date.now() - (performance.now() - (session.exited?.at ?? performance.now()));
  status = session.exited?.exitCode;
  await session.stop();
}
console.log(`dsnsh ${dsnshArgs.join(' ')}: exit ${status}, ${(performance.now() - started).toFixed(0)} ms wall; profiles in ${dir}`);

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort())
  summarise(file);

function summarise(file) {
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  const label = (id) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = url.includes('node_modules/') ? url.replace(/^.*node_modules\//, '') : url.split('/').pop();
    return `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (window && !inWindow(at, profile)) return;
    const ms = profile.timeDeltas[i] / 1000;
    total += ms;
    add(self, label(id), ms);
    const seen = new Set();
    for (let node = id; node !== undefined; node = parents.get(node)) {
      const name = label(node);
      if (!seen.has(name)) {
        seen.add(name);
        add(inclusive, name, ms);
      }
    }
  });
  console.log(
    `\n## ${file}: ${total.toFixed(0)} ms sampled${window ? ` (${mode === 'scroll' ? 'scrolling' : 'until the prompt showed'} only)` : ''}`,
  );
  console.log('self time:');
  for (const [name, ms] of sorted(self)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('inclusive time:');
  for (const [name, ms] of sorted(inclusive).filter(([n]) => !n.startsWith('(root)')))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

/** Profile times are µs on their own clock and the profile ends at the process's exit: map back from there. */
function inWindow(atMicros, profile) {
  const wall = exitedWall - (profile.endTime - atMicros) / 1000;
  return wall >= window[0] && wall <= window[1];
}

function add(map, key, ms) {
  map.set(key, (map.get(key) ?? 0) + ms);
}
function sorted(map) {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
}
