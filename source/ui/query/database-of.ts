// The database a target's DSN names (PostgreSQL, CockroachDB, MySQL); null when it names none
// (the driver's default), for SQLite, or when the DSN does not parse.
import { parseTarget } from '../../profiles/resolve-target.js';
import type { ResolvedTarget } from '../../profiles/target.js';

export function databaseOf(target: ResolvedTarget): string | null {
  try {
    const parsed = parseTarget(target);
    return parsed.backend === 'postgres' || parsed.backend === 'cockroach' || parsed.backend === 'mysql' ? parsed.database : null;
  } catch {
    return null;
  }
}
