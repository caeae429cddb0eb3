// An open transaction is never dropped silently: quitting (Ctrl+D, \q, a second Ctrl+C) or
// switching profile (F2, also to the current one: it reconnects) with a transaction open asks
// first: c commits, r rolls back, any other key stays. A COMMIT or ROLLBACK that fails is shown
// and the console stays (a write error is never swallowed on the way out).
import { useCallback, useMemo, useRef } from 'react';
import type { KeyEvent } from '../keys/key-event.js';
import type { ConsoleSession } from '../query/console-session.js';
import { describeError } from '../../session/report-error.js';
import { STAYED, transactionEnding } from '../../session/transaction-ending.js';

export interface QuitGuard {
  /** Runs `leave` now when no transaction is open, else after the user chose commit or roll back */
  guard(leave: () => void, what: 'quit' | 'switch'): void;
  /** Answers a pending question; true when the key was taken */
  handleKey(event: KeyEvent): boolean;
}

type Pending = { leave: () => void; failed: boolean };

export function useQuitGuard(session: ConsoleSession | null, notify: (text: string | null) => void): QuitGuard {
  const pending = useRef<Pending | null>(null);
  // Read at call time: a caller may hold a callback from an earlier render (the profile switcher).
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const guard = useCallback(
    (leave: () => void, what: 'quit' | 'switch') => {
      const state = sessionRef.current?.transactionState() ?? 'idle';
      if (state === 'idle') {
        leave();
        return;
      }
      const failed = state === 'failed';
      pending.current = { leave, failed };
      const doing = what === 'quit' ? 'Quitting' : 'Switching profile';
      // A failed transaction cannot commit (PostgreSQL would answer COMMIT with ROLLBACK): offer only roll back.
      notify(
        failed
          ? `A failed transaction is open. ${doing} rolls it back: r rolls back, any other key stays.`
          : `A transaction is open. ${doing} would end it: c commits, r rolls back, any other key stays.`,
      );
    },
    [notify],
  );

  const finish = useCallback(
    async (statement: 'COMMIT' | 'ROLLBACK', leave: () => void) => {
      const session = sessionRef.current;
      if (!session) {
        leave();
        return;
      }
      notify(`${statement === 'COMMIT' ? 'committing' : 'rolling back'}…`);
      try {
        await (await session.acquire()).run(statement);
        await session.settle();
      } catch (error) {
        const { message, hint } = describeError(error);
        notify(`${statement} failed, still here: ${message}${hint ? ` (${hint})` : ''}`);
        return;
      }
      if (session.transactionState() !== 'idle') {
        notify(`${statement} did not end the transaction; still here.`);
        return;
      }
      leave();
    },
    [notify],
  );

  const handleKey = useCallback(
    (event: KeyEvent): boolean => {
      const question = pending.current;
      if (!question) return false;
      pending.current = null;
      const ending = transactionEnding(event.name === 'char' ? event.text : '', question.failed ? 'failed' : 'in-transaction');
      if (ending === null) notify(STAYED);
      else void finish(ending, question.leave);
      return true;
    },
    [finish, notify],
  );

  return useMemo(() => ({ guard, handleKey }), [guard, handleKey]);
}
