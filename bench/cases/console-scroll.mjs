// Case 4: in the dsnsh console, run `select * from dsnsh_bench order by id` (order by: PostgreSQL's
// synchronized sequential scans may otherwise start mid-table), then Page Down 50 times and End.
// Each key's latency is the time from writing it to the last byte of the frame it caused
// (output settled for 40 ms). Also: time to the first result screen, time for End to show the
// last row, and the console's peak RSS.
import { performance } from 'node:perf_hooks';
import { dsnshConsole } from '../lib/console-markers.mjs';
import { ROWS, SELECT_ALL } from '../lib/environment.mjs';
import { treePeakRssKb } from '../lib/proc-stat.mjs';
import { ExitedError, PtySession, ptyUnavailable, sleep } from '../lib/pty-session.mjs';
import { summarize } from '../lib/stats.mjs';
import { below } from '../lib/targets.mjs';

const PAGE_DOWN = '\x1b[6~';
const END = process.env.BENCH_END_KEY ?? '\x1b[F';
/** Keys that move focus from the prompt to the result view (dsnsh: Shift+Tab), so End means "last row". */
const FOCUS_RESULTS = process.env.BENCH_FOCUS_RESULTS ?? '\x1b[Z';
const PAGES = 50;
const END_TIMEOUT_MS = Number(process.env.BENCH_END_TIMEOUT_S ?? 60) * 1000;
const FIRST_ROW = /name-1\b/;
const LAST_ROW = new RegExp(`name-${ROWS}\\b`);

const topRow = (screen) => /name-(\d+)/.exec(screen)?.[1] ?? null;

async function scrollOnce(spec) {
  const session = new PtySession(spec.command, spec.args, { cols: 120, rows: 40 });
  try {
    await session.waitForScreen(spec.ready, 20_000);
    await sleep(300);
    session.write(`${SELECT_ALL} order by id;`);
    await sleep(100);
    const queryAt = performance.now();
    session.write('\r');
    await session.waitForScreen(FIRST_ROW, 60_000);
    const firstScreenMs = performance.now() - queryAt;
    await sleep(300);
    if (FOCUS_RESULTS) {
      session.write(FOCUS_RESULTS);
      await sleep(200);
    }
    const latencies = [];
    let silent = 0;
    for (let i = 0; i < PAGES; i++) {
      // The frame counts when the top visible row has moved, and ends when output goes quiet.
      const top = topRow(session.screen());
      const ms = await session.keystroke(PAGE_DOWN, { changed: (screen) => topRow(screen) !== top, quietMs: 30, timeoutMs: 5000 });
      if (ms === null) silent++;
      else latencies.push(ms);
    }
    const scrolled = !FIRST_ROW.test(session.screen());
    const rssBeforeEndKb = treePeakRssKb(session.pid);
    const endAt = performance.now();
    session.write(END);
    let endMs = null;
    try {
      await session.waitForScreen(LAST_ROW, END_TIMEOUT_MS);
      endMs = performance.now() - endAt;
    } catch {
      /* reported as a problem */
    }
    const rssKb = treePeakRssKb(session.pid);
    return { firstScreenMs, latencies, silent, scrolled, endMs, rssKb, rssBeforeEndKb };
  } catch (error) {
    const lastLines = session
      .screen()
      .split('\n')
      .filter((l) => l.trim())
      .slice(-4)
      .join(' | ');
    const why =
      error instanceof ExitedError ? `n/a (console not built?): ${error.lastLines}` : `${error.message.split('\n')[0]} ${lastLines}`;
    return { failed: why, screen: session.screen() };
  } finally {
    await session.stop();
  }
}

export async function consoleScroll({ reps, progress, dataMissing }) {
  const backends = ['postgres', 'mysql', 'sqlite'];
  const state = backends.map((backend) => ({ backend, spec: dsnshConsole(backend), runs: [], skipped: null }));
  for (const entry of state) entry.skipped = ptyUnavailable() ?? entry.spec.skip ?? dataMissing[entry.backend] ?? null;
  for (let round = 1; round <= reps; round++) {
    for (const entry of state) {
      if (entry.skipped) continue;
      progress(`round ${round}/${reps} scroll dsnsh ${entry.backend}`);
      const run = await scrollOnce(entry.spec);
      if (run.failed) entry.skipped = run.failed;
      else entry.runs.push(run);
    }
  }
  const results = state.map(({ backend, runs, skipped }) => {
    const latencies = runs.flatMap((r) => r.latencies);
    const problems = [];
    if (runs.some((r) => r.silent > 0))
      problems.push(`${runs.reduce((s, r) => s + r.silent, 0)} Page Down keys did not move the view within 5 s`);
    if (runs.some((r) => !r.scrolled)) problems.push('first row still on screen after 50 Page Down');
    if (runs.some((r) => r.endMs === null)) problems.push(`End did not show row ${ROWS} within ${END_TIMEOUT_MS / 1000} s`);
    return {
      label: `dsnsh ${backend} scroll`,
      skipped: skipped && runs.length === 0 ? skipped : null,
      ms: summarize(latencies),
      rssKb: summarize(runs.map((r) => r.rssKb).filter((v) => v !== null)),
      rssBeforeEndKb: summarize(runs.map((r) => r.rssBeforeEndKb).filter((v) => v !== null)),
      firstScreenMs: summarize(runs.map((r) => r.firstScreenMs)),
      endMs: summarize(runs.map((r) => r.endMs).filter((v) => v !== null)),
      problems,
      samples: runs,
    };
  });
  const targets = [];
  for (const r of results) {
    const name = r.label.replace(' scroll', '');
    targets.push(below(r.skipped ? null : r.ms.median, 30, `scrolling: median keystroke-to-frame < 30 ms (${name})`, 'ms'));
    targets.push(below(r.skipped || r.rssKb.n === 0 ? null : r.rssKb.max / 1024, 200, `scrolling: peak RSS < 200 MB (${name})`, 'MB'));
  }
  return {
    id: 4,
    title: `Console: open a ${ROWS.toLocaleString('en')}-row result, Page Down x${PAGES}, End`,
    kind: 'latency',
    results,
    comparisons: [],
    targets,
    notes: [
      'Latency = Page Down written → last byte of the frame in which the top visible row moved (then output quiet for 30 ms); pooled over all keys of all runs. End → last row: until row 1,000,000 is on screen.',
    ],
  };
}
