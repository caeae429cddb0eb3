// Statements that destroy data or schema, for the console's confirmation (on for production
// profiles, or as the profile's confirmDestructive setting says). The statement classifier
// decides (sql/classify-statement.ts): every statement of the text counts, whatever hides it.
import { classifyStatement } from '../../sql/classify-statement.js';
import type { SqlDialect } from '../../sql/dialect.js';
import { confirmsDestructive } from '../../profiles/confirm-destructive.js';
import type { ProfileSettings } from '../../profiles/target.js';

/** Why the statement (or the first destructive one of several) is destructive, e.g. "DELETE without WHERE"; null when none is. */
export function destructiveReason(sql: string, dialect: SqlDialect): string | null {
  return classifyStatement(sql, dialect).destructive;
}

/** The reason to ask before running `sql` under these profile settings, or null to run it at once. */
export function destructiveToConfirm(sql: string, dialect: SqlDialect, settings: ProfileSettings): string | null {
  return confirmsDestructive(settings) ? destructiveReason(sql, dialect) : null;
}
