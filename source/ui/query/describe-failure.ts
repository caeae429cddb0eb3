// Any failure as a message and a hint for the screen, never a stack trace; and what a lost
// connection took with it, said so that nobody runs a statement of a lost transaction again alone.
import type { SessionHeld } from '../../adapters/adapter.js';
import { AdapterError } from '../../adapters/adapter-error.js';
import { DsnError } from '../../dsn/errors.js';

export function describeFailure(error: unknown): { message: string; hint: string | null } {
  if (error instanceof DsnError) return { message: error.message, hint: error.hint };
  if (error instanceof AdapterError) return { message: error.message, hint: error.hint };
  return { message: error instanceof Error ? error.message : String(error), hint: null };
}

export interface LostConnection {
  /** The statement never reached the server */
  notSent: boolean;
  /** A transaction was open when the statement began */
  transactionOpen: boolean;
  /** The statement may have committed the transaction (COMMIT, implicit commit) */
  mayCommit: boolean;
  held: SessionHeld;
  /** The new connection gets read-only again */
  readOnly: boolean;
}

const SHOWN = 4;

function listed(statements: string[]): string {
  const shown = statements.slice(0, SHOWN).join('; ');
  const more = statements.length - SHOWN;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/** The hint for a statement whose connection was lost: what happened to the transaction and settings. */
export function describeLoss(lost: LostConnection): string {
  const parts: string[] = [];
  const { transactionStatements, settings } = lost.held;
  const held = transactionStatements.length > 0 ? ` It held: ${listed(transactionStatements)}.` : '';
  if (lost.transactionOpen && lost.mayCommit && !lost.notSent) {
    parts.push(
      `This statement could commit the open transaction: it may or may not be committed on the server; check the data before redoing it.${held}`,
    );
  } else if (lost.transactionOpen) {
    const statement = lost.notSent ? '; this statement was not run' : ', with whatever this statement did';
    parts.push(`The open transaction was rolled back on the server${statement}.${held} Redo all of it, from BEGIN.`);
  } else if (!lost.notSent) {
    parts.push('The statement may or may not have taken effect on the server: check before running it again.');
  }
  if (settings.length > 0) {
    parts.push(
      `Settings lost with it: ${listed(settings)} (a new connection has only the DSN's settings${lost.readOnly ? ', and read-only' : ''}).`,
    );
  }
  parts.push('The next statement opens a new connection.');
  return parts.join(' ');
}
