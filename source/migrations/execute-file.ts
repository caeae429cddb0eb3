// Runs one migration file on a session. A file of only comments sends nothing (popx's rule). An
// `.autocommit` file is sent as one string, as popx sends it (on PostgreSQL that string is one
// implicit transaction); other files run statement by statement so that a failure can name the
// statement and its line.
import { readFile } from 'node:fs/promises';
import type { Backend } from '../dsn/types.js';
import type { Session } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import { splitStatements, type Statement } from '../sql/split-statements.js';
import { isMigrationEmpty } from './empty-migration.js';

export interface StatementFailure {
  /** The failing statement; null when the server did not say which one of a one-string file it was */
  statement: string | null;
  /** 1-based line of the statement in the file */
  line: number | null;
  /** Statements of this file that succeeded before the failing one; null when unknown */
  completed: number | null;
  error: unknown;
}

export type FileOutcome = { ok: true; statements: number; empty: boolean } | ({ ok: false } & StatementFailure);

export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Send the whole file as one string (popx's `.autocommit` execution) */
  oneString: boolean;
}

export async function readMigrationSql(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** The statement of `statements` that holds the 1-based character `position` of the file. */
function statementAt(statements: readonly Statement[], position: number | null): { statement: Statement; index: number } | null {
  if (position === null) return null;
  const index = statements.findIndex((s) => position - 1 < s.end + 1);
  return index === -1 ? null : { statement: statements[index]!, index };
}

async function runAsOneString(
  session: Session,
  backend: Backend,
  sql: string,
  statements: readonly Statement[],
  signal?: AbortSignal,
): Promise<FileOutcome> {
  try {
    await session.runScript(sql, { signal });
    return { ok: true, statements: statements.length, empty: false };
  } catch (error) {
    const located = statementAt(statements, error instanceof AdapterError ? error.position : null);
    const only = statements.length === 1 ? { statement: statements[0]!, index: 0 } : null;
    const found = located ?? only;
    return {
      ok: false,
      statement: found?.statement.text ?? null,
      line: found?.statement.line ?? null,
      completed: found?.index ?? null,
      error,
    };
  }
}

export async function executeFile(session: Session, backend: Backend, sql: string, options: ExecuteOptions): Promise<FileOutcome> {
  if (isMigrationEmpty(sql)) return { ok: true, statements: 0, empty: true };
  const statements = splitStatements(sql, backend);
  // Not empty by popx's rule but nothing for the server's splitter (a `/* … */` only file):
  // popx sends it as it is, and so does dsnsh; the server decides.
  if (options.oneString || statements.length === 0) return runAsOneString(session, backend, sql, statements, options.signal);
  for (const [index, statement] of statements.entries()) {
    try {
      // The signal cancels the running statement on the server (Ctrl+C during `migrate up`).
      await session.run(statement.text, { signal: options.signal });
    } catch (error) {
      return { ok: false, statement: statement.text, line: statement.line, completed: index, error };
    }
  }
  return { ok: true, statements: statements.length, empty: false };
}
