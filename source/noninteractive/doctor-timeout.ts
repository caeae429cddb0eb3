// How long `dsnsh doctor` waits for the server, so a readiness check never hangs: `--timeout`
// (a Go duration such as 5s, or seconds), else the DSN's own connect timeout as its backend
// module reads it (PostgreSQL connect_timeout, MySQL timeout), else 10 s. The same time bounds connecting and, separately, the checks after it.
import { descriptorFor } from '../adapters/backend-descriptors.js';
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

/** The DSN doctor connects with, and the time it gives each phase. */
export function withDoctorTimeout(dsn: ParsedDsn, option: number | null): { dsn: ParsedDsn; timeoutMs: number } {
  const { server } = descriptorFor(dsn);
  const own = server.connectTimeoutMs(dsn);
  const timeoutMs = option ?? (own > 0 ? own : DEFAULT_DOCTOR_TIMEOUT_MS);
  return { dsn: server.withConnectTimeout(dsn, timeoutMs), timeoutMs };
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
