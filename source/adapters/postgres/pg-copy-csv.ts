// Server-side CSV: `COPY (query) TO STDOUT` streamed to the caller chunk by chunk, each chunk
// awaited (the reader's pace holds the server back), never the whole result in memory. A chunk
// the caller fails to write stops the COPY on the server (cancel request) and the rest of its
// data is read and dropped, so the connection ends the statement cleanly and stays usable;
// the caller's error is what the copy then rejects with.
import * as copyStreams from 'pg-copy-streams';
import type { ClientBase } from 'pg';
import type { PostgresDsn } from '../../dsn/types.js';
import { backendOf, sendCancelRequest, withCancel } from './pg-cancel.js';

export interface CopyCsvOptions {
  header?: boolean;
  nullText?: string;
}

/** Takes one chunk of the server's CSV; resolves once it is written. */
export type CopyChunkWriter = (chunk: Buffer) => Promise<void>;

/** A SQL string literal (standard_conforming_strings on, the default since PostgreSQL 9.1). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function copyStatement(sql: string, options: CopyCsvOptions): string {
  const query = sql.replace(/[\s;]+$/, '').trim();
  const header = options.header ? 'true' : 'false';
  return `COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER ${header}, NULL ${literal(options.nullText ?? '')})`;
}

/**
 * `cancel` asks the server to stop the statement (see pg-cancel.ts); it is called when a chunk
 * cannot be written.
 */
export function copyCsv(
  client: ClientBase,
  sql: string,
  write: CopyChunkWriter,
  options: CopyCsvOptions & { cancel: () => Promise<void> },
): Promise<{ rows: number }> {
  const source = client.query(copyStreams.to(copyStatement(sql, options)));
  return new Promise((resolve, reject) => {
    let writeFailure: Error | null = null;
    let cancelled: Promise<void> = Promise.resolve();
    source.on('data', (chunk: Buffer) => {
      if (writeFailure !== null) return; // dropped: the server is being asked to stop
      source.pause();
      write(chunk).then(
        () => source.resume(),
        (error: unknown) => {
          writeFailure = error instanceof Error ? error : new Error(String(error));
          cancelled = options.cancel();
          source.resume();
        },
      );
    });
    source.once('end', () => {
      void cancelled.then(() => (writeFailure === null ? resolve({ rows: source.rowCount }) : reject(writeFailure)));
    });
    source.once('error', (error: Error) => {
      void cancelled.then(() => reject(writeFailure ?? error));
    });
  });
}

/**
 * The COPY on `client` with Ctrl+C (`signal`) cancelling it on the server. A failure to write a
 * chunk is the caller's own error and comes back unchanged (never wrapped as a server error).
 */
export async function copyCsvCancellable(
  dsn: PostgresDsn,
  client: ClientBase,
  sql: string,
  write: CopyChunkWriter,
  options: CopyCsvOptions & { signal?: AbortSignal },
): Promise<{ rows: number }> {
  let writeFailure: unknown = null;
  const recording: CopyChunkWriter = (chunk) =>
    write(chunk).catch((error: unknown) => {
      writeFailure ??= error;
      throw error;
    });
  try {
    return await withCancel(dsn, backendOf(client), options.signal, () =>
      copyCsv(client, sql, recording, { ...options, cancel: () => sendCancelRequest(dsn, backendOf(client)) }),
    );
  } catch (error) {
    throw writeFailure ?? error;
  }
}

/** Writes each chunk to a Node stream, honouring its backpressure. */
export function streamWriter(sink: NodeJS.WritableStream): CopyChunkWriter {
  return (chunk) =>
    new Promise((resolve, reject) => {
      let settled = false;
      const done = (error?: Error | null) => {
        if (settled) return;
        settled = true;
        sink.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      sink.once('error', done);
      if (sink.write(chunk)) done();
      else sink.once('drain', () => done());
    });
}
