// The session as the console's user statements use it (ui/query/console-session.ts holds it): a
// lost connection's error carries a hint that says what was lost with it (the transaction was
// rolled back and which statements it held, the settings), never "run the statement again"; and
// every statement can be cancelled by the console's own signal handling (SIGTERM and co.), which
// waits for what is running.
import type { Adapter, RowStream, RunOptions, Session, StreamOptions, TransactionState } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import { lostConnection } from './lost-connection.js';
import { describeLoss } from './lost-connection-hint.js';

export interface UserSessionGuard {
  /** Aborted when the console ends on a signal */
  terminating: AbortController;
  /** What runs on the server right now */
  running: Set<Promise<unknown>>;
}

export interface UserSessionOptions {
  adapter: Adapter;
  readOnly: boolean;
  guard: UserSessionGuard;
}

/** The caller's signal, aborted also when the console terminates. */
function withTermination<T extends RunOptions>(options: T | undefined, terminating: AbortSignal): T {
  const caller = options?.signal;
  if (!caller) return { ...options, signal: terminating } as T;
  const both = new AbortController();
  const abort = () => both.abort();
  if (caller.aborted || terminating.aborted) abort();
  caller.addEventListener('abort', abort, { once: true });
  terminating.addEventListener('abort', abort, { once: true });
  return { ...options, signal: both.signal };
}

export function userSession(session: Session, { adapter, readOnly, guard }: UserSessionOptions): Session {
  const track = <T>(work: Promise<T>): Promise<T> => {
    guard.running.add(work);
    const forget = () => {
      guard.running.delete(work);
    };
    work.then(forget, forget);
    return work;
  };
  const explain =
    (sql: string, transactionBefore: TransactionState) =>
    (error: unknown): never => {
      const lost = lostConnection(error, { sql, transactionBefore, session, adapter });
      if (lost === null || !(error instanceof AdapterError)) throw error;
      const hint = describeLoss({ ...lost, readOnly });
      throw new AdapterError(error.kind, error.backend, error.message, {
        code: error.code,
        position: error.position,
        notSent: error.notSent,
        hint,
        cause: error,
      });
    };
  const terminating = guard.terminating.signal;
  return {
    run: (sql: string, options?: RunOptions) =>
      track(session.run(sql, withTermination(options, terminating))).catch(explain(sql, session.transactionState())),
    runScript: (sql: string, options?: RunOptions) =>
      track(session.runScript(sql, withTermination(options, terminating))).catch(explain(sql, session.transactionState())),
    async stream(sql: string, options?: StreamOptions): Promise<RowStream> {
      const rethrow = explain(sql, session.transactionState());
      const stream = await track(session.stream(sql, withTermination(options, terminating))).catch(rethrow);
      return reportingStream(stream, rethrow, track);
    },
    transactionState: () => session.transactionState(),
    held: () => session.held?.() ?? { transactionStatements: [], settings: [] },
    release: () => session.release(),
  };
}

/** A stream whose reads are tracked, and fail with the explained error when the connection is lost mid-way. */
function reportingStream(stream: RowStream, rethrow: (error: unknown) => never, track: <T>(work: Promise<T>) => Promise<T>): RowStream {
  const { tail, jsonChunks } = stream;
  return {
    get columns() {
      return stream.columns;
    },
    ...(jsonChunks ? { jsonChunks: () => reporting(jsonChunks.call(stream), rethrow, track) } : {}),
    ...(tail ? { tail: (keep: number, limit: number) => track(tail(keep, limit)).catch(rethrow) } : {}),
    close: () => stream.close(),
    [Symbol.asyncIterator]: () => reporting(stream, rethrow, track)[Symbol.asyncIterator](),
  };
}

/** Reads of `source` tracked, failing with the explained error when the connection is lost mid-way. */
function reporting<T>(
  source: AsyncIterable<T>,
  rethrow: (error: unknown) => never,
  track: <U>(work: Promise<U>) => Promise<U>,
): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const items = source[Symbol.asyncIterator]();
      return {
        next: () => track(items.next()).catch(rethrow),
        return: async () => items.return?.() ?? { value: undefined, done: true },
      };
    },
  };
}
