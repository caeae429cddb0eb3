// Leaving (quit, profile switch) with a transaction open is never silent: the person chooses. The
// one decision both consoles make from the answer; each asks in its own words (keys on the
// full-screen console, a [c/r/S] line in line mode).
import type { TransactionState } from '../adapters/adapter.js';

export const STAYED = 'Stayed: the transaction is still open.';

/**
 * What an answer asks for: c commits (never a failed transaction: PostgreSQL would answer COMMIT
 * with ROLLBACK), r rolls back, anything else stays (null).
 */
export function transactionEnding(answer: string, state: TransactionState): 'COMMIT' | 'ROLLBACK' | null {
  const key = answer.trim().toLowerCase();
  if (key === 'c' && state !== 'failed') return 'COMMIT';
  if (key === 'r') return 'ROLLBACK';
  return null;
}
