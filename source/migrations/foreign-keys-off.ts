// popx runs SQLite migrations with foreign keys off: a table rebuild (CREATE _tmp, INSERT … SELECT,
// DROP TABLE, RENAME) would otherwise cascade-delete child rows or stop on "foreign key mismatch".
// The setting belongs to the connection and is ignored inside a transaction, so it is changed on
// the migrating session while no transaction is open, read back, and restored on every path.
import type { Session, Value } from '../adapters/adapter.js';
import type { DialectSql } from './dialect-sql.js';

export interface ForeignKeyViolation {
  /** The table holding the row */
  table: string;
  /** The row's rowid as text; null for a WITHOUT ROWID table */
  rowid: string | null;
  /** The table it should have a parent row in */
  parent: string;
}

type ForeignKeySql = NonNullable<DialectSql['foreignKeys']>;

const on = (value: Value | undefined) => value === 1 || value === '1' || value === true;

async function enabled(session: Session, sql: ForeignKeySql): Promise<boolean> {
  return on((await session.run(sql.read)).rows[0]?.[0]);
}

/**
 * Turns foreign keys off when they are on. Returns whether they were on (to be restored); throws
 * when they stay on (a transaction left open), before any migration ran.
 */
export async function suspendForeignKeys(session: Session, sql: ForeignKeySql): Promise<boolean> {
  if (!(await enabled(session, sql))) return false;
  await session.run(sql.off);
  if (await enabled(session, sql)) {
    await session.run(sql.on).catch(() => undefined);
    throw new Error(
      'could not turn SQLite foreign keys off for the migration run (a transaction is open on the connection); nothing was applied',
    );
  }
  return true;
}

export async function restoreForeignKeys(session: Session, sql: ForeignKeySql): Promise<void> {
  // A migration that failed inside its transaction was rolled back first; the setting applies now.
  if (session.transactionState() !== 'idle') await session.run('ROLLBACK').catch(() => undefined);
  await session.run(sql.on);
}

export async function checkForeignKeys(session: Session, sql: ForeignKeySql): Promise<ForeignKeyViolation[]> {
  const rows = (await session.run(sql.check)).rows;
  // PRAGMA foreign_key_check: table, rowid, parent, fkid
  return rows.map((row) => ({
    table: String(row[0]),
    rowid: row[1] === null || row[1] === undefined ? null : String(row[1]),
    parent: String(row[2]),
  }));
}
