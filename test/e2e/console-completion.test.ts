// Tab completion that knows the statement, in a real pty on every backend: a column after
// `alias.` (the alias resolved from FROM), a table after FROM, a table created in the session
// offered at once (DDL refreshes the cached names), and a table outside the search path or the
// current database offered schema-qualified (bare again after `USE` on MariaDB).
import { describe, expect, it } from 'vitest';
import { runStatement, type PtySession } from '../helpers/pty.js';
import { privateConsoles } from '../helpers/private-console.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-completion-');

function start(dsn: string): PtySession {
  return consoles.start({ args: [dsn], columns: 120, rows: 30 });
}

/** Types `text`, moves the cursor back, presses Tab, waits for `expected`, then clears the prompt. */
async function tab(pty: PtySession, text: string, expected: RegExp, cursorBack = 0): Promise<void> {
  pty.write(text);
  if (cursorBack > 0) pty.write('\x1b[D'.repeat(cursorBack));
  pty.write('\t');
  await pty.waitFor(expected);
  pty.write('\x05\x15');
}

let step = 0;
/**
 * Runs a statement and waits until it has finished: a marker query runs after it in the same input
 * (an error would stop the input before the marker), whose answer (step x 1000 + 7) is not in its
 * own text. Earlier blocks stay on screen in the scrollback, so the statement's outcome is looked
 * for in its own block: the lines from its statement line on.
 */
async function run(pty: PtySession, statement: string, expected: RegExp): Promise<void> {
  step += 1;
  const marker = step * 1000 + 7;
  await runStatement(pty, `${statement} select ${step} * 1000 + 7 as done_marker;`, new RegExp(`\\b${marker}\\b`));
  const screen = pty.screen();
  const own = screen.slice(screen.lastIndexOf(statement.slice(0, 40)));
  expect(own).toMatch(expected);
}

const backends = [
  { name: 'SQLite (memory)', dsn: 'memory', up: true, side: null },
  {
    name: 'PostgreSQL',
    dsn: PG_DSN,
    up: availability().postgres,
    side: { create: 'create schema zc_cmp_side', drop: 'drop schema if exists zc_cmp_side cascade', use: null },
  },
  {
    name: 'MariaDB',
    dsn: MYSQL_DSN,
    up: availability().mysql,
    side: { create: 'create database zc_cmp_side', drop: 'drop database if exists zc_cmp_side', use: 'use zc_cmp_side' },
  },
];

describe.each(backends)('completion on $name', ({ dsn, up, side }) => {
  it.skipIf(!up)('completes a column after alias. (the alias from FROM before or after the cursor)', async () => {
    const pty = start(dsn);
    await pty.waitFor('connected');
    await run(pty, 'drop table if exists zc_cmp_orders;', /DROP|OK/);
    await run(pty, 'create table zc_cmp_orders (order_id int, order_total int);', /CREATE|OK/);
    await tab(pty, 'select * from zc_cmp_orders o where o.order_t', /where o\.order_total /);
    await tab(pty, 'select o.order_i from zc_cmp_orders o', /select o\.order_id from zc_cmp_orders o/, ' from zc_cmp_orders o'.length);
    await tab(pty, 'select * from zc_cmp_orders as x where zc_cmp_orders.order_t', /where zc_cmp_orders\.order_total /);
    await run(pty, 'drop table zc_cmp_orders;', /DROP|OK/);
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  });

  it.skipIf(!up)('completes a table after FROM, and one created in the session at once', async () => {
    const pty = start(dsn);
    await pty.waitFor('connected');
    await run(pty, 'drop table if exists zc_cmp_first;', /DROP|OK/);
    await run(pty, 'drop table if exists zc_cmp_late;', /DROP|OK/);
    await run(pty, 'create table zc_cmp_first (first_note int);', /CREATE|OK/);
    await tab(pty, 'select * from zc_cmp_fir', /from zc_cmp_first /);
    // The names are cached now; a table created in the session must still be offered.
    await run(pty, 'create table zc_cmp_late (late_note int);', /CREATE|OK/);
    await tab(pty, 'select * from zc_cmp_la', /from zc_cmp_late /);
    await tab(pty, 'select * from zc_cmp_late as l where l.late_n', /where l\.late_note /);
    await run(pty, 'drop table zc_cmp_first;', /DROP|OK/);
    await run(pty, 'drop table zc_cmp_late;', /DROP|OK/);
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  });

  it.skipIf(!up || side === null)('offers a table outside the search path / current database schema-qualified', async () => {
    const pty = start(dsn);
    await pty.waitFor('connected');
    await run(pty, `${side!.drop};`, /DROP|OK/);
    await run(pty, `${side!.create};`, /CREATE|OK/);
    await run(pty, 'create table zc_cmp_side.zc_cmp_archive (archived_on int);', /CREATE|OK/);
    await tab(pty, 'select * from zc_cmp_arch', /from zc_cmp_side\.zc_cmp_archive /);
    await tab(pty, 'select * from zc_cmp_side.zc_cmp_archive a where a.archived', /where a\.archived_on /);
    if (side!.use !== null) {
      await run(pty, `${side!.use};`, /OK|USE|0 rows/);
      await tab(pty, 'select * from zc_cmp_arch', /from zc_cmp_archive /);
      await tab(pty, 'select * from zc_cmp_archive a where a.archived', /where a\.archived_on /);
    }
    await run(pty, `${side!.drop};`, /DROP|OK/);
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  });
});

describe.skipIf(!availability().postgres)('completion on PostgreSQL with DDL in a transaction', () => {
  it('offers the table once the transaction that created it commits', async () => {
    const pty = start(PG_DSN);
    await pty.waitFor('connected');
    await run(pty, 'drop table if exists zc_cmp_tx;', /DROP/);
    await run(pty, 'begin;', /BEGIN/);
    await run(pty, 'create table zc_cmp_tx (tx_note int);', /CREATE/);
    // Read inside the transaction: another connection does not see the table yet.
    await tab(pty, 'select * from zc_cmp_t', /no completion/);
    await run(pty, 'commit;', /COMMIT/);
    await tab(pty, 'select * from zc_cmp_t', /from zc_cmp_tx /);
    await run(pty, 'drop table zc_cmp_tx;', /DROP/);
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  });
});
