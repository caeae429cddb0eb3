// Case 5: CPU used by an idle console (live panels refreshing) over a window, from
// /proc/<pid>/stat utime+stime of the console's process tree. All consoles idle side by side in
// the same window, so they share the same background load.
import { dsnshConsole, peerConsoles } from '../lib/console-markers.mjs';
import { ticksPerSecond, treeCpuTicks, treePeakRssKb } from '../lib/proc-stat.mjs';
import { ExitedError, PtySession, ptyUnavailable, sleep } from '../lib/pty-session.mjs';
import { summarize } from '../lib/stats.mjs';
import { below } from '../lib/targets.mjs';
import { performance } from 'node:perf_hooks';

export async function idleCpu({ idleSeconds, progress, dataMissing }) {
  const specs = [
    { ...dsnshConsole('postgres') },
    { ...dsnshConsole('mysql') },
    { ...dsnshConsole('sqlite'), skip: dsnshConsole('sqlite').skip ?? dataMissing.sqlite },
    { ...dsnshConsole('memory') },
    ...peerConsoles(),
  ];
  const entries = specs.map((spec) => ({ spec, session: null, skipped: ptyUnavailable() ?? spec.skip ?? null }));
  progress('starting consoles');
  for (const entry of entries) {
    if (entry.skipped) continue;
    entry.session = new PtySession(entry.spec.command, entry.spec.args, { cols: 120, rows: 40 });
  }
  await Promise.all(
    entries.map(async (entry) => {
      if (!entry.session) return;
      try {
        await entry.session.waitForScreen(entry.spec.ready, 30_000);
      } catch (error) {
        entry.skipped =
          error instanceof ExitedError && entry.spec.dsnsh ? `n/a (console not built?): ${error.lastLines}` : error.message.split('\n')[0];
      }
    }),
  );
  await sleep(3000); // let start-up work (first panel fetches, completion caches) finish
  const live = entries.filter((e) => !e.skipped);
  const start = live.map((e) => treeCpuTicks(e.session.pid));
  const t0 = performance.now();
  progress(`idling ${idleSeconds} s`);
  await sleep(idleSeconds * 1000);
  const seconds = (performance.now() - t0) / 1000;
  live.forEach((e, i) => {
    if (e.session.exited) {
      e.skipped = `exited during the idle window (code ${e.session.exited.exitCode})`;
      return;
    }
    const ticks = treeCpuTicks(e.session.pid) - start[i];
    e.cpuPercent = (ticks / ticksPerSecond() / seconds) * 100;
    e.rssKb = treePeakRssKb(e.session.pid);
  });
  await Promise.all(entries.map((e) => e.session?.stop()));
  const results = entries.map((e) => ({
    label: e.spec.label,
    skipped: e.skipped,
    ms: summarize(e.skipped ? [] : [e.cpuPercent]),
    rssKb: summarize(e.skipped || e.rssKb === null ? [] : [e.rssKb]),
  }));
  const targets = results
    .filter((r) => r.label.startsWith('dsnsh'))
    .map((r) => below(r.skipped ? null : r.ms.median, 2, `idle CPU < 2% of one core (${r.label})`, '%'));
  return {
    id: 5,
    title: `Console idle CPU over ${idleSeconds} s (% of one core)`,
    kind: 'percent',
    results,
    comparisons: [
      ['dsnsh postgres', 'psql'],
      ['dsnsh postgres', 'pgcli'],
      ['dsnsh mysql', 'mycli'],
      ['dsnsh sqlite', 'litecli'],
    ],
    targets,
    notes: [
      `CPU of the console's own process tree (utime+stime, ${ticksPerSecond()} ticks/s); server-side work for panel queries is not counted.`,
    ],
  };
}
