// Row streaming at the consumer's pace: mysql2 query events fill chunks of exactly chunkSize
// rows; READY_CHUNKS full chunks waiting, or MAX_UNTAKEN_BYTES read since the consumer last
// took one (wide rows), pause the socket; taking a chunk resumes it. Memory stays bounded
// however large the result. Only the first result set is streamed.
// Pausing is kept rare on purpose: mysql2 copies every packet left in the current socket read
// while paused (Packet.clone), which cost ~15% of a million-row export when it paused per chunk.
import type { FieldPacket, Query } from 'mysql2';
import type { Column, Row, RowStream, StreamOptions } from '../adapter.js';
import { type AdapterError } from '../adapter-error.js';
import { hardClose, socketOf, type MysqlContext } from './mysql-context.js';
import { cancelledError, toAdapterError } from './mysql-errors.js';
import type { PooledConnection } from './mysql-pool.js';
import { prepareSql } from './mysql-execute.js';
import { StatementGuard } from './mysql-statement-guard.js';
import { makeRowNormaliser, type RowNormaliser } from './mysql-values.js';
import { interceptRowParser, interceptRows, shortcutRowPackets, type FastRowMark } from './mysql-row-hooks.js';
import { makeFastRowParser, type FastRowParser } from './mysql-row-parser.js';

const DEFAULT_CHUNK = 1000;
const CLOSE_GRACE_MS = 5000;
/**
 * Full chunks buffered before the socket is paused. One socket read (64 KB) can hold ~1,900
 * narrow rows on top of a partly filled chunk: with 2, a fifth of the chunks of a CSV export
 * paused although the consumer kept up.
 */
const READY_CHUNKS = 4;
const MAX_UNTAKEN_BYTES = 16 * 1024 * 1024;

/** `done(discard)` is called exactly once when the connection is free again. */
export function openRowStream(
  connection: PooledConnection,
  context: MysqlContext,
  sql: string,
  options: StreamOptions,
  done: (discard: boolean) => void,
): Promise<RowStream> {
  let text: string;
  try {
    if (options.signal?.aborted) throw cancelledError();
    text = prepareSql(connection, context, sql, options.params);
  } catch (error) {
    done(false);
    return Promise.reject(error);
  }
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const guard = new StatementGuard(connection, context, options.signal);

  let normaliser: RowNormaliser | null = null;
  let fastParser: FastRowParser | null = null;
  const fastMark: FastRowMark = { row: null };
  /** Gives mysql2 its packets back (set once the query exists) */
  let undoShortcut = (): void => {};
  /** Full chunks, oldest first, and the one being filled */
  let ready: Row[][] = [];
  let filling: Row[] = [];
  const socket = socketOf(connection.raw);
  /** socket.bytesRead when the consumer last took a chunk */
  let takenAtBytes = socket?.bytesRead ?? 0;
  let paused = false;
  let ended = false;
  let failure: AdapterError | null = null;
  let abandoning = false;
  let finished = false;
  let wake: (() => void) | null = null;
  let opened: ((columns: Column[]) => void) | null = null;
  let openFailed: ((error: AdapterError) => void) | null = null;

  let markReleased: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    markReleased = resolve;
  });
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const finish = () => {
    if (finished) return;
    finished = true;
    undoShortcut();
    connection.raw.off('error', onConnectionLost);
    const broken = failure !== null && (failure.kind === 'connect' || failure.kind === 'timeout' || failure.kind === 'tls');
    // The connection goes back only after our KILL (if any) has landed.
    void guard.quiesce().then(() => {
      guard.dispose();
      done(connection.dead || broken);
      markReleased();
    });
  };
  const fail = (error: AdapterError) => {
    if (!failure) failure = error;
    ended = true;
    openFailed?.(failure);
    finish();
    notify();
  };
  guard.onForcedEnd = fail;
  // mysql2 reports a connection lost mid-query (KILL, server shutdown) on the connection, not on
  // a query without a callback: without this the stream would wait forever.
  function onConnectionLost(error: unknown): void {
    connection.dead = true;
    fail(guard.verdict() ?? toAdapterError(error, { ...context.errorContext, sql: text }));
  }
  connection.raw.on('error', onConnectionLost);

  const query: Query = connection.raw.query({ sql: text, rowsAsArray: true });
  query.on('fields', (fields: FieldPacket[] | undefined) => {
    if (normaliser || !fields) return;
    normaliser = makeRowNormaliser(fields, context.formatDateTime);
    fastParser = makeFastRowParser(fields, context.formatDateTime);
    // A statement cancelled before its first row opens as a failure, not as a stream.
    if (!guard.verdict()) opened?.(normaliser.columns);
  });
  const onRow = (row: unknown, index: number): void => {
    if (abandoning || index !== 0 || !normaliser || !Array.isArray(row)) return;
    filling.push(row === fastMark.row ? (row as Row) : normaliser.normalise(row));
    if (filling.length >= chunkSize) {
      ready.push(filling);
      filling = [];
      if (!paused && ready.length >= READY_CHUNKS) pause();
      guard.io.disarmRead();
      notify();
    } else if (!paused && ready.length > 0 && (filling.length & 63) === 0 && (socket?.bytesRead ?? 0) - takenAtBytes > MAX_UNTAKEN_BYTES) {
      // Wide rows: chunks already wait and the consumer is busy; stop reading before the bytes do.
      pause();
    }
  };
  function pause(): void {
    paused = true;
    connection.raw.pause();
  }
  interceptRows(query, onRow);
  interceptRowParser(query, () => fastParser, fastMark);
  undoShortcut = shortcutRowPackets(connection.raw, query, () => fastParser, fastMark, onRow);
  query.on('error', (error: unknown) => {
    fail(guard.verdict() ?? toAdapterError(error, { ...context.errorContext, sql: text }));
  });
  query.on('end', () => {
    if (failure) return;
    const verdict = guard.verdict();
    if (verdict && !abandoning) return fail(verdict);
    ended = true;
    opened?.([]);
    finish();
    notify();
  });
  guard.io.armRead();
  guard.io.checkWrite();

  const resume = () => {
    if (paused) {
      paused = false;
      connection.raw.resume();
    }
  };

  async function nextChunk(): Promise<Row[] | null> {
    for (;;) {
      if (abandoning) return null;
      if (failure) throw failure;
      const full = ready.shift();
      if (full) {
        takenAtBytes = socket?.bytesRead ?? 0;
        resume();
        return full;
      }
      if (ended && filling.length > 0) {
        const last = filling;
        filling = [];
        return last;
      }
      if (ended) return null;
      guard.io.armRead();
      await new Promise<void>((resolve) => {
        wake = resolve;
        resume();
      });
    }
  }

  async function close(): Promise<void> {
    ready = [];
    filling = [];
    if (finished) return released;
    abandoning = true;
    // Stop the server producing rows, then let the rest drain so the connection stays usable.
    guard.interrupt();
    resume();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        connection.dead = true;
        hardClose(connection.raw);
        finish();
        resolve();
      }, CLOSE_GRACE_MS);
      timer.unref();
      const check = () => {
        if (finished) {
          clearTimeout(timer);
          resolve();
        } else wake = check;
      };
      check();
    });
    await released;
  }

  return new Promise<RowStream>((resolve, reject) => {
    const build = (columns: Column[]): RowStream => ({
      columns,
      close,
      [Symbol.asyncIterator]() {
        return {
          async next(): Promise<IteratorResult<Row[]>> {
            try {
              const chunk = await nextChunk();
              return chunk ? { value: chunk, done: false } : { value: undefined, done: true };
            } catch (error) {
              await close();
              throw error;
            }
          },
          async return(): Promise<IteratorResult<Row[]>> {
            await close();
            return { value: undefined, done: true };
          },
        };
      },
    });
    opened = (columns) => {
      opened = null;
      openFailed = null;
      resolve(build(columns));
    };
    openFailed = (error) => {
      opened = null;
      openFailed = null;
      reject(error);
    };
  });
}
