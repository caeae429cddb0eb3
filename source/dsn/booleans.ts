// The two boolean grammars DSNs use.

/** Go MySQL driver (readBool): 1 true TRUE True / 0 false FALSE False. Case matters. */
export function readMysqlBool(value: string): boolean | null {
  if (value === '1' || value === 'true' || value === 'TRUE' || value === 'True') return true;
  if (value === '0' || value === 'false' || value === 'FALSE' || value === 'False') return false;
  return null;
}

export const MYSQL_BOOL_WORDS = 'true, false, 1 or 0 (also TRUE/True/FALSE/False)';

/** SQLite drivers: 1 yes true on / 0 no false off, any case. */
export function readSqliteBool(value: string): boolean | null {
  const lower = value.toLowerCase();
  if (lower === '1' || lower === 'yes' || lower === 'true' || lower === 'on') return true;
  if (lower === '0' || lower === 'no' || lower === 'false' || lower === 'off') return false;
  return null;
}

export const SQLITE_BOOL_WORDS = '1, yes, true, on / 0, no, false, off (any case)';
