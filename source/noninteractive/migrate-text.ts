// Plain-text pieces of the migrate command's output: dsnsh's summary of a status, plans (with the
// SQL that will run, as Ory's migrator shows it) and failures.
import type { MigrationFailure, MigrationPlan, MigrationSummary, PlanStep, PlanStop, ToolReport } from '../migrations/index.js';
import { goMigrationHint } from './migrate-popx-status.js';

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

function appliedLine(summary: MigrationSummary): string {
  if (summary.appliedCount === null) return 'unknown (the tool keeps only the current version)';
  if (summary.pendingCount === null) return String(summary.appliedCount);
  const total = summary.appliedCount + summary.pendingCount;
  const recorded = summary.recordedCount ?? 0;
  return `${summary.appliedCount} of the folder's ${total} migration(s) (${recorded} version(s) recorded in ${summary.table ?? 'schema_migration'})`;
}

/** The summary lines of `migrate status` (after the table, or alone without a folder). */
export function summaryLines(summary: MigrationSummary): string[] {
  const lines: string[] = [];
  if (summary.tool === null) {
    lines.push(
      'No migration table found: nothing applied (looked for schema_migration and the tables of golang-migrate, goose, Flyway, Prisma, knex, Rails).',
    );
  } else {
    const table = summary.table ?? 'schema_migration (not created yet)';
    lines.push(
      `Tool:     ${toolName(summary.tool)}, table ${table}${summary.legacyLayout ? ' (older 14-character layout; `migrate up` moves it to the current one)' : ''}`,
    );
    lines.push(`Applied:  ${appliedLine(summary)}`);
    if (summary.pendingCount !== null) {
      const go = summary.pendingGoCount ? ` (${summary.pendingGoCount} of them Go migrations, which only the service runs)` : '';
      lines.push(`Pending:  ${summary.pendingCount}${go}`);
    }
    if (summary.unknownCount) lines.push(`No file:  ${summary.unknownCount} recorded version(s) that no file in ${summary.dir} explains`);
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
    const notes = [
      step.file.autocommit ? 'autocommit' : null,
      step.action === 'record' ? 'applied under its 14-digit version: only recorded' : null,
    ].filter(Boolean);
    return `  ${step.version}  ${step.name.padEnd(nameWidth)}  ${step.file.file}${notes.length > 0 ? `  [${notes.join('; ')}]` : ''}`;
  });
}

/** Why a run stops before a Go migration, and what to do. */
export function stopLines(stop: PlanStop, ranBefore: number): string[] {
  const verb = stop.direction === 'up' ? 'up' : 'down';
  const hint = stop.direction === 'up' ? goMigrationHint(stop.service) : `run ${stop.service ?? "the service's"} migrate sql down`;
  const done =
    ranBefore === 0
      ? ''
      : stop.direction === 'up'
        ? `the ${ranBefore} migration(s) before it were applied; `
        : `the ${ranBefore} newer migration(s) were rolled back; `;
  return [
    `dsnsh: error: migration ${stop.version} (${stop.name}) is a Go migration (${stop.file}): dsnsh cannot run it, and does not run past it`,
    `hint: ${done}${hint}, then run \`dsnsh migrate ${verb}\` again for the rest`,
  ];
}

/** popx's plan body: each migration's SQL, top to bottom, under a ruler naming it. */
export function planSqlText(plan: MigrationPlan, contents: readonly string[]): string {
  return plan.steps
    .map((step, i) => {
      const body = step.action === 'record' ? '-- (nothing runs: only its full version is recorded)' : contents[i]!;
      return `------------ ${step.version} - ${step.name} ------------\n${body}\n\n`;
    })
    .join('');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

function stayedText(failure: MigrationFailure, transactional: boolean, direction: 'up' | 'down'): string {
  const recordState = direction === 'up' ? 'its version is not recorded' : 'its version is still recorded (applied)';
  if (transactional)
    return direction === 'up'
      ? '  This migration was rolled back and is not recorded.'
      : '  Its down migration was rolled back: the migration is still applied and recorded.';
  if (failure.oneString && failure.partial === 'none')
    return `  It was sent as one string (as Ory's migrator sends it), which the server ran as one transaction: nothing of it stayed; ${recordState}.`;
  if (failure.partial === 'some')
    return `  It ran without a transaction: its first ${failure.partialStatements} statement(s) stayed applied; ${recordState}. Undo or finish them by hand, then run again.`;
  if (failure.partial === 'unknown')
    return `  It ran without a transaction and the server did not say where it stopped: statements before the failing one may have stayed applied; ${recordState}. Check by hand, then run again.`;
  return `  Its first statement failed, so nothing of it ran; ${recordState}.`;
}

export function failureLines(
  failure: MigrationFailure,
  counts: { done: number; notRun: number },
  transactional: boolean,
  direction: 'up' | 'down',
): string[] {
  const lines: string[] = [];
  const action = direction === 'up' ? 'migration' : 'rolling back migration';
  if (failure.file === null) {
    lines.push(`dsnsh: error: ${failure.message}`);
  } else {
    lines.push(
      `dsnsh: error: ${action} ${failure.version} failed: ${failure.file}${failure.line === null ? '' : `, line ${failure.line}`}`,
    );
    if (failure.statement !== null)
      lines.push('  statement:', indent(failure.statement.length > 2000 ? `${failure.statement.slice(0, 2000)}…` : failure.statement));
    lines.push(`  server: ${failure.message}${failure.code ? ` (${failure.code})` : ''}`);
    if (failure.kind === 'statement') lines.push(stayedText(failure, transactional, direction));
  }
  lines.push(
    direction === 'up'
      ? `  ${counts.done} earlier migration(s) completed and recorded; ${counts.notRun} later migration(s) not run.`
      : `  ${counts.done} newer migration(s) rolled back before it; ${counts.notRun} older migration(s) not rolled back.`,
  );
  return lines;
}
