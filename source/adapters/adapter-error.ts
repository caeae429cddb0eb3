// One error type for every driver's failures. Messages never contain a password.
import type { Backend } from '../dsn/types.js';

export type AdapterErrorKind =
  | 'connect'
  | 'auth'
  | 'tls'
  | 'syntax'
  | 'constraint'
  | 'cancelled'
  /** `ifConnectionFree` was asked and every connection the pool may open is in use */
  | 'busy'
  | 'timeout'
  | 'driver-unavailable'
  | 'other';

export interface AdapterErrorDetails {
  /** SQLSTATE (PostgreSQL), errno (MySQL) or SQLite result code, when the server/driver gives one */
  code?: string | null;
  /** 1-based character position in the statement, when the server gives one */
  position?: number | null;
  /** What the user can do about it */
  hint?: string | null;
  /** The statement never left dsnsh (its connection was already lost): it did not run */
  notSent?: boolean;
  cause?: unknown;
}

export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: string | null;
  readonly position: number | null;
  readonly hint: string | null;
  readonly notSent: boolean;

  constructor(
    readonly kind: AdapterErrorKind,
    readonly backend: Backend,
    message: string,
    details: AdapterErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code ?? null;
    this.position = details.position ?? null;
    this.hint = details.hint ?? null;
    this.notSent = details.notSent ?? false;
  }
}

/**
 * What every use of an adapter (or its pool, or its connection) is told once dsnsh has closed it:
 * the statement never reached the driver.
 */
export function closedError(backend: Backend): AdapterError {
  return new AdapterError('connect', backend, 'The connection to the database was closed by dsnsh.', {
    hint: 'Open it again (a new session, \\c, or run the command again) to go on.',
    notSent: true,
  });
}
