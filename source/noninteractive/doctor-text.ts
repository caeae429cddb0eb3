// The human-readable doctor report: one fact per line, label first.
import { formatPoolLimit } from '../dsn/pool-text.js';
import type { DoctorReport } from './doctor-checks.js';
import { escapeControls } from '../output/value-text.js';
import { serverLines } from './doctor-server-text.js';

const SOURCES: Record<string, string> = {
  positional: 'given on the command line',
  option: 'from --dsn',
  pid: 'from a running process',
  config: 'from --config',
  env: 'from the DSN environment variable',
  'default-profile': 'the default profile',
  memory: 'built-in memory (no DSN given)',
};

function duration(ms: number): string {
  return ms === 0 ? 'unlimited' : `${ms} ms`;
}

export function formatDoctorReport(report: DoctorReport): string {
  const lines: Array<[string, string]> = [];
  const profile = report.target.profile ? `profile "${report.target.profile}", ` : '';
  const origin = report.target.origin
    ? `${report.target.origin}${report.target.label && report.target.source === 'pid' ? `: ${report.target.label}` : ''}`
    : null;
  lines.push(['target', `${report.target.dsn} (${profile}${origin ?? SOURCES[report.target.source] ?? report.target.source})`]);
  for (const note of report.target.notes ?? []) lines.push(['note', note]);
  const candidates = report.target.candidates ?? [];
  if (candidates.length > 0)
    lines.push([
      'hint',
      `processes with a DSN are visible: ${candidates.map((c) => `${c.label} (pid ${c.pid})`).join(', ')}; use dsnsh doctor --pid ${candidates[0]!.pid}`,
    ]);
  lines.push(['backend', report.backend]);
  for (const warning of report.warnings) lines.push(['warning', warning]);
  if (!report.connect.ok) {
    lines.push(['connect', `FAILED: ${report.connect.message}`]);
    if (report.diagnosis && report.diagnosis.cause !== 'other') {
      lines.push(['cause', `${report.diagnosis.cause}: ${report.diagnosis.explanation}`]);
      lines.push(['fix', report.diagnosis.fix]);
    } else if (report.connect.hint) lines.push(['hint', report.connect.hint]);
  } else {
    lines.push(['connect', `ok in ${report.connect.ms} ms`]);
    if (report.tls) {
      lines.push([
        'tls',
        'unknown' in report.tls
          ? report.tls.unknown
          : !report.tls.encrypted
            ? 'not in use (plaintext)'
            : report.tls.verified
              ? 'in use, certificate verified'
              : 'in use, certificate NOT verified',
      ]);
    }
    if (report.server) {
      const { product, version } = report.server;
      lines.push(['server', version.toLowerCase().includes(product.toLowerCase()) ? version : `${product} ${version}`]);
    }
    if (report.latencyMs !== undefined) lines.push(['latency', `${report.latencyMs} ms (median of 3 round trips)`]);
  }
  lines.push(...serverLines(report));
  const pool = report.pool;
  lines.push([
    'pool',
    `max_conns ${formatPoolLimit(pool.maxConns)}, max_idle_conns ${pool.maxIdleConns}, max_conn_lifetime ${duration(pool.maxConnLifetimeMs)}, max_conn_idle_time ${duration(pool.maxConnIdleTimeMs)}`,
  ]);
  if (report.sessions)
    lines.push(['sessions', `this app ${report.sessions.app}, all ${report.sessions.total}, max ${report.sessions.max}`]);
  for (const [key, value] of Object.entries(report.details ?? {})) lines.push([key, value]);
  if (report.migrations) lines.push(['migrations', migrationsLine(report.migrations)]);
  for (const warning of report.migrations?.warnings ?? []) lines.push(['migrations', warning]);
  lines.push(['result', report.usable && report.connect.ok ? 'usable' : 'NOT usable']);
  const width = Math.max(...lines.map(([label]) => label.length));
  // Values come from the server and the DSN (application_name, messages): never raw escapes.
  return lines.map(([label, value]) => `${escapeControls(label.padEnd(width))}  ${escapeControls(value)}\n`).join('');
}

function migrationsLine(m: NonNullable<DoctorReport['migrations']>): string {
  if (m.problem && m.table === null) return `could not be read: ${m.problem}`;
  if (m.table === null) return 'no migration table found';
  const latest = m.latest ? `, latest ${m.latest.version}${m.latest.name ? ` (${m.latest.name})` : ''}` : '';
  const applied = m.applied === null ? 'applied count unknown' : `${m.applied} applied`;
  const pending = m.pending === null ? '' : `, ${m.pending} pending`;
  const problem = m.problem ? `; ${m.problem}` : '';
  return `${m.tool ?? 'unknown tool'} table ${m.table}: ${applied}${pending}${latest}${problem}`;
}
