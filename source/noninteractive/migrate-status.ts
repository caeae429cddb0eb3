// `dsnsh migrate status`: Ory's `Version | Name | Status` table (or JSON) for a folder, or the
// migration table alone when no folder is given (the usual case inside a service's pod).
import type { Adapter } from '../adapters/adapter.js';
import { readMigrationStatus, type MigrationStatusReport, type MigrationStatusRow } from '../migrations/index.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { exitForProblem } from './migrate-apply.js';
import { alignedTable, summaryLines } from './migrate-text.js';

export function statusJson(report: MigrationStatusReport): object {
  const { summary } = report;
  return {
    dialect: summary.dialect,
    tool: summary.tool,
    table: summary.table,
    legacyLayout: summary.legacyLayout,
    applied: summary.appliedCount,
    pending: summary.pendingCount,
    unknown: summary.unknownCount,
    latest: summary.latest,
    failed: summary.failed,
    failure: summary.failure,
    otherTools: summary.otherTools.map(({ appliedVersions: _versions, legacyLayout: _legacy, ...rest }) => rest),
    migrations: summary.dir === null ? null : report.rows.map(rowJson),
    warnings: summary.warnings,
  };
}

function rowJson(row: MigrationStatusRow): object {
  return { version: row.version, name: row.name, state: row.state, dialect: row.dialect, file: row.file, explained: row.file !== null, autocommit: row.autocommit };
}

function statusText(row: MigrationStatusRow): string {
  if (row.file === null) return 'Applied (no file)';
  return row.appliedAsLegacy ? 'Applied (14-digit version)' : row.state;
}

export async function runStatus(adapter: Adapter, dir: string | null, format: 'table' | 'json'): Promise<ExitCode> {
  const report = await readMigrationStatus(adapter, { dir });
  const { summary } = report;
  for (const warning of summary.warnings) process.stderr.write(`dsnsh: warning: ${warning}\n`);
  if (summary.problem) {
    process.stderr.write(`dsnsh: error: ${summary.problem.message}\n`);
    return exitForProblem(summary.problem);
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(statusJson(report), null, 2)}\n`);
    return EXIT.ok;
  }
  if (dir !== null) {
    process.stdout.write(alignedTable(['Version', 'Name', 'Status'], report.rows.map((r) => [r.version, r.name, statusText(r)])));
    process.stdout.write('\n');
  }
  process.stdout.write(`${summaryLines(summary).join('\n')}\n`);
  return EXIT.ok;
}
