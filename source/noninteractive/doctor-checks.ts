// What `dsnsh doctor` finds out about a target, as data (printed as text or JSON by the command).
import { performance } from 'node:perf_hooks';
import type { Adapter, Figure } from '../adapters/adapter.js';
import type { ParsedDsn, PoolSettings } from '../dsn/types.js';
import { readMigrationSummary } from '../migrations/index.js';
import type { ServerChecks } from './doctor-server-checks.js';

export interface DoctorReport extends ServerChecks {
  target: {
    dsn: string;
    source: string;
    profile: string | null;
    /** --pid / --config: where the DSN was found, and the process ("kratos serve (pid 1)") */
    origin?: string;
    label?: string;
    notes?: string[];
    /** No DSN given: processes visible here that have one (dsnsh --pid PID) */
    candidates?: Array<{ pid: number; label: string; via: string }>;
  };
  backend: ParsedDsn['backend'];
  usable: boolean;
  warnings: string[];
  connect: { ok: true; ms: number } | { ok: false; kind: string; message: string; hint: string | null };
  tls?: { encrypted: boolean; verified: boolean } | { unknown: string };
  server?: { product: string; version: string };
  latencyMs?: number;
  pool: PoolSettings;
  /** How long doctor waits for the server (connecting, then the checks) */
  timeoutMs?: number;
  sessions?: { app: number | string; total: number | string; max: number | string };
  details?: Record<string, string>;
  migrations?: {
    tool: string | null;
    table: string | null;
    applied: number | null;
    latest: { version: string; name: string | null } | null;
    pending: number | null;
    problem: string | null;
    warnings: string[];
  };
}

const ROUND_TRIPS = 3;

export async function measureLatency(adapter: Adapter, signal?: AbortSignal): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i += 1) {
    const started = performance.now();
    await adapter.run('SELECT 1', signal ? { signal } : {});
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return round(samples[Math.floor(samples.length / 2)]!);
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function figure<T>(value: Figure<T>): T | string {
  return value.ok ? value.value : `unknown (${value.reason})`;
}

/** Everything after a successful connect; a failing check is reported, never thrown. */
export async function inspect(adapter: Adapter, report: DoctorReport, migrationsDir: string | null, signal?: AbortSignal): Promise<void> {
  try {
    const facts = await adapter.serverFacts(signal ? { signal } : {});
    report.server = { product: facts.product, version: facts.version };
    report.tls = facts.tls.ok ? facts.tls.value : { unknown: facts.tls.reason };
    // Backends without server sessions (SQLite) report none of the three: leave the line out.
    if (facts.appSessions.ok || facts.totalSessions.ok || facts.maxConnections.ok) {
      report.sessions = { app: figure(facts.appSessions), total: figure(facts.totalSessions), max: figure(facts.maxConnections) };
    }
    report.details = facts.details;
  } catch (error) {
    report.warnings.push(`could not read server facts: ${message(error)}`);
  }
  try {
    report.latencyMs = await measureLatency(adapter, signal);
  } catch (error) {
    report.usable = false;
    report.warnings.push(`SELECT 1 failed: ${message(error)}`);
  }
  try {
    const summary = await readMigrationSummary(adapter, { dir: migrationsDir });
    report.migrations = {
      tool: summary.tool,
      table: summary.table,
      applied: summary.appliedCount,
      latest: summary.latest ? { version: summary.latest.version, name: summary.latest.name } : null,
      pending: summary.pendingCount,
      problem: summary.problem?.message ?? summary.failure,
      warnings: summary.warnings,
    };
  } catch (error) {
    report.migrations = { tool: null, table: null, applied: null, latest: null, pending: null, problem: message(error), warnings: [] };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
