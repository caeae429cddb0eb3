// Runs a set of contenders round-robin: one warm-up each (page cache, first-run config files of
// the Python consoles, and a check that the contender works at all), then `reps` rounds in which
// every contender runs once. Interleaving spreads background noise over all contenders alike.
import { summarize } from './stats.mjs';

/**
 * @param {Array<{label:string, skip?:string|null, run:(warmup:boolean)=>Promise<{ms:number, rssKb?:number|null, failed?:string, extra?:object}>}>} contenders
 * @returns {Promise<Array<{label:string, skipped:string|null, ms:object, rssKb:object, samples:object[]}>>}
 */
export async function interleave(contenders, reps, progress = () => {}) {
  const state = contenders.map((c) => ({ label: c.label, skipped: c.skip ?? null, samples: [], contender: c }));
  for (const entry of state) {
    if (entry.skipped) continue;
    progress(`warm-up ${entry.label}`);
    const sample = await entry.contender.run(true);
    if (sample.failed) entry.skipped = sample.failed;
  }
  for (let round = 1; round <= reps; round++) {
    for (const entry of state) {
      if (entry.skipped) continue;
      progress(`round ${round}/${reps} ${entry.label}`);
      const sample = await entry.contender.run(false);
      if (sample.failed) {
        entry.skipped = `failed in round ${round}: ${sample.failed}`;
        continue;
      }
      entry.samples.push(sample);
    }
  }
  return state.map(({ label, skipped, samples }) => ({
    label,
    skipped,
    samples,
    ms: summarize(samples.map((s) => s.ms)),
    rssKb: summarize(samples.map((s) => s.rssKb).filter((v) => typeof v === 'number')),
  }));
}

/** A measured command's failure reason from its exit status and stderr, or undefined when fine. */
export function failureOf(result, { expectLines } = {}) {
  if (result.code !== 0) {
    const lines = result.stderr
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // A Node stack trace starts with the source location; the error line says more.
    const firstLine = lines.find((l) => /^\w*Error\b|error:/i.test(l)) ?? lines[0] ?? '';
    return `exit ${result.code ?? result.signal}${firstLine ? `: ${firstLine.slice(0, 160)}` : ''}`;
  }
  if (expectLines !== undefined && result.lines !== null && result.lines < expectLines) {
    return `printed ${result.lines} lines, expected at least ${expectLines}`;
  }
  return undefined;
}
