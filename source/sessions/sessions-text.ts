// The sessions report as text: the limits line, one row per group, the budget.
import type { ServerSession } from '../adapters/adapter.js';
import { ageText } from './age-text.js';
import type { ConnectionBudget } from './connection-budget.js';
import type { Headroom, SessionGroup } from './group-sessions.js';
import { escapeControls } from '../output/value-text.js';

export interface SessionsReport {
  target: string;
  limits: Headroom;
  groups: SessionGroup[];
  sessions: ServerSession[];
  budget: ConnectionBudget;
  replicasFrom: 'option' | 'profile' | 'default';
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function limitsLine(room: Headroom): string {
  if (room.maxConnections === null) return `${room.open} client sessions open; max_connections unknown`;
  return `${room.open} of max_connections ${room.maxConnections} open, ${room.reserved} reserved (${room.reservedDetail}): ${room.free} free for ordinary users`;
}

export function budgetLine(budget: ConnectionBudget, replicasFrom: SessionsReport['replicasFrom']): string {
  const source =
    replicasFrom === 'option' ? '' : replicasFrom === 'profile' ? ' (from the profile)' : " (give --replicas N for the Deployment's count)";
  if (budget.total === null) return `${budget.replicas} replica${budget.replicas === 1 ? '' : 's'}${source} × unlimited max_conns`;
  const against =
    budget.available === null
      ? 'max_connections unknown'
      : `${budget.available} slots left (${budget.slots} − ${budget.heldByOthers} held by others)`;
  return `${budget.replicas} replica${budget.replicas === 1 ? '' : 's'}${source} × max_conns ${budget.maxConnsPerReplica} + 1 migration job = ${budget.total} connections; ${against}${budget.fits === true ? ': fits' : ''}`;
}

export function formatSessions(report: SessionsReport): string {
  const lines = [`target      ${report.target}`, `connections ${limitsLine(report.limits)}`, ''];
  const rows = [['APPLICATION', 'USER', 'CLIENT', 'TOTAL', 'ACTIVE', 'IDLE', 'IDLE IN TX (OLDEST)']];
  for (const g of report.groups) {
    const idleTx = g.idleInTransaction === 0 ? '0' : `${g.idleInTransaction} (${ageText(g.oldestIdleInTransactionMs)})`;
    rows.push([
      g.application || '(none)',
      g.user || '?',
      g.client || '?',
      String(g.total) + (g.includesSelf ? '*' : ''),
      String(g.active),
      String(g.idle),
      idleTx,
    ]);
  }
  lines.push(...table(rows), '* includes this dsnsh session', '');
  lines.push(`budget      ${budgetLine(report.budget, report.replicasFrom)}`);
  if (report.budget.warning) lines.push(`warning     ${report.budget.warning}`);
  return lines.map((line) => `${escapeControls(line)}\n`).join('');
}
