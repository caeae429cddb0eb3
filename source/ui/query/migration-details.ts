// The migration panel's details on demand: every migration with its state, as a result.
import type { Adapter } from '../../adapters/adapter.js';
import { readMigrationStatus } from '../../migrations/index.js';
import type { Outcome } from './outcome.js';
import { ResultSource } from './result-source.js';

export async function migrationDetails(adapter: Adapter, dir: string | undefined): Promise<Outcome> {
  const started = performance.now();
  try {
    const report = await readMigrationStatus(adapter, { dir: dir ?? null });
    const { summary } = report;
    if (summary.problem) return { kind: 'error', message: summary.problem.message, hint: null, statement: '', position: null };
    if (report.rows.length === 0) {
      const lines = [
        summary.tool ? `tool ${summary.tool}, table ${summary.table ?? '?'}` : 'No migration table found in this database.',
        dir
          ? `folder ${dir}`
          : 'No migrations folder set for this profile (profile setting migrationsDir), so pending migrations are unknown.',
        ...(summary.latest ? [`latest applied ${summary.latest.version}${summary.latest.name ? ` ${summary.latest.name}` : ''}`] : []),
        ...summary.warnings,
      ];
      return { kind: 'info', title: 'Migrations', lines };
    }
    const columns = [
      { name: 'version', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'state', type: 'text' },
      { name: 'file', type: 'text' },
    ];
    const rows = report.rows.map((row) => [row.version, row.name, row.file === null ? 'Applied (unknown: no file)' : row.state, row.file]);
    return { kind: 'rows', source: ResultSource.fromRows(columns, rows), elapsedMs: performance.now() - started, statement: '' };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error), hint: null, statement: '', position: null };
  }
}
