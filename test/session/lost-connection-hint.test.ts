// The console's hint for a lost connection, for every case: what happened to the transaction,
// the statement and the settings; never "run the statement again".
import { describe, expect, it } from 'vitest';
import { describeLoss } from '../../source/session/lost-connection-hint.js';

const none = { transactionStatements: [], settings: [] };
const base = { notSent: false, transactionOpen: false, mayCommit: false, held: none, readOnly: false };

describe('describeLoss', () => {
  it('outside a transaction: the outcome is unknown when the statement was sent', () => {
    expect(describeLoss(base)).toBe(
      'The statement may or may not have taken effect on the server: check before running it again. The next statement opens a new connection.',
    );
    expect(describeLoss({ ...base, notSent: true })).toBe('The next statement opens a new connection.');
  });

  it('inside a transaction: rolled back, with the statements it held', () => {
    const held = {
      transactionStatements: [
        'begin',
        'update t set v = 1',
        'insert into t values (2)',
        'delete from u where id = 3',
        'update w set x = 4',
      ],
      settings: [],
    };
    const text = describeLoss({ ...base, transactionOpen: true, held });
    expect(text).toBe(
      'The open transaction was rolled back on the server, with whatever this statement did. It held: begin; update t set v = 1; insert into t values (2); delete from u where id = 3; and 1 more. Redo all of it, from BEGIN. The next statement opens a new connection.',
    );
    expect(describeLoss({ ...base, transactionOpen: true, notSent: true, held })).toMatch(
      /^The open transaction was rolled back on the server; this statement was not run\./,
    );
  });

  it('a COMMIT that met the loss: may or may not be committed', () => {
    const text = describeLoss({
      ...base,
      transactionOpen: true,
      mayCommit: true,
      held: { transactionStatements: ['begin'], settings: [] },
    });
    expect(text).toMatch(
      /^This statement could commit the open transaction: it may or may not be committed on the server; check the data before redoing it\. It held: begin\./,
    );
    expect(text).not.toMatch(/rolled back/);
  });

  it('settings are named, and read-only comes back', () => {
    const text = describeLoss({
      ...base,
      notSent: true,
      readOnly: true,
      held: { transactionStatements: [], settings: ['set search_path = other'] },
    });
    expect(text).toBe(
      "Settings lost with it: set search_path = other (a new connection has only the DSN's settings, and read-only). The next statement opens a new connection.",
    );
  });

  it('never says to run the statement again', () => {
    for (const transactionOpen of [false, true]) {
      for (const notSent of [false, true])
        expect(describeLoss({ ...base, transactionOpen, notSent })).not.toMatch(/run (the|this) statement again/i);
    }
  });
});
