// Streams every row of the benchmark table through dsnsh's adapter (bundled by
// lib/adapter-bundle.mjs), 1000 rows per chunk, into a null sink. Prints {rows, ms, cpuMs} as JSON.
// Usage: node stream-adapter.mjs BUNDLE DSN [in-process]
//   in-process: SQLite in this process, as the CLI opens it (default: the console's worker process)
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { SELECT_ALL } from '../lib/environment.mjs';
import { ticksPerSecond, treeCpuTicks } from '../lib/proc-stat.mjs';

/** CPU of this process and its children (the SQLite adapter's worker process), in ms. */
const treeCpuMs = () => (treeCpuTicks(process.pid) * 1000) / ticksPerSecond();

const [bundle, dsnText, placement] = process.argv.slice(2);
const { openAdapter, parseDsn } = await import(pathToFileURL(bundle).href);
const parsed = parseDsn(dsnText);
const dsn = parsed && typeof parsed === 'object' && 'ok' in parsed ? unwrap(parsed) : parsed;
const adapter = await openAdapter(dsn, { inProcess: placement === 'in-process' });
let rows = 0;
const started = performance.now();
const cpuStart = treeCpuMs();
const stream = await adapter.stream(SELECT_ALL, { chunkSize: 1000 });
for await (const chunk of stream) rows += chunk.length;
await stream.close();
const ms = performance.now() - started;
const cpuMs = treeCpuMs() - cpuStart;
await adapter.close();
process.stdout.write(`${JSON.stringify({ rows, ms, cpuMs })}\n`);

/** parseDsn may return a result object instead of throwing. */
function unwrap(result) {
  if (result.ok) return result.value ?? result.dsn;
  throw new Error(`DSN rejected: ${result.error?.message ?? JSON.stringify(result)}`);
}
