// Cancel through an AbortSignal: a long statement stops well before it would end (the test
// timeout is far below the statement's 30 s), the session stays usable, committed data stays.
import { expect, it } from 'vitest';
import { adapterRejection, asText, type ContractContext } from './contract-context.js';

/** When to pull the signal: long enough for the statement to be running on the server. */
const ABORT_AFTER_MS = 300;

function abortSoon(): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ABORT_AFTER_MS);
  return controller.signal;
}

export function cancelContract(ctx: ContractContext): void {
  // SQLite in this process cannot stop a running statement (Ctrl+C ends the whole process
  // instead: test/e2e/cli-interrupt.test.ts); it says so in its capabilities.
  const cancelsRunning = ctx.backend.openOptions?.inProcess !== true || ctx.backend.dialect !== 'sqlite';

  it('declares whether a running statement can be cancelled', () => {
    expect(ctx.adapter().capabilities.serverSideCancel).toBe(cancelsRunning);
  });

  it.skipIf(!cancelsRunning)(
    'cancels a long statement in a session; the session and committed data survive',
    { timeout: 15_000 },
    async () => {
      const table = ctx.table('cancel');
      const db = ctx.adapter();
      await db.run(`CREATE TABLE ${table} (n INTEGER)`);
      await db.run(`INSERT INTO ${table} (n) VALUES (1), (2), (3)`);
      const session = await db.session();
      try {
        const error = await adapterRejection(session.run(ctx.sql.longStatement, { signal: abortSoon() }));
        expect(error.kind).toBe('cancelled');
        expect(error.backend).toBe(db.backend);
        expect((await session.run('SELECT 1')).rows.map((row) => row.map(asText))).toEqual([['1']]);
        expect(session.transactionState()).not.toBe('in-transaction');
      } finally {
        await session.release();
      }
      expect((await db.run(`SELECT count(*) FROM ${table}`)).rows.map((row) => row.map(asText))).toEqual([['3']]);
    },
  );

  it.skipIf(!cancelsRunning)('cancels a long statement run on the pool; the pool stays usable', { timeout: 15_000 }, async () => {
    const db = ctx.adapter();
    const error = await adapterRejection(db.run(ctx.sql.longStatement, { signal: abortSoon() }));
    expect(error.kind).toBe('cancelled');
    expect((await db.run('SELECT 2')).rows.map((row) => row.map(asText))).toEqual([['2']]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await adapterRejection(ctx.adapter().run('SELECT 1', { signal: controller.signal }));
    expect(error.kind).toBe('cancelled');
  });
}
