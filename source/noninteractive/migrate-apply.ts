// `dsnsh migrate up|down`: print the plan with the SQL that will run (as Ory's migrator does), ask
// (unless --yes), apply with progress lines, and on failure name the file, the statement and the
// server's error. A Go migration next in line ends the run with exit 1: only the service runs it.
import type { Adapter } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import {
  applyMigrations,
  isMigrationEmpty,
  planMigrations,
  readPlanContents,
  type MigrationPlan,
  type MigrationProblem,
  type MigrationRunResult,
  type ProgressEvent,
} from '../migrations/index.js';
import { EXIT, type ExitCode } from '../session/exit-codes.js';
import { interruptExitCode, interruptedWord, watchInterrupt } from '../session/interrupt.js';
import { confirm } from './migrate-confirm.js';
import { failureLines, planSqlText, planStepLines, stopLines } from './migrate-text.js';
import { escapeControls, escapeLines } from '../text/escape-controls.js';
import { printWarning } from '../session/report-error.js';

export interface ApplyCommand {
  direction: 'up' | 'down';
  dirs: string[];
  steps: number | undefined;
  yes: boolean;
  format: 'table' | 'json';
  /** Safe to print */
  redactedTarget: string;
}

const CONNECTION_KINDS = new Set(['connect', 'auth', 'tls', 'timeout', 'driver-unavailable']);

export function exitForProblem(problem: MigrationProblem): ExitCode {
  if (problem.kind === 'folder' || problem.kind === 'dialect') return EXIT.usage;
  return problem.cause instanceof AdapterError && !CONNECTION_KINDS.has(problem.cause.kind) ? EXIT.statement : EXIT.connection;
}

function planText(plan: MigrationPlan, command: ApplyCommand, contents: readonly string[]): string {
  const verb = plan.direction === 'up' ? 'apply' : 'roll back';
  const lines = [`Plan: ${verb} ${plan.steps.length} migration(s) on ${command.redactedTarget} (dialect ${plan.status.summary.dialect}):`];
  if (plan.defaultSteps) lines.push('  (down rolls back 1 migration unless --steps N says how many)');
  if (plan.tableAction === 'create') lines.push("  create table schema_migration (Ory's layout)");
  if (plan.tableAction === 'upgrade-legacy')
    lines.push('  move schema_migration to the current layout (the old table is kept as schema_migration_pop_legacy)');
  lines.push(...planStepLines(plan.steps));
  plan.steps.forEach((step, i) => {
    if (step.action === 'run' && isMigrationEmpty(contents[i]!))
      lines.push(
        `  note: ${step.file.file} holds only comments: nothing is sent, the version is ${plan.direction === 'up' ? 'recorded' : 'removed'} (Ory's rule)`,
      );
  });
  if (plan.stop)
    lines.push(`  then stop: ${plan.stop.version} ${plan.stop.name} is a Go migration (${plan.stop.file}), which only the service can run`);
  return `${lines.join('\n')}\n\nThe SQL statements to be executed from top to bottom are:\n\n${planSqlText(plan, contents)}`;
}

function progressLine(event: ProgressEvent): string | null {
  switch (event.type) {
    case 'waiting-for-lock':
      return `${event.message}…`;
    case 'warning':
      return `warning: ${event.message}`;
    case 'table':
      return event.action === 'create' ? 'created table schema_migration' : 'moved schema_migration to the current layout';
    case 'step-start':
      return null;
    case 'step-done': {
      const r = event.result;
      const notes = [
        r.empty ? 'only comments: nothing sent' : null,
        !r.transactional && !r.empty && r.status !== 'skipped' && r.status !== 'failed'
          ? r.oneString
            ? 'no transaction, sent as one string'
            : 'no transaction'
          : null,
      ].filter(Boolean);
      const how =
        r.status === 'skipped'
          ? 'skipped (another run did it meanwhile)'
          : r.status === 'failed'
            ? 'FAILED'
            : `${r.status}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
      return `${r.file}: ${how}`;
    }
  }
}

function resultJson(plan: MigrationPlan, run: MigrationRunResult | null): object {
  return {
    direction: plan.direction,
    tableAction: plan.tableAction,
    plan: plan.steps.map((s) => ({ version: s.version, name: s.name, file: s.file.file, action: s.action, autocommit: s.file.autocommit })),
    stop: plan.stop,
    results: run?.results ?? [],
    failure: run?.failure ?? null,
    foreignKeyViolations: run?.foreignKeyViolations ?? null,
    warnings: run?.warnings ?? [],
  };
}

/** "Done: 1 migration(s) applied, 7 recorded under their full version." — each count as it happened. */
function doneLine(run: MigrationRunResult): string {
  const count = (status: string) => run.results.filter((r) => r.status === status).length;
  const parts: string[] = [];
  const applied = count('applied');
  const reverted = count('reverted');
  if (run.direction === 'up') parts.push(`${applied} migration(s) applied`);
  else parts.push(`${reverted} migration(s) rolled back`);
  const empty = run.results.filter((r) => r.empty && (r.status === 'applied' || r.status === 'reverted')).length;
  if (empty > 0) parts.push(`${empty} of them only comments (nothing sent)`);
  const recorded = count('recorded');
  if (recorded > 0) parts.push(`${recorded} recorded under their full version (applied before under a 14-digit one)`);
  const skipped = count('skipped');
  if (skipped > 0) parts.push(`${skipped} skipped (another run did them meanwhile)`);
  return `Done: ${parts.join(', ')}.`;
}

function violationLines(run: MigrationRunResult): string[] {
  const violations = run.foreignKeyViolations ?? [];
  if (violations.length === 0) return [];
  const byTable = new Map<string, { parent: string; rowids: string[] }>();
  for (const v of violations) {
    const key = `${v.table}\u0000${v.parent}`;
    const entry = byTable.get(key) ?? { parent: v.parent, rowids: [] };
    entry.rowids.push(v.rowid ?? '?');
    byTable.set(key, entry);
  }
  const lines = [
    `dsnsh: warning: PRAGMA foreign_key_check finds ${violations.length} row(s) without their parent row (the migrations ran with foreign keys off, as Ory's migrator runs them):`,
  ];
  for (const [key, { parent, rowids }] of byTable) {
    const shown = rowids.slice(0, 10).join(', ') + (rowids.length > 10 ? `, … (${rowids.length} in all)` : '');
    lines.push(`  ${key.split('\u0000')[0]} → ${parent}: rowid ${shown}`);
  }
  lines.push('hint: these rows were already there or a migration left them; fix them before the service writes to these tables');
  return lines;
}

export async function runApply(adapter: Adapter, command: ApplyCommand): Promise<ExitCode> {
  const json = command.format === 'json';
  // The plan and progress go to stderr with JSON output so that stdout stays one JSON document.
  const out = json ? process.stderr : process.stdout;
  const planned = await planMigrations(adapter, { dirs: command.dirs, direction: command.direction, steps: command.steps });
  const status = planned.ok ? planned.plan.status : planned.status;
  for (const warning of status?.summary.warnings ?? []) printWarning(warning);
  if (!planned.ok) {
    process.stderr.write(`dsnsh: error: ${escapeControls(planned.problem.message)}\n`);
    return exitForProblem(planned.problem);
  }
  const { plan } = planned;
  if (plan.steps.length === 0) {
    if (json) process.stdout.write(`${JSON.stringify(resultJson(plan, null), null, 2)}\n`);
    if (plan.stop) {
      process.stderr.write(`${escapeLines(stopLines(plan.stop, 0).join('\n'))}\n`);
      return EXIT.statement;
    }
    if (!json)
      process.stdout.write(
        command.direction === 'up'
          ? 'Nothing to apply: every migration of the folder is applied.\n'
          : 'Nothing to roll back: no migration of the folder is applied.\n',
      );
    return EXIT.ok;
  }
  const contents = await readPlanContents(plan);
  if (!contents.ok) {
    process.stderr.write(`dsnsh: error: ${escapeControls(contents.error)}\n`);
    return EXIT.usage;
  }
  out.write(escapeLines(planText(plan, command, contents.contents)));
  if (!command.yes) {
    const answer = await confirm(`${command.direction === 'up' ? 'Apply' : 'Roll back'} ${plan.steps.length} migration(s)?`);
    if (answer === 'no-tty') {
      process.stderr.write(
        'dsnsh: error: refusing to change the database without confirmation: stdin is not a terminal.\nhint: review the plan above, then run again with --yes\n',
      );
      return EXIT.usage;
    }
    if (answer === 'no') {
      process.stderr.write('Nothing changed.\n');
      return EXIT.ok;
    }
  }
  // Ctrl+C cancels the running statement on the server, so its transaction rolls back now instead
  // of holding locks (and the run lock) until the server notices the client is gone.
  const interrupt = watchInterrupt();
  let run: MigrationRunResult;
  try {
    run = await applyMigrations(adapter, plan, {
      signal: interrupt.signal,
      onProgress: (event) => {
        const line = progressLine(event);
        if (line !== null) out.write(`${escapeControls(line)}\n`);
      },
    });
  } finally {
    interrupt.dispose();
  }
  if (json) process.stdout.write(`${JSON.stringify(resultJson(plan, run), null, 2)}\n`);
  const trailer = [...violationLines(run), ...run.warnings.map((w) => `dsnsh: warning: ${w}`)];
  if (!run.failure) {
    if (!json) process.stdout.write(`${doneLine(run)}\n`);
    if (trailer.length > 0) process.stderr.write(`${escapeLines(trailer.join('\n'))}\n`);
    if (plan.stop) {
      process.stderr.write(`${escapeLines(stopLines(plan.stop, plan.steps.length).join('\n'))}\n`);
      return EXIT.statement;
    }
    return EXIT.ok;
  }
  const failed = run.results.find((r) => r.status === 'failed');
  const counts = {
    done: run.results.filter((r) => r.status !== 'failed' && r.status !== 'not-run').length,
    notRun: run.results.filter((r) => r.status === 'not-run').length,
  };
  process.stderr.write(`${escapeLines(failureLines(run.failure, counts, failed?.transactional ?? false, command.direction).join('\n'))}\n`);
  if (plan.stop)
    process.stderr.write(
      `  Not planned either: the Go migration ${plan.stop.version} (${escapeControls(plan.stop.name)}) and what comes after it; only the service runs it.\n`,
    );
  if (trailer.length > 0) process.stderr.write(`${escapeLines(trailer.join('\n'))}\n`);
  if (interrupt.signal.aborted) {
    process.stderr.write(`dsnsh: ${interruptedWord()}; the running migration was cancelled\n`);
    return interruptExitCode();
  }
  return run.failure.kind === 'connection' ? EXIT.connection : EXIT.statement;
}
