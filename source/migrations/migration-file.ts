// Ory's migration file names: `<version>_<name>[.<dialect>][.autocommit].<up|down>.sql`.
// Pure: parses a name and says exactly why a name is not a migration.
import { KNOWN_DIALECT_SUFFIXES, canonicalDialect, type FileDialect } from './migration-dialect.js';

export type Direction = 'up' | 'down';

export interface MigrationFileName {
  /** The leading digits, as written (Ory uses 20: a 14-digit timestamp + 6-digit sequence) */
  version: string;
  /** Up to the first dot after the version's underscore */
  name: string;
  /** 'all' for a file without a dialect suffix */
  dialect: FileDialect | 'all';
  /** The suffix as written (`pg`, `crdb`, ...), null without one */
  dialectSuffix: string | null;
  /** Runs outside a transaction */
  autocommit: boolean;
  direction: Direction;
}

export type ParsedFileName =
  | { ok: true; file: MigrationFileName }
  | { ok: false; reason: 'not-sql'; message: string }
  | { ok: false; reason: 'no-match'; message: string }
  | { ok: false; reason: 'unknown-dialect'; suffix: string; message: string };

export const MIGRATION_FILE_PATTERN = /^(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.sql$/;

const EXAMPLE = '20210817181232000006_unique_credentials.mysql.up.sql';

/** Parses a bare file name (no directory). Never throws. */
export function parseMigrationFileName(fileName: string): ParsedFileName {
  if (!fileName.endsWith('.sql')) {
    return { ok: false, reason: 'not-sql', message: `${fileName} is not a .sql file` };
  }
  const match = MIGRATION_FILE_PATTERN.exec(fileName);
  if (!match) {
    return {
      ok: false,
      reason: 'no-match',
      message: `${fileName} is not a migration file name: expected <version>_<name>[.<dialect>][.autocommit].<up|down>.sql, e.g. ${EXAMPLE}`,
    };
  }
  const [, version, name, suffixGroup, autocommitGroup, direction] = match;
  // `x.autocommit.up.sql`: the optional dialect group swallows `.autocommit` first.
  let suffix = suffixGroup === undefined ? null : suffixGroup.slice(1);
  let autocommit = autocommitGroup !== undefined;
  if (suffix === 'autocommit' && !autocommit) {
    suffix = null;
    autocommit = true;
  }
  let dialect: FileDialect | 'all' = 'all';
  if (suffix !== null) {
    const canonical = canonicalDialect(suffix);
    if (canonical === null) {
      return {
        ok: false,
        reason: 'unknown-dialect',
        suffix,
        message: `${fileName} has the unknown dialect suffix ".${suffix}" (known: ${KNOWN_DIALECT_SUFFIXES.join(', ')})`,
      };
    }
    dialect = canonical;
  }
  return {
    ok: true,
    file: { version: version!, name: name!, dialect, dialectSuffix: suffix, autocommit, direction: direction as Direction },
  };
}

/**
 * Ory's order of migrations: plain string order of the versions, as popx sorts them (so `10_x`
 * runs before `9_x`, and a 20-digit version of 2015 before a 14-digit one of 2020).
 */
export function comparePopxVersions(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders versions numerically (other tools' integer versions: goose, golang-migrate). */
export function compareVersions(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
