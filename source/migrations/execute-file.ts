// Runs one migration file's statements on a session, one at a time, so that a failure can name
// the statement and its line. A file of only comments runs nothing (as Ory skips empty files).
import { readFile } from 'node:fs/promises';
import type { Backend } from '../dsn/types.js';
import type { Session } from '../adapters/adapter.js';
import { splitStatements } from '../sql/split-statements.js';

export interface StatementFailure {
  statement: string;
  /** 1-based line of the statement in the file */
  line: number;
  /** Statements of this file that succeeded before the failing one */
  completed: number;
  error: unknown;
}

export type FileOutcome = { ok: true; statements: number } | ({ ok: false } & StatementFailure);

export async function readMigrationSql(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

export async function executeFile(session: Session, backend: Backend, sql: string, signal?: AbortSignal): Promise<FileOutcome> {
  const statements = splitStatements(sql, backend);
  for (const [index, statement] of statements.entries()) {
    try {
      // The signal cancels the running statement on the server (Ctrl+C during `migrate up`).
      await session.run(statement.text, { signal });
    } catch (error) {
      return { ok: false, statement: statement.text, line: statement.line, completed: index, error };
    }
  }
  return { ok: true, statements: statements.length };
}
