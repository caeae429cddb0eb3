// Server facts for SQLite: there is no server, so session figures are not applicable; the
// details shown instead are the file, its size, journal mode and foreign keys.
import { stat } from 'node:fs/promises';
import type { RunOptions, ServerFacts, StatementResult } from '../adapter.js';
import type { SqliteDsn } from '../../dsn/types.js';

type Run = (sql: string, options?: RunOptions) => Promise<StatementResult>;

const NOT_APPLICABLE = { ok: false, reason: 'not applicable to SQLite' } as const;

async function fileSize(path: string): Promise<string> {
  try {
    return `${(await stat(path)).size} bytes`;
  } catch {
    return 'unknown';
  }
}

export async function sqliteServerFacts(run: Run, dsn: SqliteDsn, openedPath: string, options?: RunOptions): Promise<ServerFacts> {
  const result = await run(
    'SELECT sqlite_version(), (SELECT journal_mode FROM pragma_journal_mode), (SELECT foreign_keys FROM pragma_foreign_keys), ' +
      '(SELECT page_count FROM pragma_page_count) * (SELECT page_size FROM pragma_page_size)',
    options,
  );
  const [version, journalMode, foreignKeys, databaseBytes] = result.rows[0] ?? [];
  const memoryFile =
    openedPath === ':memory:' ? "none (in this process's memory)" : `${openedPath} (memory: a private file, deleted on exit)`;
  const details: Record<string, string> = dsn.inMemory
    ? { file: memoryFile, size: `${databaseBytes} bytes` }
    : { file: dsn.path, 'file size': await fileSize(dsn.path) };
  details['journal mode'] = String(journalMode);
  details['foreign keys'] = Number(foreignKeys) === 1 ? 'on' : 'off';
  if (dsn.mode === 'ro' || dsn.immutable) details.access = 'read-only';
  return {
    version: String(version),
    product: 'SQLite',
    appSessions: NOT_APPLICABLE,
    totalSessions: NOT_APPLICABLE,
    maxConnections: NOT_APPLICABLE,
    tls: { ok: false, reason: 'not applicable to SQLite (a local file)' },
    details,
  };
}
