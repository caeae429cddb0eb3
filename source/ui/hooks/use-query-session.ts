// Runs the user's statements one at a time on the session and owns what the result area shows:
// the outcome, the scroll window over it, and reading more rows as the user scrolls.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session, TransactionState } from '../../adapters/adapter.js';
import type { ConsoleSession } from '../query/console-session.js';
import type { Outcome } from '../query/outcome.js';
import type { ResultSource } from '../query/result-source.js';
import { runStatement, STREAM_CHUNK } from '../query/run-statement.js';
import { describeError } from '../../session/report-error.js';
import { initialResultWindow, resultWindowReducer, wantsMoreRows, type ResultWindowAction } from '../state/result-window.js';
import { initialScrollback, scrollbackLimits, scrollbackReducer } from '../state/result-blocks.js';
import { freezeOutcome } from '../query/freeze-outcome.js';
import { useRefReducer } from './use-ref-reducer.js';

/** Read the next chunk when the view is this close to the last row read */
const LOOKAHEAD = 200;
/** While following the end, re-render about this often */
const FOLLOW_BATCH_MS = 80;
/** Rows a stream that can pass over rows reads per step towards the end (~0.1-0.2 s of SQLite) */
const PASS_OVER_ROWS = 200_000;

export interface Running {
  statement: string;
  startedAt: number;
}
export interface ShowOptions {
  inPlace?: boolean;
}

export function useQuerySession(session: ConsoleSession | null) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [transaction, setTransaction] = useState<TransactionState>('idle');
  // A ref too: keys typed in one burst (`jjc`, `>>>`) each act on the window the one before left.
  const [window, dispatchWindow, windowRef] = useRefReducer(resultWindowReducer, () => initialResultWindow());
  const source = useRef<ResultSource | null>(null);
  // Earlier results (the scrollback) and the note under the newest ("2 statements did not run").
  const [scrollback, dispatchScrollback, scrollbackRef] = useRefReducer(scrollbackReducer, () =>
    initialScrollback(scrollbackLimits(process.env)),
  );
  const [note, setNote] = useState<string | null>(null);
  const shown = useRef<{ outcome: Outcome | null; note: string | null }>({ outcome: null, note: null });
  const controller = useRef<AbortController | null>(null);

  const closeSource = useCallback(async () => {
    const current = source.current;
    source.current = null;
    // A first chunk shorter than a chunk was the whole result: one more read hears its end, so the
    // scrollback can say "1 row" rather than "1+ rows" (the same stream; nothing runs again).
    if (current && !current.complete && current.rows.rowCount < STREAM_CHUNK) await current.readMore();
    await current?.close();
    await session?.settle();
  }, [session]);

  /** `inPlace`: the result on screen is replaced, not kept (a \\watch re-run of the same statement). */
  const show = useCallback((next: Outcome, options: ShowOptions = {}) => {
    // The result on screen moves to the scrollback, keeping a bounded part of its rows.
    const previous = shown.current;
    if (!options.inPlace && previous.outcome !== null && !previous.outcome.transient)
      dispatchScrollback({ type: 'push', block: freezeOutcome(previous.outcome, previous.note) });
    shown.current = { outcome: next, note: null };
    setNote(null);
    source.current = next.kind === 'rows' ? next.source : null;
    setOutcome(next);
    dispatchWindow({ type: 'reset' });
    const rowCount = next.kind === 'rows' ? next.source.rows.rowCount : next.kind === 'info' ? next.lines.length : 0;
    dispatchWindow({ type: 'rowsArrived', rowCount, complete: next.kind !== 'rows' || next.source.complete });
  }, []);

  /** Runs one task on the user's connection with a spinner and Ctrl+C cancel; null when it could not start. */
  const runTask = useCallback(
    async (
      label: string,
      task: (session: Session, signal: AbortSignal) => Promise<Outcome>,
      options: ShowOptions = {},
    ): Promise<Outcome | null> => {
      if (session === null || controller.current !== null) return null;
      await closeSource();
      const abort = new AbortController();
      controller.current = abort;
      setRunning({ statement: label, startedAt: performance.now() });
      let result: Outcome;
      try {
        result = await task(await session.acquire(), abort.signal);
      } catch (error) {
        const { message, hint } = describeError(error);
        result = { kind: 'error', message, hint, statement: label, position: null, cause: error };
      }
      controller.current = null;
      setRunning(null);
      if (result.kind === 'error') await session.afterError(result.cause);
      if (result.kind !== 'rows' || result.source.complete) await session.settle();
      setTransaction(session.transactionState());
      show(result, options);
      return result;
    },
    [session, closeSource, show],
  );

  const run = useCallback(
    (statement: string, options: ShowOptions = {}) => {
      const backend = session?.adapter.backend;
      if (backend === undefined) return Promise.resolve(null);
      return runTask(statement, (open, signal) => runStatement(open, statement, signal, backend), options);
    },
    [runTask, session],
  );

  /**
   * Stops the running statement (the adapter cancels it on the server) or an open stream:
   * 'statement' (its run ends with the cancel), 'stream' (`onStopped` is called once it is closed),
   * or null when nothing was running.
   */
  const cancel = useCallback(
    (onStopped?: () => void): 'statement' | 'stream' | null => {
      if (controller.current) {
        controller.current.abort();
        return 'statement';
      }
      const current = source.current;
      if (current && !current.complete) {
        void current.close().then(async () => {
          await session?.settle();
          dispatchWindow({ type: 'rowsArrived', rowCount: current.rows.rowCount, complete: true });
          onStopped?.();
        });
        return 'stream';
      }
      return null;
    },
    [session],
  );

  // Read more rows whenever the view nears the end of what was read.
  useEffect(() => {
    const current = source.current;
    if (!current || current.complete || current.isReading || !wantsMoreRows(window, LOOKAHEAD)) return;
    void (async () => {
      // Following the end (End key): where the stream can, it passes over the rows the store
      // would release anyway (they never cross to this process); otherwise read for a while
      // before re-rendering, not once per chunk.
      if (window.followEnd && current.canPassOverRows) {
        await current.readTowardsEnd(PASS_OVER_ROWS);
        return;
      }
      const until = performance.now() + (window.followEnd ? FOLLOW_BATCH_MS : 0);
      do await current.readMore();
      while (!current.complete && source.current === current && performance.now() < until);
    })().then(async () => {
      if (source.current !== current) return;
      if (current.complete) await session?.settle();
      dispatchWindow({ type: 'rowsArrived', rowCount: current.rows.rowCount, complete: current.complete });
    });
  }, [window, session]);

  useEffect(
    () => () => {
      controller.current?.abort();
      void source.current?.close();
    },
    [],
  );

  const scroll = useCallback((action: ResultWindowAction) => dispatchWindow(action), []);
  /** A note said under the newest result, kept with it in the scrollback */
  const noteOnNewest = useCallback((text: string) => {
    shown.current = { ...shown.current, note: text };
    setNote(text);
  }, []);

  return {
    outcome,
    note,
    noteOnNewest,
    scrollback,
    scrollbackRef,
    dispatchScrollback,
    show,
    running,
    transaction,
    window,
    windowRef,
    scroll,
    run,
    runTask,
    cancel,
    closeSource,
  };
}

export type QuerySession = ReturnType<typeof useQuerySession>;
