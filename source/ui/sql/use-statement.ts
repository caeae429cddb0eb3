// MySQL's USE changes the session's current database; the console then asks the server which one
// it is (its answer, whatever quoting the statement used) for the header and \conninfo. Dialects
// without USE have no such statement (data, not branches in callers).
import type { SqlDialect } from '../../sql/dialect.js';

const CURRENT_DATABASE: Record<SqlDialect, string | null> = { mysql: 'SELECT DATABASE()', postgres: null, sqlite: null };

/** The statement that reads the session's current database after a USE; null where USE does not exist. */
export function currentDatabaseStatement(dialect: SqlDialect): string | null {
  return CURRENT_DATABASE[dialect];
}
