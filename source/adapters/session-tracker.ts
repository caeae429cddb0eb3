// What a server session's connection holds beyond its rows: the statements of the open
// transaction and those that set session state. When the connection is lost, this is what is
// gone, and what decides whether a script may go on on a new connection (it may not when
// either is non-empty). Shared by every adapter whose sessions can lose their connection, and by
// the CLI and the console when they report a loss.
import type { Backend } from '../dsn/types.js';
import { changesSessionState } from '../sql/session-state-change.js';
import { splitStatements } from '../sql/split-statements.js';
import { statementCommand } from '../sql/classify-statement.js';
import type { Adapter, SessionHeld, TransactionState } from './adapter.js';

const EXCERPT_CHARS = 80;
/** Excerpts kept per list (messages name a few) */
const MAX_KEPT = 50;

export function excerpt(statement: string): string {
  const flat = statement
    .slice(0, EXCERPT_CHARS * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

export class SessionTracker {
  private transaction: string[] = [];
  private readonly settings: string[] = [];

  constructor(private readonly backend: Backend) {}

  /**
   * After `sql` ran (one or several statements): `state` is the transaction state it left.
   * A failed text may have set state before it failed, so settings count either way; the
   * transaction holds only what succeeded.
   */
  record(sql: string, state: TransactionState, outcome: { succeeded: boolean; reapplied?: boolean; ownRead?: boolean }): void {
    if (outcome.ownRead) return;
    // Without a `;` anywhere the text is one statement: no need to lex a long INSERT to know it.
    const statements = sql.includes(';') ? splitStatements(sql, this.backend).map((statement) => statement.text) : [sql.trim()];
    if (!outcome.reapplied) {
      for (const statement of statements) {
        if (!changesSessionState(statement, this.backend)) continue;
        const text = excerpt(statement);
        if (!this.settings.includes(text) && this.settings.length < MAX_KEPT) this.settings.push(text);
      }
    }
    if (state === 'idle') {
      this.transaction = [];
    } else if (outcome.succeeded) {
      for (const statement of statements) if (this.transaction.length < MAX_KEPT) this.transaction.push(excerpt(statement));
    }
  }

  held(): SessionHeld {
    return { transactionStatements: [...this.transaction], settings: [...this.settings] };
  }
}

const COMMITS = new Set(['COMMIT', 'END']);
/** MySQL commits the open transaction before these (implicit commit) */
const COMMITS_WITHOUT_TRANSACTIONAL_DDL = new Set([
  'COMMIT',
  'CREATE',
  'ALTER',
  'DROP',
  'RENAME',
  'TRUNCATE',
  'GRANT',
  'REVOKE',
  'LOCK',
  'UNLOCK',
  'BEGIN',
  'START',
  'SET',
  'ANALYZE',
  'OPTIMIZE',
  'REPAIR',
  'FLUSH',
  'INSTALL',
  'UNINSTALL',
  'LOAD',
]);

/** Whether `sql`, run inside a transaction, may have committed it. */
export function mayCommitTransaction(sql: string, adapter: Pick<Adapter, 'backend' | 'capabilities'>): boolean {
  const word = statementCommand(sql, adapter.backend);
  if (word === null) return false;
  return (adapter.capabilities.transactionalDdl ? COMMITS : COMMITS_WITHOUT_TRANSACTIONAL_DDL).has(word);
}
