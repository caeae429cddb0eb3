// Runs scripts statement by statement on one session (so BEGIN ... COMMIT, SET and temporary
// tables carry across -c, -f and stdin), streaming each result to the writer at the reader's pace.
import type { Adapter, RowStream, Session } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import type { Statement } from '../sql/split-statements.js';
import { isQueryStatement } from '../sql/statement-kind.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { OutputClosedError, type OutputSink } from './output/output-sink.js';
import type { ResultWriter } from './output/result-writer.js';
import { describeError, printError } from './report-error.js';
import { isLostConnection, lostConnectionHint, reopenSession } from './lost-connection.js';
import { feedStatements, type FedStatement, type Script } from './statement-feed.js';
import { WholeRecordWriter } from './whole-records.js';
import { writeJsonChunks } from './write-json-chunks.js';
import type { FormatOptions } from './output/format-options.js';

export type { Script } from './statement-feed.js';

export interface ScriptRunOptions {
  adapter: Adapter;
  session: Session;
  writer: ResultWriter;
  sink: OutputSink;
  signal: AbortSignal;
  continueOnError: boolean;
  /** Set when the server may write CSV itself (csv format, default NULL text); used when the whole input is one query */
  serverCsv: { header: boolean } | null;
  /** Set when the writer's rows may be formatted on a worker thread (csv, tsv): see write-json-chunks.ts */
  offThreadRows?: FormatOptions | null;
  stderr?: NodeJS.WritableStream;
  /** Called when the input held no statement at all */
  onNoStatements?: () => void;
  /** Opens a replacement session after a lost connection (default: `adapter.session`) */
  openSession?: () => Promise<Session>;
}

const CHUNK_ROWS = 1000;

/** What the current statement has written, for the message after Ctrl+C. */
interface Progress {
  statementRunning: boolean;
  /** Rows of the current statement written so far; null when its output has not begun */
  rows: number | null;
  /** The server writes the CSV (no row count on this side) */
  serverCsv: boolean;
}

/**
 * Runs every statement in order on one session (a new one after a lost connection, with
 * --continue-on-error). Reports an interruption itself (saying when the output is partial).
 */
export async function runScripts(scripts: Script[], options: ScriptRunOptions): Promise<ExitCode> {
  const { adapter } = options;
  const stderr = options.stderr ?? process.stderr;
  let session = options.session;
  const progress: Progress = { statementRunning: false, rows: null, serverCsv: false };
  const interrupted = (): ExitCode => {
    stderr.write(`dsnsh: ${interruptMessage(progress)}\n`);
    return EXIT.interrupted;
  };
  let exitCode: ExitCode = EXIT.ok;
  const statements = feedStatements(scripts, adapter.backend);
  // Ctrl+C while waiting for more input on stdin ends the run at once.
  const aborted = new Promise<IteratorResult<FedStatement>>((resolve) => {
    if (options.signal.aborted) resolve({ done: true, value: undefined });
    options.signal.addEventListener('abort', () => resolve({ done: true, value: undefined }), { once: true });
  });
  const feed = { next: () => Promise.race([statements.next(), aborted]) };
  try {
    let pending = await feed.next();
    let first = true;
    while (!pending.done) {
      const current = pending.value;
      // The server writes CSV only when the whole input is this one query: look one statement ahead.
      let lookedAhead = false;
      let serverCsv = false;
      if (first && options.serverCsv && isQueryStatement(current.statement.text, adapter.backend)) {
        pending = await feed.next();
        lookedAhead = true;
        serverCsv = pending.done === true;
      }
      first = false;
      const transactionBefore = session.transactionState();
      try {
        Object.assign(progress, { statementRunning: true, rows: null, serverCsv });
        await runStatement(current.statement.text, { ...options, session }, serverCsv, progress);
        progress.statementRunning = false;
      } catch (error) {
        if (error instanceof OutputClosedError) throw error;
        await options.sink.flush().catch(() => undefined);
        if (options.signal.aborted || (error instanceof AdapterError && error.kind === 'cancelled')) return interrupted();
        progress.statementRunning = false;
        const prefix = `${current.label}:${errorLine(current.statement, error)}: `;
        const report = describeError(error, 'statement');
        if (isLostConnection(error)) {
          const next = transactionBefore !== 'idle' ? 'transaction-lost' : options.continueOnError ? 'reconnect' : 'stop';
          printError({ ...report, hint: lostConnectionHint(current, next) }, prefix, stderr);
          if (next !== 'reconnect') return EXIT.connection;
          const replacement = await reconnect(session, options, stderr);
          if (replacement === 'interrupted') return interrupted();
          if (replacement === null) return EXIT.connection;
          session = replacement;
          exitCode = EXIT.statement;
        } else {
          if (!report.hint && !options.continueOnError) report.hint = skippedHint(current);
          printError(report, prefix, stderr);
          if (report.exitCode === EXIT.connection) return report.exitCode;
          exitCode = EXIT.statement;
          if (!options.continueOnError) return exitCode;
        }
      }
      if (!lookedAhead) pending = await feed.next();
    }
    if (options.signal.aborted) return interrupted();
    if (first) options.onNoStatements?.();
    return exitCode;
  } finally {
    // The caller releases the session it gave; a replacement is ours.
    if (session !== options.session) await session.release().catch(() => undefined);
  }
}

/** A new session after a lost one; null (reported) when the server does not come back in time. */
async function reconnect(lost: Session, options: ScriptRunOptions, stderr: NodeJS.WritableStream): Promise<Session | null | 'interrupted'> {
  if (lost !== options.session) await lost.release().catch(() => undefined);
  try {
    const session = await reopenSession({
      openSession: options.openSession ?? (() => options.adapter.session({ signal: options.signal })),
      signal: options.signal,
      stderr,
    });
    return session ?? 'interrupted';
  } catch (error) {
    if (options.signal.aborted) return 'interrupted';
    const report = describeError(error, 'connect');
    printError({ ...report, hint: 'the server did not come back within 30 s; the rest of the script was not run' }, 'reconnecting failed: ', stderr);
    return null;
  }
}

function interruptMessage(progress: Progress): string {
  if (!progress.statementRunning) return 'interrupted';
  if (progress.serverCsv) return 'interrupted during the export; the output is partial';
  if (progress.rows !== null) return `interrupted after ${progress.rows} ${progress.rows === 1 ? 'row' : 'rows'}; the output is partial`;
  return 'interrupted; the running statement was cancelled';
}

function skippedHint({ laterKnown, moreMayFollow }: FedStatement): string | null {
  if (laterKnown > 0) return `${laterKnown} later ${laterKnown === 1 ? 'statement was' : 'statements were'} not run; --continue-on-error runs them anyway`;
  if (moreMayFollow) return 'dsnsh stops at the first failing statement; --continue-on-error runs the ones after it';
  return null;
}

async function runStatement(sql: string, options: ScriptRunOptions, serverCsv: boolean, progress: Progress): Promise<void> {
  const { adapter, session, writer, sink, signal } = options;
  if (isQueryStatement(sql, adapter.backend)) {
    if (serverCsv && options.serverCsv && adapter.copyCsv) {
      await sink.flush();
      const records = new WholeRecordWriter(sink.stream);
      try {
        await adapter.copyCsv(sql, records, { signal, header: options.serverCsv.header });
        await records.finish();
      } catch (error) {
        if (sink.closed) throw new OutputClosedError('output closed');
        throw error;
      }
      return;
    }
    const offThread = options.offThreadRows ?? null;
    const stream = await session.stream(sql, { signal, chunkSize: CHUNK_ROWS, jsonText: offThread !== null });
    try {
      writer.begin(stream.columns);
      progress.rows = 0;
      // A cancel that reached the server between two fetches does nothing there: stop reading.
      const checkCancelled = () => {
        if (signal.aborted) throw new AdapterError('cancelled', adapter.backend, 'The statement was cancelled');
      };
      const onRows = (count: number) => {
        progress.rows = (progress.rows ?? 0) + count;
      };
      if (offThread && stream.jsonChunks) await writeJsonChunks(stream.jsonChunks(), { writer, sink, format: offThread, checkCancelled, onRows });
      else await writeRowChunks(stream, writer, sink, checkCancelled, onRows);
      writer.end(progress.rows);
    } finally {
      await stream.close();
    }
  } else {
    const result = await session.run(sql, { signal });
    if (result.columns.length > 0) {
      writer.begin(result.columns);
      writer.rows(result.rows);
      writer.end(result.rows.length);
    } else {
      writer.status({ command: result.command, affectedRows: result.affectedRows });
    }
  }
  await sink.flush();
}

async function writeRowChunks(stream: RowStream, writer: ResultWriter, sink: OutputSink, checkCancelled: () => void, onRows: (count: number) => void): Promise<void> {
  for await (const chunk of stream) {
    writer.rows(chunk);
    // One write per chunk: a slow query shows its first rows at once, and a slow reader holds
    // the producer back (flush awaits 'drain').
    await sink.flush();
    onRows(chunk.length);
    checkCancelled();
  }
}

/** 1-based line in the script: the statement's line, plus the lines before the server's error position. */
function errorLine(statement: Statement, error: unknown): number {
  const position = error instanceof AdapterError ? error.position : null;
  if (position === null || position < 1) return statement.line;
  const before = statement.text.slice(0, position - 1);
  return statement.line + (before.match(/\n/g)?.length ?? 0);
}
