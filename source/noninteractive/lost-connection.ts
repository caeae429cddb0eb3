// A statement whose connection dropped (server restarted, connection killed, network gone): how
// to say so, and how a long script gets a new session to go on with (--continue-on-error).
import type { Session } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import type { FedStatement } from './statement-feed.js';

/** Adapters report a dropped connection as kind 'connect' (PostgreSQL "Connection terminated", MySQL "Connection lost"). */
export function isLostConnection(error: unknown): boolean {
  return error instanceof AdapterError && error.kind === 'connect';
}

const UNKNOWN_OUTCOME = 'the connection was lost while this statement ran (it may or may not have taken effect on the server)';

export function lostConnectionHint(statement: FedStatement, next: 'reconnect' | 'stop' | 'transaction-lost'): string {
  if (next === 'reconnect') return `${UNKNOWN_OUTCOME}; dsnsh reconnects and goes on with the next statement`;
  if (next === 'transaction-lost') {
    return `${UNKNOWN_OUTCOME}. A transaction was open on it: the transaction is lost (the server rolls it back), so the rest of the script was not run (running it outside the transaction would be wrong)`;
  }
  const rest = statement.laterKnown > 0
    ? `${statement.laterKnown} later ${statement.laterKnown === 1 ? 'statement was' : 'statements were'} not run`
    : statement.moreMayFollow ? 'the rest of the input was not run' : null;
  return rest === null ? UNKNOWN_OUTCOME : `${UNKNOWN_OUTCOME}; ${rest}; --continue-on-error reconnects and runs them (when no transaction is open)`;
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
      options.stderr.write('dsnsh: reconnected; going on with the next statement on a new session (settings and temporary tables of the lost one are gone)\n');
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
    const done = () => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
