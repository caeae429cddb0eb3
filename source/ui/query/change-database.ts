// `\c DBNAME`: another database of the same server, every other setting of the target kept.
// PostgreSQL and CockroachDB bind a connection to one database, so the console reconnects: the
// target's DSN names the new database (with-database.ts), the connection is tried first (a
// database that does not exist, or refuses this user, leaves the console where it was), and a
// transaction is never carried over: with one open, \c is refused. MySQL/MariaDB switch on the
// same connection with USE. SQLite has one database per file.
import type { TransactionState } from '../../adapters/adapter.js';
import type { Adapter } from '../../adapters/adapter.js';
import { openSessionTarget } from '../../session/open-session-target.js';
import { redactDsn } from '../../dsn/redact.js';
import { descriptorFor } from '../../adapters/backend-descriptors.js';
import { parseTarget } from '../../profiles/resolve-target.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { describeError } from '../../session/report-error.js';
import type { Outcome } from './outcome.js';

export type DatabaseChange =
  { kind: 'reconnect'; target: ResolvedTarget } | { kind: 'use'; statement: string } | { kind: 'refused'; outcome: Outcome };

const refused = (message: string, hint: string | null, statement: string): DatabaseChange => ({
  kind: 'refused',
  outcome: { kind: 'error', message, hint, statement, position: null },
});

export function planDatabaseChange(
  target: ResolvedTarget,
  transaction: TransactionState,
  database: string,
  statement: string,
): DatabaseChange {
  const { change } = descriptorFor(parseTarget(target)).databases;
  if (change.kind === 'statement') return { kind: 'use', statement: change.statement(database) };
  if (change.kind === 'none') return refused(change.message, change.hint, statement);
  if (transaction !== 'idle') {
    return refused(
      `A transaction is open: \\c ${database} needs a new connection, and a transaction never moves to another one.`,
      `COMMIT or ROLLBACK first, then \\c ${database} again.`,
      statement,
    );
  }
  const dsn = change.dsnNaming(target.dsn, database);
  return { kind: 'reconnect', target: { ...target, dsn, redacted: redactDsn(dsn) } };
}

/** Connects to `target` once and lets go: null when it works, else the error (the console stays where it is). */
export async function tryTarget(target: ResolvedTarget, readOnly: boolean, statement: string): Promise<Outcome | null> {
  let adapter: Adapter | null = null;
  try {
    adapter = (await openSessionTarget(target, { readOnly, use: 'console' })).adapter;
    const session = await adapter.session();
    await session.release();
    return null;
  } catch (error) {
    const { message, hint } = describeError(error);
    return { kind: 'error', message: `Still connected as before; cannot connect: ${message}`, hint, statement, position: null };
  } finally {
    await adapter?.close().catch(() => undefined);
  }
}
