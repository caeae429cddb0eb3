// PostgreSQL's search_path is session state: SET, RESET, DISCARD and set_config() change it, and a
// transaction's end undoes a SET LOCAL. After such a statement the console asks its session for the path, so the
// \d family and completion find bare names where the user's statements find them (the catalogue
// is read on another connection, which keeps the DSN's path). Data, not branches in callers.
import type { Classification } from '../../sql/classify-statement.js';
import type { SqlDialect } from '../../sql/dialect.js';

const CURRENT_SEARCH_PATH: Record<SqlDialect, string | null> = {
  postgres: "SELECT pg_catalog.current_setting('search_path')",
  mysql: null,
  sqlite: null,
};

const CHANGES_SETTINGS = new Set(['SET', 'RESET', 'DISCARD']);

/** The statement that reads the session's search path after `kind` ran; null when it cannot have changed. */
export function searchPathStatement(dialect: SqlDialect, kind: Pick<Classification, 'keyword' | 'transaction' | 'changes'>): string | null {
  const read = CURRENT_SEARCH_PATH[dialect];
  if (read === null) return null;
  const ends = kind.transaction === 'commit' || kind.transaction === 'rollback' || kind.transaction === 'rollback-to';
  // set_config() in a SELECT, a DO block or a procedure may set it too: 'session' and 'unknown'.
  const mayChange = kind.changes === 'session' || kind.changes === 'unknown';
  return ends || mayChange || (kind.keyword !== null && CHANGES_SETTINGS.has(kind.keyword)) ? read : null;
}
