// Live validation of a DSN typed in the console: the DSN module's error (with the hint and the
// position) or its warnings. What is echoed never shows the password.
import { DsnError } from '../../dsn/errors.js';
import { parseDsn, redactDsn } from '../../dsn/parse-dsn.js';
import { checkProfileDsn } from '../../profiles/check-profile-dsn.js';
import { parseTarget } from '../../profiles/resolve-target.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { escapeControl } from './cell-text.js';

export type DsnCheckResult =
  { ok: true; warnings: string[]; literalPassword: boolean } | { ok: false; message: string; hint: string; position: number | null };

/** The DSN with a password hidden, even when it does not parse yet (redactDsn never throws). */
export const maskPassword = redactDsn;

export function checkDsnInput(dsn: string): DsnCheckResult {
  if (dsn.trim() === '')
    return { ok: false, message: 'Type a DSN, e.g. postgres://user:${PGPASSWORD}@host:5432/db', hint: '', position: null };
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

/**
 * The warnings of the target the console is on (ignored pool values, foreign keys off…), from the
 * target's one parse (so a --pid target's warnings are read in its service's environment); none
 * when it does not parse.
 */
export function dsnWarnings(target: ResolvedTarget): string[] {
  try {
    // A warning quotes the DSN's values, which may hold control characters (%1b decoded).
    return parseTarget(target).warnings.map(escapeControl);
  } catch {
    return [];
  }
}
