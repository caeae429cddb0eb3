// Runs scripts statement by statement on one session (so BEGIN ... COMMIT, SET and temporary
// tables carry across -c, -f and stdin), streaming each result to the writer at the reader's pace.
// How one statement runs (stream or run) is run-on-session.ts, as in the console.
import type { Adapter, RowStream, Session } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import type { Statement } from '../sql/split-statements.js';
import { classifyStatement } from '../sql/classify-statement.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { interruptExitCode, interruptedWord } from './interrupt.js';
import { OutputClosedError, OutputWriteError, type OutputSink } from '../output/output-sink.js';
import { notRunNote, partialOutputNote, readerGoneMessage } from './output-failure.js';
import type { ResultWriter } from '../output/result-writer.js';
import { describeError, printError, printWarning } from './report-error.js';
import { lostConnection, lostSessionPlan, reopenSession } from './lost-connection.js';
import { isCancellation, runOnSession, throwIfCancelled } from './run-on-session.js';
import { feedStatements, type FedStatement, type Script } from './statement-feed.js';
import { WholeRecordWriter } from './whole-records.js';
import { writeJsonChunks } from './write-json-chunks.js';
import { UsageError } from './usage-error.js';
import type { FormatOptions } from '../output/format-options.js';

export type { Script } from './statement-feed.js';

export interface ScriptRunOptions {
  adapter: Adapter;
  session: Session;
  writer: ResultWriter;
  sink: OutputSink;
  signal: AbortSignal;
  continueOnError: boolean;
  /**
   * Set when the server may write CSV itself (csv format, default NULL text); used when the whole
   * input is known to be this one query (-c / -f), never by waiting for more of stdin.
   */
  serverCsv: { header: boolean } | null;
  /** Rows as the server's own text (csv on PostgreSQL): the value forms of its COPY, whichever path writes them */
  serverText?: boolean;
  /** Set when the writer's rows may be formatted on a worker thread (csv, tsv): see write-json-chunks.ts */
  offThreadRows?: FormatOptions | null;
  stderr?: NodeJS.WritableStream;
  /** Called when the input held no statement at all */
  onNoStatements?: () => void;
  /** Opens a replacement session after a lost connection (default: `adapter.session`) */
  openSession?: () => Promise<Session>;
}

const CHUNK_ROWS = 1000;
const SPACE_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** What the current statement has written, for the message after Ctrl+C or a failure. */
interface Progress {
  statementRunning: boolean;
  /** Rows of the current statement read so far; null when its output has not begun */
  rows: number | null;
  /** The sink's count of whole rows written when the statement began */
  rowsBefore: number;
  /** The statement's output has been written to its end */
  complete: boolean;
}

/**
 * Runs every statement in order on one session (a new one after a lost connection, with
 * --continue-on-error). Reports an interruption itself (saying when the output is partial).
 */
export async function runScripts(scripts: Script[], options: ScriptRunOptions): Promise<ExitCode> {
  const { adapter } = options;
  const stderr = options.stderr ?? process.stderr;
  let session = options.session;
  const progress: Progress = { statementRunning: false, rows: null, rowsBefore: 0, complete: false };
  /** Whole rows of the current statement that reached the output, and what to add when its result was cut off. */
  const written = () => ({
    rows: options.sink.rowsWritten - progress.rowsBefore,
    cutOff: progress.rows !== null && !progress.complete ? (options.writer.cutOffNote?.() ?? null) : null,
  });
  const interrupted = (): ExitCode => {
    stderr.write(`dsnsh: ${interruptMessage(progress, written())}\n`);
    return interruptExitCode();
  };
  let exitCode: ExitCode = EXIT.ok;
  const statements = feedStatements(scripts, adapter.backend);
  // Ctrl+C while waiting for more input on stdin ends the run at once.
  const aborted = new Promise<IteratorResult<FedStatement>>((resolve) => {
    if (options.signal.aborted) resolve({ done: true, value: undefined });
    options.signal.addEventListener('abort', () => resolve({ done: true, value: undefined }), { once: true });
  });
  const feed = { next: () => Promise.race([statements.next(), aborted]) };
  /** `file:line` of the statement that opened the current transaction */
  let transactionBegunAt: string | null = null;
  try {
    let pending = await feed.next();
    let first = true;
    while (!pending.done) {
      const current = pending.value;
      // The server writes CSV only when the whole input is known to be this one query (-c, -f):
      // stdin is never waited on to find out, so each statement there is answered as it arrives.
      const serverCsv =
        first &&
        options.serverCsv !== null &&
        current.laterKnown === 0 &&
        !current.moreMayFollow &&
        serverCsvFits(current.statement.text, adapter);
      first = false;
      const transactionBefore = session.transactionState();
      if (transactionBefore === 'idle') transactionBegunAt = null;
      try {
        Object.assign(progress, { statementRunning: true, rows: null, rowsBefore: options.sink.rowsWritten, complete: false });
        const warnings = await runStatement(current.statement.text, { ...options, session }, serverCsv, progress);
        progress.statementRunning = false;
        if (transactionBefore === 'idle' && session.transactionState() !== 'idle')
          transactionBegunAt = `${current.label}:${current.statement.line}`;
        // The server's own words (a value truncated to NULL, a string cut to its column): never lost.
        for (const warning of warnings) printWarning(`${current.label}:${current.statement.line}: ${warning}`, stderr);
      } catch (error) {
        if (error instanceof OutputClosedError) return await readerGone(current, written().rows, scripts, statements, stderr);
        if (error instanceof OutputWriteError)
          return writeFailed(error, current, progress.rows === null ? null : written(), scripts, stderr);
        await options.sink.flush().catch(() => undefined);
        if (isCancellation(error, options.signal)) return interrupted();
        progress.statementRunning = false;
        const prefix = `${current.label}:${errorLine(current.statement, error)}: `;
        const report = describeError(error, 'statement');
        const output = written();
        if (progress.rows !== null && !progress.complete) stderr.write(`dsnsh: ${partialOutputNote(output.rows, output.cutOff)}\n`);
        const lost = lostConnection(error, { sql: current.statement.text, transactionBefore, session, adapter });
        if (lost !== null) {
          // Never silently on a new connection: not inside a transaction, not without the
          // settings the lost session had (SET, USE, temporary tables).
          const { next, hint } = lostSessionPlan({
            ...lost,
            statement: current,
            transactionBegunAt,
            continueOnError: options.continueOnError,
          });
          printError({ ...report, hint: hint ?? report.hint }, prefix, stderr);
          if (next !== 'reconnect') return EXIT.connection;
          const replacement = await reconnect(session, options, stderr);
          if (replacement === 'interrupted') return interrupted();
          if (replacement === null) return EXIT.connection;
          session = replacement;
          transactionBegunAt = null;
          exitCode = EXIT.statement;
        } else {
          if (!report.hint && !options.continueOnError) report.hint = skippedHint(current);
          printError(report, prefix, stderr);
          if (report.exitCode === EXIT.connection) return report.exitCode;
          exitCode = EXIT.statement;
          if (!options.continueOnError) return exitCode;
        }
      }
      pending = await feed.next();
    }
    if (options.signal.aborted) return interrupted();
    if (first) options.onNoStatements?.();
    return exitCode;
  } catch (error) {
    // The input itself is bad (stdin not UTF-8): said with its line; what came before it ran.
    if (error instanceof UsageError) {
      printError(describeError(error), '', stderr);
      return EXIT.usage;
    }
    throw error;
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
    printError(
      { ...report, hint: 'the server did not come back within 30 s; the rest of the script was not run' },
      'reconnecting failed: ',
      stderr,
    );
    return null;
  }
}

function interruptMessage(progress: Progress, output: { rows: number; cutOff: string | null }): string {
  const word = interruptedWord();
  if (!progress.statementRunning) return word;
  if (progress.rows !== null) {
    const { rows, cutOff } = output;
    return `${word} after ${rows} ${rows === 1 ? 'row' : 'rows'}; the output is partial${cutOff ? `; ${cutOff}` : ''}`;
  }
  return `${word}; the running statement was cancelled`;
}

/** Whether stdin may still hold statements (text scripts were split up front). */
function inputLeft(scripts: Script[]): boolean {
  return scripts.some((script) => 'stream' in script && !(script.stream as { readableEnded?: boolean }).readableEnded);
}

/**
 * The reader went away (EPIPE, `| head`): quiet when that was the end of the work; otherwise the
 * statements that were not run are named (exit 1), never skipped in silence.
 */
async function readerGone(
  current: FedStatement,
  rows: number,
  scripts: Script[],
  statements: AsyncGenerator<FedStatement>,
  stderr: NodeJS.WritableStream,
): Promise<ExitCode> {
  // stdin that has ended holds no more than the splitter has: a look costs no waiting.
  const more = current.laterKnown > 0 || (current.moreMayFollow && (inputLeft(scripts) || !(await statements.next()).done));
  const notRun = more ? notRunNote(current, true) : null;
  if (notRun === null) return EXIT.ok;
  stderr.write(`dsnsh: ${readerGoneMessage(rows, `${current.label}:${current.statement.line}`, notRun)}\n`);
  return EXIT.statement;
}

/** A write that failed (ENOSPC, EIO...): exit 1 with the rows that reached the output and what was not run. */
function writeFailed(
  error: OutputWriteError,
  current: FedStatement,
  output: { rows: number; cutOff: string | null } | null,
  scripts: Script[],
  stderr: NodeJS.WritableStream,
): ExitCode {
  const notRun = notRunNote(current, inputLeft(scripts));
  const fix = SPACE_ERRORS.has(error.code)
    ? 'free some space or write the output elsewhere'
    : 'check the file or device the output goes to';
  printError(
    {
      message: output === null ? error.message : `${error.message}; ${partialOutputNote(output.rows, output.cutOff)}`,
      hint: `${fix}${notRun ? `; ${notRun}` : ''}`,
      exitCode: EXIT.statement,
      kind: 'output',
    },
    `${current.label}:${current.statement.line}: `,
    stderr,
  );
  return EXIT.statement;
}

function skippedHint({ laterKnown, moreMayFollow }: FedStatement): string | null {
  if (laterKnown > 0)
    return `${laterKnown} later ${laterKnown === 1 ? 'statement was' : 'statements were'} not run; --continue-on-error runs them anyway`;
  if (moreMayFollow) return 'dsnsh stops at the first failing statement; --continue-on-error runs the ones after it';
  return null;
}

/** COPY (query) TO STDOUT writes the CSV: only for a plain query that changes nothing. */
function serverCsvFits(sql: string, adapter: Adapter): boolean {
  const kind = classifyStatement(sql, adapter.backend);
  return kind.returnsRows && kind.readOnly && (kind.command === 'SELECT' || kind.command === 'VALUES' || kind.command === 'TABLE');
}

/** Runs one statement and writes its result; returns the server's warnings about it. */
async function runStatement(sql: string, options: ScriptRunOptions, serverCsv: boolean, progress: Progress): Promise<string[]> {
  const { adapter, session, writer, sink, signal } = options;
  let warnings: string[] = [];
  if (serverCsv && options.serverCsv && session.copyCsv) {
    await sink.flush();
    // On the session's own connection: its settings apply, and max_conns=1 has no second one.
    const records = new WholeRecordWriter(sink, { header: options.serverCsv.header });
    progress.rows = 0;
    await session.copyCsv(sql, (chunk) => records.write(chunk), { signal, header: options.serverCsv.header });
    await records.finish();
    progress.complete = true;
    return [];
  }
  const offThread = options.offThreadRows ?? null;
  const answer = await runOnSession(session, sql, {
    dialect: adapter.backend,
    signal,
    chunkSize: CHUNK_ROWS,
    jsonText: offThread !== null,
    serverText: options.serverText === true,
  });
  if (answer.kind === 'stream') {
    const { stream } = answer;
    try {
      writer.begin(stream.columns);
      progress.rows = 0;
      const checkCancelled = () => throwIfCancelled(signal, adapter.backend);
      const onRows = (count: number) => {
        progress.rows = (progress.rows ?? 0) + count;
      };
      if (offThread && stream.jsonChunks)
        await writeJsonChunks(stream.jsonChunks(), { writer, sink, format: offThread, checkCancelled, onRows });
      else await writeRowChunks(stream, writer, sink, checkCancelled, onRows);
      writer.end(progress.rows);
    } finally {
      await stream.close();
    }
  } else {
    const { result } = answer;
    warnings = result.warnings ?? [];
    if (result.columns.length > 0) {
      writer.begin(result.columns);
      progress.rows = result.rows.length;
      writer.rows(result.rows);
      writer.end(result.rows.length);
    } else {
      writer.status({ command: result.command, affectedRows: result.affectedRows });
    }
  }
  await sink.flush();
  progress.complete = true;
  return warnings;
}

async function writeRowChunks(
  stream: RowStream,
  writer: ResultWriter,
  sink: OutputSink,
  checkCancelled: () => void,
  onRows: (count: number) => void,
): Promise<void> {
  for await (const chunk of stream) {
    writer.rows(chunk);
    onRows(chunk.length);
    // One write per chunk: a slow query shows its first rows at once, and a slow reader holds
    // the producer back (flush awaits the write).
    await sink.flush();
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
