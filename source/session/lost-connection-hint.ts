// The console's hint for a statement whose connection was lost: what happened to the transaction
// (rolled back, with the statements it held) and to the settings, said so that nobody runs a
// statement of a lost transaction again alone; never "run the statement again". A script's
// wording, which also says what of the script was not run, is lostSessionPlan (lost-connection.ts).
import { listed, type LostConnection } from './lost-connection.js';

const SHOWN = 4;

export interface ConsoleLoss extends LostConnection {
  /** The new connection gets read-only again */
  readOnly: boolean;
}

export function describeLoss(lost: ConsoleLoss): string {
  const parts: string[] = [];
  const { transactionStatements, settings } = lost.held;
  const held = transactionStatements.length > 0 ? ` It held: ${listed(transactionStatements, SHOWN)}.` : '';
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
      `Settings lost with it: ${listed(settings, SHOWN)} (a new connection has only the DSN's settings${lost.readOnly ? ', and read-only' : ''}).`,
    );
  }
  parts.push('The next statement opens a new connection.');
  return parts.join(' ');
}
