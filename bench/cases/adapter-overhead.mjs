// Case 6: streaming the 1,000,000-row table through dsnsh's adapter against the raw driver used
// directly (positional rows, 1000 per chunk, null sink), each in its own Node process. The time
// compared is measured inside the process from query start to last row (connect and module
// loading excluded); peak RSS is the whole process's.
import { fileURLToPath } from 'node:url';
import { DSNSH_TARGETS, ROWS } from '../lib/environment.mjs';
import { failureOf, interleave } from '../lib/interleave.mjs';
import { buildAdapterBundle } from '../lib/adapter-bundle.mjs';
import { runMeasured } from '../lib/run-process.mjs';
import { median } from '../lib/stats.mjs';
import { below, peakRssMb, ratioAtMost } from '../lib/targets.mjs';

const worker = (name) => fileURLToPath(new URL(`../workers/${name}`, import.meta.url));

function streamer(label, args, skip) {
  return {
    label,
    skip,
    run: async () => {
      const result = await runMeasured(process.execPath, args, { captureStdout: true, timeoutMs: 300_000 });
      const failed = failureOf(result);
      if (failed) return { failed };
      let report;
      try {
        report = JSON.parse(result.stdout.trim().split('\n').at(-1));
      } catch {
        return { failed: `no result printed: ${result.stdout.slice(0, 120)}` };
      }
      if (report.rows !== ROWS) return { failed: `streamed ${report.rows} rows, expected ${ROWS}` };
      return { ms: report.ms, cpuMs: report.cpuMs, rssKb: result.rssKb, processMs: result.ms };
    },
  };
}

/** Ratio of the medians of client CPU time (less sensitive to other load than wall time). */
function cpuRatio(results, a, b) {
  const cpu = (label) =>
    median(
      results
        .find((r) => r.label === label && !r.skipped)
        ?.samples.map((s) => s.cpuMs)
        .filter((v) => typeof v === 'number') ?? [],
    );
  const [x, y] = [cpu(a), cpu(b)];
  return x === null || y === null || y === 0 ? null : x / y;
}

export async function adapterOverhead({ reps, progress, dataMissing }) {
  progress('bundling the adapter');
  const built = await buildAdapterBundle();
  const adapterSkip = 'missing' in built ? `adapter not available: ${built.missing}` : null;
  const contenders = [];
  for (const backend of ['postgres', 'mysql', 'sqlite']) {
    contenders.push(streamer(`raw ${backend}`, [worker('stream-raw.mjs'), backend], dataMissing[backend]));
    if (backend !== 'sqlite')
      contenders.push(streamer(`raw ${backend} text`, [worker('stream-raw.mjs'), backend, 'text'], dataMissing[backend]));
    contenders.push(
      streamer(
        `adapter ${backend}`,
        [worker('stream-adapter.mjs'), built.bundle ?? '', DSNSH_TARGETS[backend]],
        adapterSkip ?? dataMissing[backend],
      ),
    );
  }
  // SQLite runs in this process for the CLI and in a worker process for the console: both count.
  contenders.push(
    streamer(
      'adapter sqlite in-process',
      [worker('stream-adapter.mjs'), built.bundle ?? '', DSNSH_TARGETS.sqlite, 'in-process'],
      adapterSkip ?? dataMissing.sqlite,
    ),
  );
  const results = await interleave(contenders, reps, progress);
  const targets = [];
  for (const backend of ['postgres', 'mysql', 'sqlite', 'sqlite in-process']) {
    const raw = backend.split(' ')[0];
    const label =
      backend === 'sqlite' ? 'sqlite, worker process (console)' : backend === 'sqlite in-process' ? 'sqlite, in process (CLI)' : backend;
    const target = ratioAtMost(results, `adapter ${backend}`, `raw ${raw}`, 1.15, `adapter overhead ≤ 15% over the raw driver (${label})`);
    const floor = raw === 'sqlite' ? null : ratioAtMost(results, `adapter ${backend}`, `raw ${backend} text`, 1.15, '');
    if (floor && floor.status !== 'n/a') target.detail += `; against the text-mode floor ${floor.detail.split(' ')[0]}`;
    const cpu = cpuRatio(results, `adapter ${backend}`, `raw ${raw}`);
    if (cpu !== null) target.detail += `; client CPU time ${cpu.toFixed(2)}x`;
    targets.push(target);
    targets.push(below(peakRssMb(results, `adapter ${backend}`), 120, `adapter streaming peak RSS < 120 MB (${label})`, 'MB'));
  }
  return {
    id: 6,
    title: `Adapter vs raw driver, streaming ${ROWS.toLocaleString('en')} rows to a null sink`,
    results,
    comparisons: [
      ['adapter postgres', 'raw postgres'],
      ['adapter postgres', 'raw postgres text'],
      ['adapter mysql', 'raw mysql'],
      ['adapter mysql', 'raw mysql text'],
      ['adapter sqlite', 'raw sqlite'],
      ['adapter sqlite in-process', 'raw sqlite'],
    ],
    targets,
    notes: [
      "Time = query start → last row, inside the process (connect and module loading excluded); the targets also show the ratio of CPU time of the client's process tree (the SQLite worker process included) over the same span, which other load on the machine disturbs less. Raw: pg + pg-cursor (rowMode array, 1000 per read), mysql2 query row events (rowsAsArray), better-sqlite3 raw().iterate(); \"text\" = the same with the driver's date parsing off (pg: all values as text; mysql2: dateStrings). Targets compare with the driver's defaults.",
      'Adapter: source/adapters/open-adapter.ts + source/dsn/parse-dsn.ts bundled by bench with esbuild (bench/data/adapter-bundle), stream(sql, {chunkSize: 1000}). SQLite twice: in a worker process as the console opens it (rows cross as JSON text rendered by SQLite; its CPU counts), and in this process as the CLI opens it.',
    ],
  };
}
