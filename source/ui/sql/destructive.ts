// Statements that destroy data or schema, for the console's confirmation (on for production
// profiles, or as the profile's confirmDestructive setting says). Words
// are read with the shared lexer, so a keyword inside a string or comment does not count.
import { lexicalRules, type SqlDialect } from '../../sql/dialect.js';
import { lex } from '../../sql/lex.js';
import { confirmsDestructive } from '../../profiles/confirm-destructive.js';
import type { ProfileSettings } from '../../profiles/target.js';

function words(sql: string, dialect: SqlDialect): string[] {
  const found: string[] = [];
  for (const token of lex(sql, lexicalRules(dialect))) {
    if (token.kind === 'word') found.push(sql.slice(token.start, token.end).toLowerCase());
  }
  return found;
}

/** Why the statement is destructive (e.g. "DELETE without WHERE"), or null when it is not. */
export function destructiveReason(sql: string, dialect: SqlDialect): string | null {
  const list = words(sql, dialect);
  const first = list[0] ?? '';
  if (first === 'drop' || first === 'truncate') return first.toUpperCase();
  if (first === 'alter' && list.includes('drop')) return 'ALTER … DROP';
  if ((first === 'delete' || first === 'update') && !list.includes('where')) return `${first.toUpperCase()} without WHERE`;
  return null;
}

/** The reason to ask before running `sql` under these profile settings, or null to run it at once. */
export function destructiveToConfirm(sql: string, dialect: SqlDialect, settings: ProfileSettings): string | null {
  return confirmsDestructive(settings) ? destructiveReason(sql, dialect) : null;
}
