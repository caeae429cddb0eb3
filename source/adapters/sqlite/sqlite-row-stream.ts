// A RowStream over a worker-side iterator: each chunk is fetched when the consumer asks for it,
// so memory on both sides is bounded by the chunk size.
import type { Column, Row, RowStream, StreamOptions } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import type { SqliteConnection } from './sqlite-connection.js';
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
    opened = await worker.request<WorkerStreamOpened>({ op: 'stream-open', sql, params: options.params ?? [] }, signal);
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

  async function* chunks(): AsyncGenerator<Row[]> {
    try {
      while (!finished) {
        if (worker.generation !== generation) {
          throw new AdapterError('other', worker.backend, 'The stream ended because the database connection was restarted (a statement was cancelled).');
        }
        const chunk = await worker.request<WorkerChunk>({ op: 'stream-next', streamId: opened.streamId, chunkSize }, signal);
        if (chunk.done) finished = true;
        if (chunk.rows.length > 0) yield chunk.rows;
      }
    } finally {
      await close();
    }
  }

  const columns: Column[] = opened.columns;
  return {
    columns,
    close,
    [Symbol.asyncIterator]: () => chunks(),
  };
}
