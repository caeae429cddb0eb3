// Every failure reported by the SQLite worker becomes one AdapterError with a kind, the SQLite
// result code, the position of a syntax error when SQLite names the token, and a hint.
import { AdapterError, type AdapterErrorKind } from '../adapter-error.js';
import type { Backend } from '../../dsn/types.js';
import type { WorkerErrorInfo } from './worker-protocol.js';

export interface ErrorContext {
  /** 'open' when connecting, else the statement text that was sent */
  phase: 'open' | 'statement';
  sql?: string;
  /** The database file, for connect errors */
  path: string;
}

export function driverUnavailableError(backend: Backend, reason: string): AdapterError {
  return new AdapterError(
    'driver-unavailable',
    backend,
    `SQLite and memory databases need the better-sqlite3 driver, which could not be installed or loaded (${reason.trim()}). ` +
      'PostgreSQL, CockroachDB and MySQL DSNs still work.',
    {
      hint: 'better-sqlite3 is a native add-on: reinstall dsnsh where it can be built (python3, make and a C++ compiler) or where a prebuilt binary matches this Node version.',
    },
  );
}

const SYNTAX = /syntax error|incomplete input|unrecognized token/;

function kindOf(code: string | null, message: string): AdapterErrorKind {
  if (code?.startsWith('SQLITE_CONSTRAINT')) return 'constraint';
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) return 'timeout';
  if (code === 'SQLITE_AUTH') return 'auth';
  if (code === 'SQLITE_INTERRUPT') return 'cancelled';
  if (SYNTAX.test(message)) return 'syntax';
  return 'other';
}

function hintFor(kind: AdapterErrorKind, code: string | null): string | null {
  if (kind === 'timeout')
    return 'Another connection holds a lock on the database. Retry, or raise _busy_timeout in the DSN (milliseconds).';
  if (code?.startsWith('SQLITE_READONLY')) {
    return 'The database is open read-only (mode=ro, immutable, or _query_only in the DSN, or a read-only file). Use a DSN without them to write.';
  }
  if (kind === 'syntax') return 'Check the SQL near the marked position.';
  return null;
}

/** 1-based position of the token SQLite names in `near "…": syntax error`, when it can be found. */
function syntaxPosition(message: string, sql: string | undefined, statementOffset: number | undefined): number | null {
  const near = /near "([^"]*)"/.exec(message)?.[1];
  if (near === undefined || sql === undefined) return null;
  const index = sql.indexOf(near, statementOffset ?? 0);
  return index === -1 ? null : index + 1;
}

function openError(backend: Backend, info: WorkerErrorInfo, context: ErrorContext, cause: Error): AdapterError {
  if (info.pragma) {
    return new AdapterError('connect', backend, `Could not apply PRAGMA ${info.pragma} from the DSN: ${info.message}`, {
      code: info.code,
      hint: 'Fix or remove that parameter in the DSN (_name=value or _pragma=name(value)).',
      cause,
    });
  }
  if (info.code === 'SQLITE_NOTADB') {
    return new AdapterError('connect', backend, `"${context.path}" is not a SQLite database.`, {
      code: info.code,
      hint: 'Check the path in the DSN; the file exists but holds something else.',
      cause,
    });
  }
  return new AdapterError('connect', backend, `Cannot open the SQLite database "${context.path}": ${info.message}.`, {
    code: info.code,
    hint: 'Check that the folder exists and that this user may read and write it; with mode=ro or mode=rw the file must already exist.',
    cause,
  });
}

export function sqliteError(backend: Backend, info: WorkerErrorInfo, context: ErrorContext): AdapterError {
  if (info.driverUnavailable) return driverUnavailableError(backend, info.message);
  const cause = Object.assign(new Error(info.message), { code: info.code });
  if (context.phase === 'open') return openError(backend, info, context, cause);
  const kind = kindOf(info.code, info.message);
  const where =
    info.statementCount !== undefined && info.statementCount > 1 && info.statementIndex !== undefined
      ? ` (statement ${info.statementIndex + 1} of ${info.statementCount})`
      : '';
  return new AdapterError(kind, backend, `${info.message}${where}`, {
    code: info.code,
    position: kind === 'syntax' ? syntaxPosition(info.message, context.sql, info.statementOffset) : null,
    hint: hintFor(kind, info.code),
    cause,
  });
}

export function cancelledError(backend: Backend, rolledBack: boolean): AdapterError {
  const message = rolledBack ? 'The statement was cancelled and the open transaction was rolled back.' : 'The statement was cancelled.';
  return new AdapterError('cancelled', backend, message, {
    hint:
      'SQLite cannot interrupt a running statement, so dsnsh restarted its database connection: committed data is kept; ' +
      'uncommitted changes, temporary tables and PRAGMAs set by hand were reset.',
  });
}

export function connectionLostError(backend: Backend, detail: string): AdapterError {
  return new AdapterError('connect', backend, `The SQLite worker process stopped unexpectedly (${detail}).`, {
    hint: 'Run the statement again; dsnsh starts a new worker. Committed data is kept.',
  });
}
