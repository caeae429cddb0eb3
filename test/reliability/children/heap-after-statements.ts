// Child process for the memory test (run with --expose-gc after bundling): runs `total`
// statements one at a time through one adapter session and prints the heap, after full GCs,
// at each checkpoint as one JSON line.
import { openAdapter } from '../../../source/adapters/open-adapter.js';
import { parseDsn } from '../../../source/dsn/parse-dsn.js';

const [dsnText, totalText, checkpointsText] = process.argv.slice(2);
const total = Number(totalText);
const checkpoints = new Set((checkpointsText ?? '').split(',').map(Number));
const gc = (globalThis as { gc?: () => void }).gc;
if (!dsnText || !gc) throw new Error('usage: node --expose-gc child.js DSN TOTAL CHECKPOINTS');

function settledHeap(): number {
  for (let i = 0; i < 4; i += 1) gc!();
  return process.memoryUsage().heapUsed;
}

const adapter = await openAdapter(parseDsn(dsnText));
const session = await adapter.session();
const heap: Record<number, number> = {};
try {
  for (let i = 1; i <= total; i += 1) {
    // Distinct text and a small result every time, as a long script would have.
    const result = await session.run(`select ${i} as n, 'row ${i} ${'x'.repeat(i % 50)}' as payload`);
    if (result.rows.length !== 1) throw new Error(`statement ${i} returned ${result.rows.length} rows`);
    if (i % 100 === 0) {
      const stream = await session.stream(`select ${i} as n union all select ${i + 1}`);
      for await (const _chunk of stream) {
        /* drain */
      }
    }
    if (checkpoints.has(i)) heap[i] = settledHeap();
  }
} finally {
  await session.release();
  await adapter.close();
}
process.stdout.write(`${JSON.stringify(heap)}\n`);
