// A statement whose connection dropped (server restarted, connection killed, network gone): what
// the loss took with it (the console and the CLI each word it: lost-connection-hint.ts for the
// console, lostSessionPlan here for a script), and how a long script gets a new session to go on
// with (--continue-on-error).
import type { Adapter, Session, SessionHeld, TransactionState } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import { mayCommitTransaction } from '../adapters/session-tracker.js';
import type { FedStatement } from './statement-feed.js';

/** Adapters report a dropped connection as kind 'connect' (PostgreSQL "Connection terminated", MySQL "Connection lost"). */
export function isLostConnection(error: unknown): error is AdapterError {
  return error instanceof AdapterError && error.kind === 'connect';
}

/** What a statement's lost connection took with it. */
export interface LostConnection {
  /** The statement never reached the server (AdapterError.notSent) */
  notSent: boolean;
  /** A transaction was open when the statement began */
  transactionOpen: boolean;
  /** The statement may have ended the transaction with a commit (COMMIT, or DDL that commits implicitly) */
  mayCommit: boolean;
  /** The open transaction's statements and the session settings the lost connection had */
  held: SessionHeld;
}

export interface FailedStatement {
  sql: string;
  /** The session's transaction state when the statement began */
  transactionBefore: TransactionState;
  session: Session;
  adapter: Pick<Adapter, 'backend' | 'capabilities'>;
}

const NOTHING_HELD: SessionHeld = { transactionStatements: [], settings: [] };

/** What was lost when `error` is a lost connection; null for any other failure. */
export function lostConnection(error: unknown, failed: FailedStatement): LostConnection | null {
  if (!isLostConnection(error)) return null;
  return {
    notSent: error.notSent,
    transactionOpen: failed.transactionBefore !== 'idle',
    mayCommit: mayCommitTransaction(failed.sql, failed.adapter),
    held: failed.session.held?.() ?? NOTHING_HELD,
  };
}

/** The first `shown` of `items`, and how many more there are. */
export function listed(items: readonly string[], shown: number): string {
  const first = items.slice(0, shown).join('; ');
  return items.length > shown ? `${first}; and ${items.length - shown} more` : first;
}

const UNKNOWN_OUTCOME = 'the connection was lost while this statement ran (it may or may not have taken effect on the server)';
const SHOWN = 3;

export interface LostSession extends LostConnection {
  statement: FedStatement;
  /** Where the transaction began (`file:line`), when this run saw its first statement */
  transactionBegunAt: string | null;
  continueOnError: boolean;
}

/** Whether a script may go on on a new session, and the hint that says what happened. */
export function lostSessionPlan(lost: LostSession): { next: 'reconnect' | 'stop'; hint: string | null } {
  // An unsent statement's message says it did not run; one that was sent has an unknown outcome.
  const say = (...parts: string[]) => (lost.notSent ? parts : [UNKNOWN_OUTCOME, ...parts]).join('. ');
  if (lost.transactionOpen) {
    const where = lost.transactionBegunAt ? ` (begun at ${lost.transactionBegunAt})` : '';
    const fate =
      lost.mayCommit && !lost.notSent
        ? 'this statement may have committed it before the loss, so it may or may not be committed on the server (check the data)'
        : 'the transaction is lost (the server rolls it back)';
    return {
      next: 'stop',
      hint: say(
        `A transaction was open on it${where}: ${fate}, so the rest of the script was not run (running it outside the transaction would be wrong)`,
      ),
    };
  }
  const { settings } = lost.held;
  if (settings.length > 0) {
    return {
      next: 'stop',
      hint: say(
        `The session had settings a new connection would not have (${listed(settings, SHOWN)}): they are lost, so the rest of the script was not run (running it without them could act on the wrong schema or data)`,
      ),
    };
  }
  const { statement } = lost;
  const rest =
    statement.laterKnown > 0
      ? `${statement.laterKnown} later ${statement.laterKnown === 1 ? 'statement was' : 'statements were'} not run`
      : statement.moreMayFollow
        ? 'the rest of the input was not run'
        : null;
  const tail = lost.continueOnError
    ? 'dsnsh reconnects and goes on with the next statement'
    : rest === null
      ? null
      : `${rest}; --continue-on-error reconnects and runs them (when no transaction or session setting was lost)`;
  const hint = lost.notSent ? tail : tail === null ? UNKNOWN_OUTCOME : `${UNKNOWN_OUTCOME}; ${tail}`;
  return { next: lost.continueOnError ? 'reconnect' : 'stop', hint };
}

export interface ReopenOptions {
  openSession: () => Promise<Session>;
  signal: AbortSignal;
  /** How long to keep trying (the server may be restarting) */
  withinMs?: number;
  stderr: NodeJS.WritableStream;
}

const RECONNECT_WITHIN_MS = 30_000;
const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 2000;

/**
 * A new session, retrying with backoff while the server comes back. Null when interrupted;
 * throws the last connection error when the time is up.
 */
export async function reopenSession(options: ReopenOptions): Promise<Session | null> {
  const deadline = Date.now() + (options.withinMs ?? RECONNECT_WITHIN_MS);
  options.stderr.write('dsnsh: reconnecting…\n');
  let delay = FIRST_DELAY_MS;
  for (;;) {
    if (options.signal.aborted) return null;
    try {
      const session = await options.openSession();
      options.stderr.write(
        'dsnsh: reconnected; going on with the next statement on a new session (the lost one held no transaction or session settings)\n',
      );
      return session;
    } catch (error) {
      if (options.signal.aborted) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw error;
      await pause(Math.min(delay, left), options.signal);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
