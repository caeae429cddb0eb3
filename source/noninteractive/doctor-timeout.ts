// How long `dsnsh doctor` waits for the server, so a readiness check never hangs: `--timeout`
// (a Go duration such as 5s, or seconds), else the DSN's own connect_timeout (PostgreSQL) or
// timeout (MySQL), else 10 s. The same time bounds connecting and, separately, the checks after it.
import type { ParsedDsn } from '../dsn/types.js';
import { nanosToMs, parseGoDuration } from '../dsn/go-duration.js';
import { UsageError } from '../session/usage-error.js';

export const DEFAULT_DOCTOR_TIMEOUT_MS = 10_000;

/** `--timeout` as milliseconds; a bare number is seconds. */
export function parseTimeoutOption(text: string): number {
  const seconds = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : null;
  const parsed = seconds === null ? parseGoDuration(text) : null;
  const ms = seconds !== null ? seconds * 1000 : parsed?.ok ? nanosToMs(parsed.nanos) : Number.NaN;
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new UsageError(
      `--timeout "${text}" is not a positive duration`,
      'use a Go duration or seconds, e.g. --timeout 5s, --timeout 1m30s or --timeout 30',
    );
  }
  return ms;
}

/** The DSN's own connect timeout in ms (0 when it has none: absent, or 0 = wait forever). */
function ownTimeoutMs(dsn: ParsedDsn): number {
  if (dsn.backend === 'postgres' || dsn.backend === 'cockroach') return dsn.connectTimeoutMs;
  if (dsn.backend === 'mysql') return dsn.timeoutMs;
  return 0;
}

/** The DSN doctor connects with, and the time it gives each phase. */
export function withDoctorTimeout(dsn: ParsedDsn, option: number | null): { dsn: ParsedDsn; timeoutMs: number } {
  const timeoutMs = option ?? (ownTimeoutMs(dsn) > 0 ? ownTimeoutMs(dsn) : DEFAULT_DOCTOR_TIMEOUT_MS);
  if (dsn.backend === 'postgres' || dsn.backend === 'cockroach') return { dsn: { ...dsn, connectTimeoutMs: timeoutMs }, timeoutMs };
  if (dsn.backend === 'mysql') return { dsn: { ...dsn, timeoutMs }, timeoutMs };
  return { dsn, timeoutMs };
}

/** Resolves 'timed out' after `ms` unless `work` settles first (the timer never holds the process). */
export function boundedBy<T>(work: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  return Promise.race([work, bound]).finally(() => clearTimeout(timer));
}

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
