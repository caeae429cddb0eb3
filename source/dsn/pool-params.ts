// The four pool keys Ory reads from every DSN and removes before the driver sees it. Ory logs a
// warning and keeps the default when a value does not parse; dsnsh does the same and says so.
import { nanosToMs, parseGoDuration } from './go-duration.js';
import { parseGoInt } from './go-int.js';
import type { QueryEntry } from './query-string.js';
import type { PoolSettings } from './types.js';

export const POOL_KEYS = ['max_conns', 'max_idle_conns', 'max_conn_lifetime', 'max_conn_idle_time'] as const;
export type PoolKey = (typeof POOL_KEYS)[number];

export function isPoolKey(key: string): key is PoolKey {
  return (POOL_KEYS as readonly string[]).includes(key);
}

export function defaultPool(cpuCount: number): PoolSettings {
  return { maxConns: cpuCount * 2, maxIdleConns: cpuCount, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 };
}

/** Reads the pool keys among `entries`; the caller drops them from the driver's parameters. */
export function readPoolSettings(entries: readonly QueryEntry[], cpuCount: number, warnings: string[]): PoolSettings {
  const pool = defaultPool(cpuCount);
  const given = new Map<string, string>();
  for (const entry of entries) {
    if (!isPoolKey(entry.key)) continue;
    // Ory treats an empty value as absent.
    if (entry.value === '') warnings.push(`${entry.key} is empty; the default applies.`);
    else given.set(entry.key, entry.value);
  }

  const maxConns = given.get('max_conns');
  if (maxConns !== undefined) {
    const parsed = parseGoInt(maxConns);
    if (parsed === null) warnings.push(`max_conns: "${maxConns}" is not an integer; the default ${pool.maxConns} applies (as in Ory, which logs a warning).`);
    else if (parsed <= 0) warnings.push(`max_conns: ${parsed} means "no limit" to the service; dsnsh keeps the default ${pool.maxConns}.`);
    else pool.maxConns = parsed;
  }

  const maxIdle = given.get('max_idle_conns');
  if (maxIdle !== undefined) {
    const parsed = parseGoInt(maxIdle);
    if (parsed === null) warnings.push(`max_idle_conns: "${maxIdle}" is not an integer; the default ${pool.maxIdleConns} applies (as in Ory, which logs a warning).`);
    else pool.maxIdleConns = Math.max(0, parsed);
  }
  if (pool.maxIdleConns > pool.maxConns) {
    // Go's database/sql lowers the idle limit to the open limit.
    warnings.push(`max_idle_conns ${pool.maxIdleConns} exceeds max_conns ${pool.maxConns}; ${pool.maxConns} applies (Go's database/sql lowers it the same way).`);
    pool.maxIdleConns = pool.maxConns;
  }

  pool.maxConnLifetimeMs = readPoolDuration('max_conn_lifetime', given.get('max_conn_lifetime'), warnings);
  pool.maxConnIdleTimeMs = readPoolDuration('max_conn_idle_time', given.get('max_conn_idle_time'), warnings);
  return pool;
}

/** The pool keys exactly as given (decoded), for display. */
export function givenPoolParams(entries: readonly QueryEntry[]): Record<string, string> {
  const given: Record<string, string> = {};
  for (const entry of entries) if (isPoolKey(entry.key)) given[entry.key] = entry.value;
  return given;
}

function readPoolDuration(key: PoolKey, value: string | undefined, warnings: string[]): number {
  if (value === undefined) return 0;
  const parsed = parseGoDuration(value);
  if (!parsed.ok) {
    warnings.push(`${key}: "${value}" is not a Go duration (${parsed.reason}; e.g. 30s, 5m, 1h30m); the default 0 (unlimited) applies (as in Ory, which logs a warning).`);
    return 0;
  }
  if (parsed.nanos < 0n) {
    warnings.push(`${key}: "${value}" is negative, which Go treats as unlimited (0).`);
    return 0;
  }
  return nanosToMs(parsed.nanos);
}
