// SQLite connection parameters of mattn/go-sqlite3, the driver of the Ory release (`_name=value`,
// with short aliases). Each entry says which PRAGMA a key sets and how its value is normalised.
import { SQLITE_BOOL_WORDS, readSqliteBool } from './booleans.js';

export interface PragmaSpec {
  pragma: string;
  /** `_long_name` */
  key: string;
  alias?: string;
  /** Normalises a value; returns null when invalid. */
  normalise(value: string): string | null;
  accepted: string;
}

const bool = {
  normalise: (value: string) => {
    const flag = readSqliteBool(value);
    return flag === null ? null : flag ? '1' : '0';
  },
  accepted: SQLITE_BOOL_WORDS,
};

function oneOf(names: readonly string[], numbered = false): Pick<PragmaSpec, 'normalise' | 'accepted'> {
  return {
    normalise: (value) => {
      const upper = value.toUpperCase();
      if (names.includes(upper)) return upper;
      if (numbered && /^\d$/.test(value) && Number(value) < names.length) return names[Number(value)]!;
      return null;
    },
    accepted: `${names.join(', ')}${numbered ? ` (or 0-${names.length - 1})` : ''}, any case`,
  };
}

/** strconv.ParseInt(value, 10, 64), as mattn/go-sqlite3 reads _busy_timeout and _cache_size (-1 is fine). */
const integer = {
  normalise: (value: string) => (/^[+-]?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? String(Number(value)) : null),
  accepted: 'a whole number',
};

export const PRAGMA_SPECS: readonly PragmaSpec[] = [
  { pragma: 'foreign_keys', key: '_foreign_keys', alias: '_fk', ...bool },
  { pragma: 'journal_mode', key: '_journal_mode', alias: '_journal', ...oneOf(['DELETE', 'TRUNCATE', 'PERSIST', 'MEMORY', 'WAL', 'OFF']) },
  { pragma: 'busy_timeout', key: '_busy_timeout', alias: '_timeout', ...integer },
  { pragma: 'synchronous', key: '_synchronous', alias: '_sync', ...oneOf(['OFF', 'NORMAL', 'FULL', 'EXTRA'], true) },
  { pragma: 'auto_vacuum', key: '_auto_vacuum', alias: '_vacuum', ...oneOf(['NONE', 'FULL', 'INCREMENTAL'], true) },
  { pragma: 'case_sensitive_like', key: '_case_sensitive_like', alias: '_cslike', ...bool },
  { pragma: 'defer_foreign_keys', key: '_defer_foreign_keys', alias: '_defer_fk', ...bool },
  { pragma: 'recursive_triggers', key: '_recursive_triggers', alias: '_rt', ...bool },
  { pragma: 'ignore_check_constraints', key: '_ignore_check_constraints', ...bool },
  { pragma: 'query_only', key: '_query_only', ...bool },
  { pragma: 'writable_schema', key: '_writable_schema', ...bool },
  {
    pragma: 'secure_delete',
    key: '_secure_delete',
    normalise: (value) => (value.toLowerCase() === 'fast' ? 'FAST' : bool.normalise(value)),
    accepted: `${SQLITE_BOOL_WORDS}, or FAST`,
  },
  { pragma: 'cache_size', key: '_cache_size', ...integer },
  { pragma: 'locking_mode', key: '_locking_mode', alias: '_locking', ...oneOf(['NORMAL', 'EXCLUSIVE']) },
];

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function findPragmaByKey(key: string): { spec: PragmaSpec; viaAlias: boolean } | undefined {
  for (const spec of PRAGMA_SPECS) {
    if (spec.key === key) return { spec, viaAlias: false };
    if (spec.alias === key) return { spec, viaAlias: true };
  }
  return undefined;
}

/** Non-PRAGMA parameters the Go SQLite drivers understand. */
export const SQLITE_OTHER_PARAMS = new Set([
  '_txlock',
  '_loc',
  '_mutex',
  '_auth',
  '_auth_user',
  '_auth_pass',
  '_auth_crypt',
  '_auth_salt',
  '_time_format',
  '_pragma',
  'mode',
  'cache',
  'immutable',
  'vfs',
  'psow',
  'nolock',
]);
