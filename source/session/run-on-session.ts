// Runs one statement on a session: the one decision the console and the CLI share. A statement
// that yields rows (SELECT, WITH, VALUES, SHOW, EXPLAIN, a reading PRAGMA, DML … RETURNING: the
// stream runs it once, as run() would) is streamed, so memory stays bounded; anything else is run.
// Cancelling is the caller's signal (the adapters cancel on the server when it aborts). What
// becomes of the rows (a writer, the console's scroll window) stays with the caller.
import type { RowStream, Session, StatementResult } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import type { Backend } from '../dsn/types.js';
import { classifyStatement } from '../sql/classify-statement.js';
import type { SqlDialect } from '../sql/dialect.js';

/** A statement's answer: rows still to be read, or the whole result of a statement that yields none */
export type StatementAnswer = { kind: 'stream'; stream: RowStream } | { kind: 'result'; result: StatementResult };

export interface RunOnSessionOptions {
  dialect: Backend | SqlDialect;
  signal: AbortSignal;
  /** Rows per chunk of a stream */
  chunkSize: number;
  /** Values as the server's own text (RunOptions.serverText) */
  serverText?: boolean;
  /** The stream's rows may come as JSON text chunks (StreamOptions.jsonText) */
  jsonText?: boolean;
}

export async function runOnSession(session: Session, sql: string, options: RunOnSessionOptions): Promise<StatementAnswer> {
  const { signal, chunkSize, serverText, jsonText } = options;
  const text = serverText === undefined ? {} : { serverText };
  if (classifyStatement(sql, options.dialect).returnsRows) {
    const stream = await session.stream(sql, { signal, chunkSize, ...(jsonText === undefined ? {} : { jsonText }), ...text });
    return { kind: 'stream', stream };
  }
  return { kind: 'result', result: await session.run(sql, { signal, ...text }) };
}

/** The statement ended because it was cancelled: by the caller's signal, or on the server. */
export function isCancellation(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof AdapterError && error.kind === 'cancelled');
}

/**
 * Between two chunks of a stream: a cancel that reached the server after it sent them does
 * nothing there, so the reader stops reading.
 */
export function throwIfCancelled(signal: AbortSignal, backend: Backend): void {
  if (signal.aborted) throw new AdapterError('cancelled', backend, 'The statement was cancelled');
}
