// `dsnsh migrate up|down`: print the plan, ask (unless --yes), apply with progress lines, and on
// failure name the file, the statement and the server's error.
import type { Adapter } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import { applyMigrations, planMigrations, type MigrationPlan, type MigrationProblem, type MigrationRunResult, type ProgressEvent } from '../migrations/index.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { watchInterrupt } from './interrupt.js';
import { confirm } from './migrate-confirm.js';
import { failureLines, planStepLines } from './migrate-text.js';

export interface ApplyCommand {
  direction: 'up' | 'down';
  dir: string;
  steps: number | undefined;
  yes: boolean;
  format: 'table' | 'json';
  /** Safe to print */
  redactedTarget: string;
}

const CONNECTION_KINDS = new Set(['connect', 'auth', 'tls', 'timeout', 'driver-unavailable']);

export function exitForProblem(problem: MigrationProblem): ExitCode {
  if (problem.kind === 'folder') return EXIT.usage;
  return problem.cause instanceof AdapterError && !CONNECTION_KINDS.has(problem.cause.kind) ? EXIT.statement : EXIT.connection;
}

function planText(plan: MigrationPlan, command: ApplyCommand): string {
  const verb = plan.direction === 'up' ? 'apply' : 'roll back';
  const lines = [`Plan: ${verb} ${plan.steps.length} migration(s) on ${command.redactedTarget} (dialect ${plan.status.summary.dialect}):`];
  if (plan.tableAction === 'create') lines.push('  create table schema_migration (Ory\'s layout)');
  if (plan.tableAction === 'upgrade-legacy') lines.push('  move schema_migration to the current layout (the old table is kept as schema_migration_pop_legacy)');
  lines.push(...planStepLines(plan.steps));
  return `${lines.join('\n')}\n`;
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
      const how = r.status === 'skipped' ? 'skipped (another run did it meanwhile)' : r.status === 'failed' ? 'FAILED' : `${r.status}${r.transactional ? '' : ' (no transaction)'}`;
      return `${r.file}: ${how}`;
    }
  }
}

function resultJson(plan: MigrationPlan, run: MigrationRunResult | null): object {
  return {
    direction: plan.direction,
    tableAction: plan.tableAction,
    plan: plan.steps.map((s) => ({ version: s.version, name: s.name, file: s.file.file, action: s.action, autocommit: s.file.autocommit })),
    results: run?.results ?? [],
    failure: run?.failure ?? null,
  };
}

export async function runApply(adapter: Adapter, command: ApplyCommand): Promise<ExitCode> {
  const json = command.format === 'json';
  const planned = await planMigrations(adapter, { dir: command.dir, direction: command.direction, steps: command.steps });
  const status = planned.ok ? planned.plan.status : planned.status;
  for (const warning of status?.summary.warnings ?? []) process.stderr.write(`dsnsh: warning: ${warning}\n`);
  if (!planned.ok) {
    process.stderr.write(`dsnsh: error: ${planned.problem.message}\n`);
    return exitForProblem(planned.problem);
  }
  const { plan } = planned;
  if (plan.steps.length === 0) {
    if (json) process.stdout.write(`${JSON.stringify(resultJson(plan, null), null, 2)}\n`);
    else process.stdout.write(command.direction === 'up' ? 'Nothing to apply: every migration of the folder is applied.\n' : 'Nothing to roll back: no migration of the folder is applied.\n');
    return EXIT.ok;
  }
  // The plan goes to stderr with JSON output so that stdout stays one JSON document.
  (json ? process.stderr : process.stdout).write(planText(plan, command));
  if (!command.yes) {
    const answer = await confirm(`${command.direction === 'up' ? 'Apply' : 'Roll back'} ${plan.steps.length} migration(s)?`);
    if (answer === 'no-tty') {
      process.stderr.write('dsnsh: error: refusing to change the database without confirmation: stdin is not a terminal.\nhint: review the plan above, then run again with --yes\n');
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
        if (line !== null) (json ? process.stderr : process.stdout).write(`${line}\n`);
      },
    });
  } finally {
    interrupt.dispose();
  }
  if (json) process.stdout.write(`${JSON.stringify(resultJson(plan, run), null, 2)}\n`);
  if (!run.failure) {
    if (!json) process.stdout.write(`Done: ${run.results.filter((r) => r.status !== 'skipped').length} migration(s) ${command.direction === 'up' ? 'applied' : 'rolled back'}.\n`);
    return EXIT.ok;
  }
  const failed = run.results.find((r) => r.status === 'failed');
  const counts = {
    done: run.results.filter((r) => r.status !== 'failed' && r.status !== 'not-run').length,
    notRun: run.results.filter((r) => r.status === 'not-run').length,
  };
  process.stderr.write(`${failureLines(run.failure, counts, failed?.transactional ?? false).join('\n')}\n`);
  if (interrupt.signal.aborted) {
    process.stderr.write('dsnsh: interrupted; the running migration was cancelled\n');
    return EXIT.interrupted;
  }
  return run.failure.kind === 'connection' ? EXIT.connection : EXIT.statement;
}
