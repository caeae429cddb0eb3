// A RowStream over a worker-side iterator: chunks are fetched as the consumer takes them, one
// chunk ahead, so memory on both sides is bounded by two chunks.
import type { Column, JsonChunk, Row, RowStream, StreamOptions } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
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
    opened = await worker.request<WorkerStreamOpened>({ op: 'stream-open', sql, params: options.params ?? [], encoding: options.jsonText ? 'json' : worker.streamEncoding }, signal);
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
  async function* workerChunks(): AsyncGenerator<WorkerChunk> {
    const ahead: Promise<WorkerChunk>[] = [];
    try {
      while (!finished) {
        if (worker.generation !== generation) {
          throw new AdapterError('other', worker.backend, 'The stream ended because the database connection was restarted (a statement was cancelled).');
        }
        const chunk = await (ahead.shift() ?? fetchNext());
        if (chunk.done) finished = true;
        else if (worker.generation === generation) while (ahead.length < worker.readAhead) ahead.push(fetchNext());
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

  const columns: Column[] = opened.columns;
  return {
    columns,
    close,
    ...(opened.json ? { jsonChunks } : {}),
    [Symbol.asyncIterator]: () => rowChunks(),
  };
}
