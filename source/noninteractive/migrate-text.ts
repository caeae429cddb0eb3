// Plain-text pieces of the migrate command's output: aligned tables (Ory's tabwriter layout) and
// one-line descriptions of summaries, plans and failures.
import type { MigrationFailure, MigrationSummary, PlanStep, ToolReport } from '../migrations/index.js';

/** Columns separated by three spaces, like Ory's `migrate status` table. */
export function alignedTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

const TOOL_NAMES: Record<ToolReport['tool'], string> = {
  ory: 'Ory (pop/popx)',
  'golang-migrate': 'golang-migrate',
  goose: 'goose',
  flyway: 'Flyway',
  prisma: 'Prisma',
  knex: 'knex',
  rails: 'Rails (ActiveRecord)',
};

export function toolName(tool: ToolReport['tool']): string {
  return TOOL_NAMES[tool];
}

function latestText(latest: MigrationSummary['latest']): string {
  if (!latest) return 'none';
  const name = latest.name ? ` ${latest.name}` : '';
  return `${latest.version}${name}${latest.appliedAt ? ` at ${latest.appliedAt}` : ' (time not recorded)'}`;
}

function toolLine(report: ToolReport): string {
  const count = report.appliedCount === null ? 'current version only' : `${report.appliedCount} applied`;
  return `${toolName(report.tool)} (${report.table}): ${count}, latest ${latestText(report.latest)}${report.failed ? `; FAILED: ${report.failure}` : ''}`;
}

/** The summary lines of `migrate status` (after the table, or alone without a folder). */
export function summaryLines(summary: MigrationSummary): string[] {
  const lines: string[] = [];
  if (summary.tool === null) {
    lines.push('No migration table found: nothing applied (looked for schema_migration and the tables of golang-migrate, goose, Flyway, Prisma, knex, Rails).');
  } else {
    const table = summary.table ?? 'schema_migration (not created yet)';
    lines.push(`Tool:     ${toolName(summary.tool)}, table ${table}${summary.legacyLayout ? ' (older 14-character layout; `migrate up` moves it to the current one)' : ''}`);
    lines.push(`Applied:  ${summary.appliedCount === null ? 'unknown (the tool keeps only the current version)' : summary.appliedCount}`);
    if (summary.pendingCount !== null) lines.push(`Pending:  ${summary.pendingCount}`);
    if (summary.unknownCount) lines.push(`No file:  ${summary.unknownCount} applied version(s) that no file in ${summary.dir} explains`);
    lines.push(`Latest:   ${latestText(summary.latest)}`);
    if (summary.failed) lines.push(`State:    FAILED: ${summary.failure}`);
  }
  for (const other of summary.otherTools) lines.push(`Also:     ${toolLine(other)}`);
  return lines;
}

/** The plan's lines, columns aligned: version, name, file, notes. */
export function planStepLines(steps: readonly PlanStep[]): string[] {
  const nameWidth = Math.max(...steps.map((s) => s.name.length));
  return steps.map((step) => {
    const notes = [step.file.autocommit ? 'autocommit' : null, step.action === 'record' ? 'applied under its 14-digit version: only recorded' : null].filter(Boolean);
    return `  ${step.version}  ${step.name.padEnd(nameWidth)}  ${step.file.file}${notes.length > 0 ? `  [${notes.join('; ')}]` : ''}`;
  });
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

export function failureLines(failure: MigrationFailure, counts: { done: number; notRun: number }, transactional: boolean): string[] {
  const lines: string[] = [];
  if (failure.file === null) {
    lines.push(`dsnsh: error: ${failure.message}`);
  } else {
    lines.push(`dsnsh: error: migration ${failure.version} failed: ${failure.file}${failure.line === null ? '' : `, line ${failure.line}`}`);
    if (failure.statement !== null) lines.push('  statement:', indent(failure.statement.length > 2000 ? `${failure.statement.slice(0, 2000)}…` : failure.statement));
    lines.push(`  server: ${failure.message}${failure.code ? ` (${failure.code})` : ''}`);
    if (failure.statement !== null) {
      lines.push(
        transactional
          ? '  This migration was rolled back and is not recorded.'
          : failure.partialStatements > 0
            ? `  It ran without a transaction: its first ${failure.partialStatements} statement(s) stayed applied; its version is not recorded. Undo or finish them by hand, then run again.`
            : '  Its version is not recorded.',
      );
    }
  }
  lines.push(`  ${counts.done} earlier migration(s) completed and recorded; ${counts.notRun} later migration(s) not run.`);
  return lines;
}
