#!/usr/bin/env node
// Profiles one dsnsh command (CPU sampling through the inspector, preloaded with
// NODE_OPTIONS=--import so forked workers are profiled too; `--cpu-prof` is not allowed in
// NODE_OPTIONS and workers are forked with execArgv: []) and prints where the time went: per process, the top functions by self time and
// the top files. Profiles are kept in bench/data/profiles/<time>/ for Chrome DevTools.
// Usage: node bench/profile.mjs [--top N] [--pty] -- DSNSH_ARGS...
//   default: stdout of dsnsh goes to /dev/null; --pty: the console in a pseudo-terminal, from
//   spawn until its prompt shows, then Ctrl+D (a clean exit, so the profile gets written).
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PATH, DATA_DIR, childEnv } from './lib/environment.mjs';
import { DSNSH_PROMPT } from './lib/console-markers.mjs';
import { PtySession, sleep } from './lib/pty-session.mjs';

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const own = split === -1 ? [] : argv.slice(0, split);
const dsnshArgs = split === -1 ? argv : argv.slice(split + 1);
const top = own.includes('--top') ? Number(own[own.indexOf('--top') + 1]) : 12;
const inPty = own.includes('--pty');

const dir = join(DATA_DIR, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(dir, { recursive: true });
const started = performance.now();
const preload = new URL('./lib/self-profile.mjs', import.meta.url).href;
const env = childEnv({ NODE_OPTIONS: `--import=${preload}`, BENCH_PROFILE_DIR: dir });
let status;
if (inPty) {
  const session = new PtySession(process.execPath, [CLI_PATH, ...dsnshArgs], { env });
  const promptMs = await session.waitForScreen(DSNSH_PROMPT, 30_000);
  console.log(`prompt after ${promptMs.toFixed(0)} ms (profiling included)`);
  await sleep(500);
  session.write('\x04');
  while (!session.exited && performance.now() - started < 60_000) await sleep(20);
  status = session.exited?.exitCode;
  await session.stop();
} else {
  status = spawnSync(process.execPath, [CLI_PATH, ...dsnshArgs], { env, stdio: ['ignore', openSync('/dev/null', 'w'), 'inherit'] }).status;
}
console.log(`dsnsh ${dsnshArgs.join(' ')}: exit ${status}, ${(performance.now() - started).toFixed(0)} ms wall; profiles in ${dir}`);

for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = profile.timeDeltas[i] / 1000;
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = url.includes('node_modules/') ? url.replace(/^.*node_modules\//, '') : url.split('/').pop();
    add(byFunction, `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`, ms);
    add(byFile, where || functionName, ms);
    total += ms;
  });
  console.log(`\n## ${file}: ${total.toFixed(0)} ms sampled`);
  console.log('self time by function:');
  for (const [name, ms] of sorted(byFunction)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('self time by file:');
  for (const [name, ms] of sorted(byFile)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

function add(map, key, ms) { map.set(key, (map.get(key) ?? 0) + ms); }
function sorted(map) { return [...map].sort((a, b) => b[1] - a[1]).slice(0, top); }
