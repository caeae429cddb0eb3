// The four pool keys Ory reads from every DSN (ory/x sqlcon ParseConnectionOptions) and the way
// pop and Go's database/sql then apply them. Ory logs a warning and keeps the default when a
// value does not parse; dsnsh does the same and says so. A key is removed from the DSN only when
// its (first) value is non-empty and the query parsed: otherwise it reaches the driver.
import type { GoQuery } from './go-query.js';
import { firstValues } from './go-query.js';
import { nanosToMs, parseGoDuration } from './go-duration.js';
import { parseGoInt } from './go-int.js';
import type { PoolSettings } from './types.js';

export const POOL_KEYS = ['max_conns', 'max_idle_conns', 'max_conn_lifetime', 'max_conn_idle_time'] as const;
export type PoolKey = (typeof POOL_KEYS)[number];

/** database/sql keeps two idle connections when nothing sets the limit (defaultMaxIdleConns). */
export const DATABASE_SQL_DEFAULT_IDLE = 2;

export function isPoolKey(key: string): key is PoolKey {
  return (POOL_KEYS as readonly string[]).includes(key);
}

export function defaultPool(cpuCount: number): PoolSettings {
  return { maxConns: cpuCount * 2, maxIdleConns: cpuCount, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 };
}

export interface OryPool {
  pool: PoolSettings;
  /** Pool keys Ory removes before the driver sees the DSN */
  removed: ReadonlySet<string>;
  /** The pool keys as given (first value, decoded), for display */
  given: Record<string, string>;
}

/** ParseConnectionOptions, then pop's Set* calls as database/sql applies them. */
export function readOryPool(query: GoQuery | null, cpuCount: number, warnings: string[]): OryPool {
  const defaults = defaultPool(cpuCount);
  const given: Record<string, string> = {};
  const removed = new Set<string>();
  if (query === null) return { pool: defaults, removed, given };
  const first = firstValues(query.pairs);
  for (const key of POOL_KEYS) {
    const pair = first.get(key);
    if (pair) given[key] = pair.value;
  }
  if (query.error !== null) {
    if (Object.keys(given).length > 0) {
      warnings.push(
        `The pool keys are not read: Ory's services cannot parse this query (${query.error}), keep the DSN unchanged and use the default pool; ${Object.keys(given).join(', ')} then reach the driver as ordinary parameters.`,
      );
    }
    return { pool: finalPool(defaults, defaults.maxConns, defaults.maxIdleConns), removed, given };
  }

  let maxConns = defaults.maxConns;
  let maxIdle = defaults.maxIdleConns;
  let lifetime = 0;
  let idleTime = 0;
  for (const key of POOL_KEYS) {
    const value = given[key];
    if (value === undefined) continue;
    if (value === '') {
      warnings.push(
        `${key} is empty: Ory does not remove it, so it reaches the driver as an ordinary parameter (a server setting or session variable), where it fails; give a value or leave ${key} out.`,
      );
      continue;
    }
    removed.add(key);
    if (key === 'max_conns' || key === 'max_idle_conns') {
      const fallback = key === 'max_conns' ? defaults.maxConns : defaults.maxIdleConns;
      const parsed = parseGoInt(value);
      if (parsed === null)
        warnings.push(`${key}: "${value}" is not an integer; the default ${fallback} applies (as in Ory, which logs a warning).`);
      else if (key === 'max_conns') maxConns = parsed;
      else maxIdle = parsed;
    } else {
      const ms = readPoolDuration(key, value, warnings);
      if (key === 'max_conn_lifetime') lifetime = ms;
      else idleTime = ms;
    }
  }
  const pool = finalPool({ ...defaults, maxConnLifetimeMs: lifetime, maxConnIdleTimeMs: idleTime }, maxConns, maxIdle);
  if (maxConns <= 0 && given.max_conns !== undefined && removed.has('max_conns'))
    warnings.push(
      `max_conns: ${maxConns} means no limit on open connections (pop skips SetMaxOpenConns; database/sql's default is unlimited).`,
    );
  if (maxIdle === 0 && removed.has('max_idle_conns'))
    warnings.push(
      `max_idle_conns: 0 means database/sql's default of ${DATABASE_SQL_DEFAULT_IDLE} idle connections (pop skips SetMaxIdleConns), not "none".`,
    );
  if (maxIdle > 0 && maxConns > 0 && maxIdle > maxConns)
    warnings.push(
      `max_idle_conns ${maxIdle} exceeds max_conns ${maxConns}; ${maxConns} applies (Go's database/sql lowers it the same way).`,
    );
  return { pool, removed, given };
}

/**
 * pop: `if Pool != 0 { SetMaxOpenConns(Pool) }`, then `if IdlePool != 0 { SetMaxIdleConns(IdlePool) }`.
 * database/sql: open <= 0 is unlimited; idle < 0 keeps none, idle unset keeps 2; idle never
 * exceeds a positive open limit. maxConns 0 = unlimited, maxIdleConns 0 = none kept.
 */
function finalPool(base: PoolSettings, maxConns: number, maxIdle: number): PoolSettings {
  const open = maxConns > 0 ? maxConns : 0;
  let idle = maxIdle === 0 ? DATABASE_SQL_DEFAULT_IDLE : maxIdle < 0 ? 0 : maxIdle;
  if (open > 0 && idle > open) idle = open;
  return { ...base, maxConns: open, maxIdleConns: idle };
}

function readPoolDuration(key: PoolKey, value: string, warnings: string[]): number {
  const parsed = parseGoDuration(value);
  if (!parsed.ok) {
    warnings.push(
      `${key}: "${value}" is not a Go duration (${parsed.reason}; e.g. 30s, 5m, 1h30m); the default 0 (unlimited) applies (as in Ory, which logs a warning).`,
    );
    return 0;
  }
  if (parsed.nanos < 0n) {
    warnings.push(`${key}: "${value}" is negative, which Go treats as unlimited (0).`);
    return 0;
  }
  return nanosToMs(parsed.nanos);
}
