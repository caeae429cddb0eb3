// A RowStream over a worker-side iterator: chunks are fetched as the consumer takes them, a few
// chunks ahead (the connection's readAhead), so memory on both sides stays bounded by those.
import type { Column, JsonChunk, Row, RowStream, StreamOptions, StreamTail } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import { cancelledError } from './sqlite-errors.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { chunkJson, decodeChunkRows } from './chunk-encoding.js';
import type { WorkerChunk, WorkerStreamOpened } from './worker-protocol.js';

const DEFAULT_CHUNK = 1000;

/** `onClosed` runs once when the stream ends, fails or is closed (releases the connection). */
export async function openSqliteRowStream(
  worker: SqliteConnection,
  sql: string,
  options: StreamOptions,
  onClosed: () => void,
): Promise<RowStream> {
  const signal = options.signal;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  let opened: WorkerStreamOpened;
  try {
    opened = await worker.request<WorkerStreamOpened>(
      { op: 'stream-open', sql, params: options.params ?? [], encoding: options.jsonText ? 'json' : worker.streamEncoding },
      signal,
    );
  } catch (error) {
    onClosed();
    throw error;
  }
  const generation = worker.generation;
  let finished = opened.ranWithoutRows;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      if (!finished && worker.generation === generation && worker.isOpen) {
        await worker.request({ op: 'stream-close', streamId: opened.streamId }).catch(() => undefined);
      }
    } finally {
      finished = true;
      onClosed();
    }
  };
  if (finished) {
    closed = true;
    onClosed();
  }

  const fetchNext = () => {
    const request = worker.request<WorkerChunk>({ op: 'stream-next', streamId: opened.streamId, chunkSize }, signal);
    // A read-ahead the consumer never takes (it stopped early) must not surface as unhandled.
    request.catch(() => undefined);
    return request;
  };

  // Read-ahead: the next chunks are requested before the current one is handed over, so the
  // connection reads while the consumer works. Across a process boundary two requests wait in
  // the worker's queue: it starts the next chunk the moment it has sent one, instead of idling
  // for a round trip per chunk. At most readAhead + 1 chunks exist. The worker answers requests
  // in order, so a stream-close sent later still follows them.
  const ahead: Promise<WorkerChunk>[] = [];
  const checkGeneration = () => {
    if (worker.generation !== generation) {
      throw new AdapterError(
        'other',
        worker.backend,
        'The stream ended because the database connection was restarted (a statement was cancelled).',
      );
    }
  };

  async function* workerChunks(): AsyncGenerator<WorkerChunk> {
    try {
      while (!finished) {
        checkGeneration();
        const chunk = await (ahead.shift() ?? fetchNext());
        if (chunk.done) finished = true;
        else if (worker.generation === generation) while (ahead.length < worker.readAhead) ahead.push(fetchNext());
        // A chunk read ahead may arrive after a cancel: it is not handed over. A request still
        // pending carries the connection's own cancel error (it knows what was rolled back).
        if (signal?.aborted) {
          await ahead[0];
          throw cancelledError(worker.backend, false);
        }
        yield chunk;
      }
    } finally {
      await Promise.all(ahead.map((request) => request.catch(() => undefined)));
      await close();
    }
  }

  async function* rowChunks(): AsyncGenerator<Row[]> {
    for await (const chunk of workerChunks()) {
      const rows = decodeChunkRows(chunk);
      if (rows.length > 0) yield rows;
    }
  }

  async function* jsonChunks(): AsyncGenerator<JsonChunk> {
    for await (const chunk of workerChunks()) {
      const json = chunkJson(chunk);
      if (json !== undefined) yield { json, rows: chunk.rowCount ?? 0 };
    }
  }

  /** RowStream.tail: chunks already requested are part of what is read; the worker passes over the rest. */
  const tail = async (keep: number, limit: number): Promise<StreamTail> => {
    try {
      const earlier: Row[] = [];
      for (let request = ahead.shift(); request; request = ahead.shift()) {
        const chunk = await request;
        if (chunk.done) finished = true;
        earlier.push(...decodeChunkRows(chunk));
      }
      let last: Row[] = [];
      let passed = 0;
      if (!finished) {
        checkGeneration();
        const chunk = await worker.request<WorkerChunk>({ op: 'stream-tail', streamId: opened.streamId, keep, limit }, signal);
        if (chunk.done) finished = true;
        last = decodeChunkRows(chunk);
        passed = chunk.skipped ?? 0;
      }
      const done = finished;
      if (done) await close();
      // The worker returns fewer than `keep` rows only when it passed over none.
      if (last.length >= keep) return { skipped: earlier.length + passed, rows: last, done };
      const rest = [...earlier, ...last];
      const skipped = Math.max(0, rest.length - keep);
      return { skipped, rows: rest.slice(skipped), done };
    } catch (error) {
      await close();
      throw error;
    }
  };

  const columns: Column[] = opened.columns;
  return {
    columns,
    close,
    ...(opened.json ? { jsonChunks } : {}),
    ...(worker.passesOverRows ? { tail } : {}),
    [Symbol.asyncIterator]: () => rowChunks(),
  };
}
