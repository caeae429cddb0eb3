// The answer to "a transaction is open" when leaving, as both consoles read it.
import { describe, expect, it } from 'vitest';
import { STAYED, transactionEnding } from '../../source/session/transaction-ending.js';

describe('transactionEnding', () => {
  it.each([
    ['c', 'in-transaction', 'COMMIT'],
    ['C', 'in-transaction', 'COMMIT'],
    ['r', 'in-transaction', 'ROLLBACK'],
    ['R', 'failed', 'ROLLBACK'],
    // A failed transaction cannot commit: c stays rather than send a COMMIT that rolls back.
    ['c', 'failed', null],
    ['', 'in-transaction', null],
    ['s', 'in-transaction', null],
    ['y', 'in-transaction', null],
  ] as const)('%j with %s -> %s', (answer, state, expected) => {
    expect(transactionEnding(answer, state)).toBe(expected);
  });

  it('says the transaction stays open', () => {
    expect(STAYED).toBe('Stayed: the transaction is still open.');
  });
});
