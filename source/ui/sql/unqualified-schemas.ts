// The schemas whose tables a statement may name without a schema: PostgreSQL's search path
// (the user's session's after a SET, else as the server reports it, else the DSN's, else the
// server default), MySQL's current database
// (after USE, else the DSN's). Null when every table may be named bare (SQLite looks in every
// attached database).
import type { Adapter, ServerFacts } from '../../adapters/adapter.js';

/** PostgreSQL's search_path when neither the server nor the DSN said otherwise */
const DEFAULT_SEARCH_PATH = '"$user", public';

export function searchPathSchemas(searchPath: string, user: string | null): string[] {
  return searchPath
    .split(',')
    .map((part) => part.trim().replace(/^"(.*)"$/, '$1'))
    .flatMap((schema) => {
      if (schema === '$user') return user ? [user] : [];
      return schema === '' ? [] : [schema];
    });
}

export function unqualifiedSchemas(
  adapter: Pick<Adapter, 'capabilities' | 'dsn'>,
  facts: ServerFacts | null,
  usedDatabase: string | null,
  /** The user's session's search_path once a statement may have changed it; null: as the server reports it */
  sessionSearchPath: string | null = null,
): string[] | null {
  if (usedDatabase !== null) return [usedDatabase];
  const { dsn } = adapter;
  if (adapter.capabilities.schemas) {
    const searchPath =
      sessionSearchPath ?? facts?.details.search_path ?? ('searchPath' in dsn ? dsn.searchPath : null) ?? DEFAULT_SEARCH_PATH;
    return searchPathSchemas(searchPath, facts?.details.user ?? ('user' in dsn ? dsn.user : null));
  }
  if (!('database' in dsn)) return null;
  return dsn.database === null ? [] : [dsn.database];
}
