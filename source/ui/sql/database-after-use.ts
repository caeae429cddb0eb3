// `USE db` (MySQL): the database the session is in afterwards, for completion's bare names.
import type { SqlDialect } from '../../sql/dialect.js';
import { isName, statementAtCursor, unquote } from './statement-tokens.js';

export function databaseAfterUse(statement: string, dialect: SqlDialect): string | null {
  const tokens = statementAtCursor(statement, 0, dialect)?.tokens ?? [];
  const [use, name] = tokens;
  if (use?.upper !== 'USE' || !isName(name) || tokens.length !== 2) return null;
  return unquote(name);
}
