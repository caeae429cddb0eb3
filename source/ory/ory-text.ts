// The Ory view as text: services and migration version, tables with rows and sizes, then the
// cleanup preview with the statements the services would run (shown, never run).
import type { OryStatus } from './ory-status.js';
import { escapeControls } from '../output/value-text.js';

export interface OryStatusReport extends OryStatus {
  target: string;
  backend: string;
  settings: {
    now: string;
    keepLastMs: number;
    batchSize: number;
    limit: number;
    accessLifespanMs: number;
    refreshLifespanMs: number;
    consentRequestLifespanMs: number;
  };
}

export function bytesText(bytes: number | null): string {
  if (bytes === null) return '?';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

const hours = (ms: number) =>
  ms === 0 ? '0' : ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;

function table(rows: string[][], indent: string): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, column) => (column === 1 || column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
  );
}

export function oryStatusLines(report: OryStatusReport): string[] {
  const lines: string[] = [];
  const m = report.migrations;
  lines.push(`services    ${report.services.length === 0 ? 'none recognised' : report.services.join(', ')}`);
  lines.push(
    `migrations  ${m.table === null ? 'no schema_migration table' : `${m.applied ?? '?'} applied in ${m.table}, latest ${m.latest ? `${m.latest.version}${m.latest.name ? ` (${m.latest.name})` : ''}` : 'none'}`}`,
  );
  if (report.network !== null) lines.push(`network     ${report.network}`);
  for (const note of report.notes) lines.push(`note        ${note}`);
  lines.push('');
  const rows = [['TABLE', 'ROWS', 'SIZE', 'SERVICE']];
  for (const t of report.tables)
    rows.push([t.name, t.rows === null ? '?' : `${t.rowsExact ? '' : '~'}${t.rows}`, bytesText(t.bytes), t.service ?? '']);
  lines.push(...table(rows, ''));
  if (report.tables.some((t) => !t.rowsExact)) lines.push('~ estimated by the server; --exact counts every table');
  if (report.cleanup.length === 0) return lines;
  const s = report.settings;
  lines.push('', `cleanup preview at ${s.now} (read-only: counted, nothing deleted)`);
  for (const service of ['kratos', 'hydra'] as const) {
    const items = report.cleanup.filter((item) => item.service === service);
    if (items.length === 0) continue;
    lines.push(
      service === 'kratos'
        ? `  kratos cleanup sql (batch size ${s.batchSize}, keep-last ${hours(s.keepLastMs)}): one batch per table per run`
        : `  hydra janitor --tokens --requests --grants (limit ${s.limit}, batch size ${s.batchSize}, keep-if-younger ${hours(s.keepLastMs)}, access ${hours(s.accessLifespanMs)}, refresh ${hours(s.refreshLifespanMs)}, login/consent ${hours(s.consentRequestLifespanMs)})`,
    );
    for (const item of items) {
      const count = item.matching === null ? 'not here' : `${item.matching} match, one run removes ${item.oneRun}`;
      lines.push(`    ${item.table}: ${item.what}: ${count}`);
      for (const statement of item.statements) lines.push(`      ${statement}`);
      if (item.note) lines.push(`      (${item.note})`);
    }
  }
  return lines;
}

export function formatOryStatus(report: OryStatusReport): string {
  return [`target      ${report.target}`, ...oryStatusLines(report)].map((line) => `${escapeControls(line)}\n`).join('');
}
