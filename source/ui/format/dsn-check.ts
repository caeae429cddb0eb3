// Live validation of a DSN typed in the console: the DSN module's error (with the hint and the
// position) or its warnings. What is echoed never shows the password.
import { DsnError } from '../../dsn/errors.js';
import { parseDsn, redactDsn } from '../../dsn/parse-dsn.js';
import { checkProfileDsn } from '../../profiles/check-profile-dsn.js';
import { escapeControl } from './cell-text.js';

export type DsnCheckResult =
  | { ok: true; warnings: string[]; literalPassword: boolean }
  | { ok: false; message: string; hint: string; position: number | null };

/** The DSN with a password hidden, even when it does not parse yet. */
export function maskPassword(dsn: string): string {
  try {
    return redactDsn(dsn);
  } catch {
    // user:password@ in a URL-style or Go MySQL DSN
    return dsn.replace(/^([^:/]*:\/\/[^:@/]*:|[^:@/(]*:)[^@]*@/, '$1***@');
  }
}

export function checkDsnInput(dsn: string): DsnCheckResult {
  if (dsn.trim() === '') return { ok: false, message: 'Type a DSN, e.g. postgres://user:${PGPASSWORD}@host:5432/db', hint: '', position: null };
  try {
    const { literalPassword } = checkProfileDsn(dsn);
    let warnings: string[] = [];
    try {
      warnings = parseDsn(dsn).warnings;
    } catch {
      // ${ENV} references in numeric places only parse once expanded
    }
    return { ok: true, warnings, literalPassword };
  } catch (error) {
    if (error instanceof DsnError) return { ok: false, message: error.message, hint: error.hint, position: error.position };
    return { ok: false, message: error instanceof Error ? error.message : String(error), hint: '', position: null };
  }
}

/** The warnings of the DSN the console is on (missing _fk, ignored pool values…); none when it does not parse. */
export function dsnWarnings(dsn: string): string[] {
  try {
    // A warning quotes the DSN's values, which may hold control characters (%1b decoded).
    return parseDsn(dsn).warnings.map(escapeControl);
  } catch {
    return [];
  }
}
