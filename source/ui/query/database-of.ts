// The database a target's DSN names (PostgreSQL, CockroachDB, MySQL); null when it names none
// (the driver's default), for SQLite, or when the DSN does not parse.
import { descriptorFor } from '../../adapters/backend-descriptors.js';
import { parseTarget } from '../../profiles/resolve-target.js';
import type { ResolvedTarget } from '../../profiles/target.js';

export function databaseOf(target: ResolvedTarget): string | null {
  try {
    const parsed = parseTarget(target);
    return descriptorFor(parsed).databases.named(parsed);
  } catch {
    return null;
  }
}
