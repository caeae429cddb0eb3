// `dsnsh migrate status`: with a folder, Ory's table (or JSON array) on stdout byte for byte as
// the services print it, so scripts written for `kratos migrate sql status` work; dsnsh's own
// summary goes to stderr, and only on a terminal. `--block` waits as popx does. Without a folder:
// the migration table alone (the usual case inside a service's pod).
import type { Adapter } from '../adapters/adapter.js';
import { readMigrationStatus, type MigrationStatusReport } from '../migrations/index.js';
import { EXIT, type ExitCode } from '../session/exit-codes.js';
import { watchInterrupt } from '../session/interrupt.js';
import { exitForProblem } from './migrate-apply.js';
import { goJson } from './migrate-go-json.js';
import { popxStatusJson, popxStatusRows, popxStatuses } from './migrate-popx-status.js';
import { goTable } from './migrate-tabwriter.js';
import { summaryLines } from './migrate-text.js';
import { escapeControls, escapeLines } from '../text/escape-controls.js';
import { printWarning } from '../session/report-error.js';

export interface StatusCommand {
  dirs: string[];
  format: 'table' | 'json';
  block: boolean;
  timeoutMs: number | null;
}

const POLL_MS = 1000;

/** Without a folder: dsnsh's own description of the migration tables. */
export function statusJson(report: MigrationStatusReport): object {
  const { summary } = report;
  return {
    dialect: summary.dialect,
    tool: summary.tool,
    table: summary.table,
    legacyLayout: summary.legacyLayout,
    applied: summary.appliedCount,
    latest: summary.latest,
    failed: summary.failed,
    failure: summary.failure,
    otherTools: summary.otherTools.map(({ appliedVersions: _versions, legacyLayout: _legacy, ...rest }) => rest),
    warnings: summary.warnings,
  };
}

async function readOrReport(adapter: Adapter, dirs: string[]): Promise<MigrationStatusReport | ExitCode> {
  const report = await readMigrationStatus(adapter, { dirs });
  for (const warning of report.summary.warnings) printWarning(warning);
  if (report.summary.problem) {
    process.stderr.write(`dsnsh: error: ${escapeControls(report.summary.problem.message)}\n`);
    return exitForProblem(report.summary.problem);
  }
  return report;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** popx's --block: "Waiting for migrations to finish..." and the pending names, once a second. */
async function waitUntilApplied(
  adapter: Adapter,
  command: StatusCommand,
  first: MigrationStatusReport,
): Promise<MigrationStatusReport | ExitCode> {
  // With JSON the waiting lines go to stderr, so that stdout stays one JSON document.
  const out = command.format === 'json' ? process.stderr : process.stdout;
  const started = Date.now();
  const interrupt = watchInterrupt();
  let report = first;
  try {
    while (report.pending.length > 0) {
      out.write('Waiting for migrations to finish...\n');
      for (const migration of report.pending) out.write(` - ${escapeControls(migration.name)}\n`);
      if (command.timeoutMs !== null && Date.now() - started >= command.timeoutMs) {
        process.stderr.write(
          `dsnsh: error: ${report.pending.length} migration(s) still pending after --timeout; the oldest is ${report.pending[0]!.version} ${escapeControls(report.pending[0]!.name)}\n`,
        );
        return EXIT.statement;
      }
      const wait = command.timeoutMs === null ? POLL_MS : Math.min(POLL_MS, Math.max(0, command.timeoutMs - (Date.now() - started)));
      await sleep(wait, interrupt.signal);
      if (interrupt.signal.aborted) {
        process.stderr.write('dsnsh: interrupted while waiting for migrations\n');
        return EXIT.interrupted;
      }
      const next = await readOrReport(adapter, command.dirs);
      if (typeof next === 'number') return next;
      report = next;
    }
    return report;
  } finally {
    interrupt.dispose();
  }
}

export async function runStatus(adapter: Adapter, command: StatusCommand): Promise<ExitCode> {
  let report = await readOrReport(adapter, command.dirs);
  if (typeof report === 'number') return report;
  if (command.dirs.length === 0) {
    if (command.format === 'json') process.stdout.write(`${JSON.stringify(statusJson(report), null, 2)}\n`);
    else process.stdout.write(`${escapeLines(summaryLines(report.summary).join('\n'))}\n`);
    return EXIT.ok;
  }
  if (command.block) {
    report = await waitUntilApplied(adapter, command, report);
    if (typeof report === 'number') return report;
  }
  const statuses = popxStatuses(report);
  if (command.format === 'json') process.stdout.write(goJson(await popxStatusJson(statuses)));
  // Names come from file names: control characters shown escaped, never sent to the terminal live.
  else
    process.stdout.write(
      goTable(
        ['Version', 'Name', 'Status'],
        popxStatusRows(statuses).map((row) => row.map(escapeControls)),
      ),
    );
  if (command.format === 'table' && process.stderr.isTTY)
    process.stderr.write(`\n${escapeLines(summaryLines(report.summary).join('\n'))}\n`);
  return EXIT.ok;
}
