#!/usr/bin/env node
// `npm run bench`: dsnsh against the consoles people use today, side by side, in one run.
// Prints Markdown on stdout (progress on stderr) and writes every figure to bench/results/<time>.json.
import { cpus, loadavg, release, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PATH, RESULTS_DIR, ensureDirs } from './lib/environment.mjs';
import { parseOptions, repsFor } from './lib/options.mjs';
import { setupData } from './lib/data-setup.mjs';
import { APT_COMMAND, missingPeer, toolVersions } from './lib/tools.mjs';
import { haveGnuTime } from './lib/run-process.mjs';
import { caseMarkdown, targetsMarkdown } from './lib/report.mjs';
import { coldStart } from './cases/cold-start.mjs';
import { csvExport } from './cases/csv-export.mjs';
import { firstFrame } from './cases/first-frame.mjs';
import { consoleScroll } from './cases/console-scroll.mjs';
import { idleCpu } from './cases/idle-cpu.mjs';
import { adapterOverhead } from './cases/adapter-overhead.mjs';

const log = (text) => process.stderr.write(`bench: ${text}\n`);

const CASES = {
  1: { run: coldStart, reps: [7, 3] },
  2: { run: csvExport, reps: [3, 2] },
  3: { run: firstFrame, reps: [5, 3] },
  4: { run: consoleScroll, reps: [1, 1] },
  5: { run: idleCpu, reps: [1, 1] },
  6: { run: adapterOverhead, reps: [5, 3] },
};

async function main() {
  const options = parseOptions(process.argv.slice(2));
  ensureDirs();
  const startedAt = new Date();
  const missing = ['psql', 'mariadb', 'sqlite3', 'pgcli', 'mycli', 'litecli'].filter((c) => missingPeer(c));
  if (missing.length) log(`missing peer tools: ${missing.join(', ')}; their rows are skipped. Install with: ${APT_COMMAND}`);
  if (!haveGnuTime()) log('GNU time not found (apt-get install -y time); peak RSS is polled from /proc instead');
  const versions = await toolVersions();
  const loadBefore = loadavg();
  const dataMissing = options.setup
    ? await setupData()
    : { postgres: 'setup skipped (--no-setup)', mysql: 'setup skipped (--no-setup)', sqlite: 'setup skipped (--no-setup)' };

  const cases = [];
  for (const id of options.cases) {
    const spec = CASES[id];
    if (!spec) throw new Error(`there is no case ${id} (cases are 1-6)`);
    const reps = repsFor(options, ...spec.reps);
    log(`case ${id} (${reps} repetitions)`);
    const t0 = Date.now();
    try {
      const result = await spec.run({
        reps,
        idleSeconds: options.idleSeconds,
        dataMissing,
        progress: (text) => log(`  case ${id}: ${text}`),
      });
      result.seconds = (Date.now() - t0) / 1000;
      cases.push(result);
    } catch (error) {
      // One broken case must not lose the others' figures.
      log(`case ${id} failed: ${error.stack ?? error}`);
      cases.push({ id, title: `case ${id}`, error: String(error.message ?? error), results: [], comparisons: [], targets: [] });
    }
  }

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryMB: Math.round(totalmem() / 2 ** 20),
    kernel: release(),
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg(),
  };
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const header = [
    `## dsnsh benchmarks — ${startedAt.toISOString()}`,
    '',
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryMB} MB RAM, Node ${process.version}, load average ${loadBefore[0].toFixed(2)} at start, ${machine.loadAverageAfter[0].toFixed(2)} at the end (above ${machine.cpus} means other work competed for the CPUs: compare ratios within this run, not figures across runs).`,
    ...(process.env.NODE_EXTRA_CA_CERTS
      ? [
          `Note: NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}): every Node process, dsnsh and the \`node -e 0\` floor included, parses those certificates before running any code (measured on the development machine: 88 ms of a 124 ms \`node -e 0\` for the system bundle); the Python and C peers do not. Case 3 also runs the floor and the memory console without it; unset it to measure everything as most machines start Node.`,
        ]
      : []),
    `Command: \`${command}\`; CLI: ${CLI_PATH}`,
    `Versions: ${Object.entries(versions)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}`,
  ].join('\n');
  const body = cases.map((c) => (c.error ? `### Case ${c.id}\n\nfailed: ${c.error}` : caseMarkdown(c)));
  console.log([header, ...body, targetsMarkdown(cases)].join('\n\n'));

  const file = join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt, finishedAt: new Date(), command, cli: CLI_PATH, machine, node: process.version, versions, options, dataMissing, cases }, null, 2)}\n`,
  );
  log(`figures written to ${file}`);
}

main().catch((error) => {
  log(`error: ${error.message ?? error}`);
  process.exitCode = 1;
});
