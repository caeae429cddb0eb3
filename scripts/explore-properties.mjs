// Runs every property test file (those calling fc.assert) again and again with new random seeds,
// to find counterexamples before CI (which replays one fixed seed). Usage:
//   node scripts/explore-properties.mjs [times=20]
// A failure prints vitest's report, with fast-check's seed to replay it: DSNSH_PROPERTY_SEED=<seed>.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const times = Number(process.argv[2] ?? 20);
if (!Number.isInteger(times) || times < 1) {
  console.error(`explore-properties: "${process.argv[2]}" is not a number of runs: give a whole number, e.g. 20`);
  process.exit(2);
}

function propertyFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return propertyFiles(path);
    return /\.test\.tsx?$/.test(name) && readFileSync(path, 'utf8').includes('fc.assert') ? [path] : [];
  });
}

const files = propertyFiles('test');
const env = { ...process.env };
delete env.CI;
delete env.DSNSH_PROPERTY_SEED;
let failures = 0;
for (let run = 1; run <= times; run += 1) {
  const result = spawnSync('npx', ['vitest', 'run', '--reporter=dot', ...files], { env, encoding: 'utf8' });
  if (result.status !== 0) {
    failures += 1;
    process.stdout.write(`run ${run}: FAILED\n${result.stdout}${result.stderr}\n`);
  } else process.stdout.write(`run ${run}: passed (${files.length} files)\n`);
}
console.log(
  failures === 0 ? `explore-properties: ${times} runs, no counterexample` : `explore-properties: ${failures} of ${times} runs failed`,
);
process.exit(failures === 0 ? 0 : 1);
