// popx's MigrationStatuses from a status report: one entry per migration of the folder for this
// dialect (recorded versions no file explains are not popx's rows; dsnsh's summary counts them),
// each Applied or Pending; a pending Go migration says who must run it.
import { readFile } from 'node:fs/promises';
import type { Migration, MigrationFile, MigrationStatusReport, MigrationStatusRow } from '../migrations/index.js';

export interface PopxStatus {
  row: MigrationStatusRow;
  migration: Migration;
}

/** What popx prints for a migration that has no down file for the dialect. */
const NO_DOWN = '-- error: no down migration defined for this migration';

export function goMigrationHint(service: string | null): string {
  return `run ${service ?? "the service's"} migrate sql up`;
}

export function popxStatuses(report: MigrationStatusReport): PopxStatus[] {
  const byVersion = new Map(report.migrations.map((m) => [m.version, m]));
  return report.rows.flatMap((row) => {
    const migration = row.file === null ? undefined : byVersion.get(row.version);
    return migration === undefined ? [] : [{ row, migration }];
  });
}

function stateText({ row, migration }: PopxStatus): string {
  if (row.state === 'Pending' && migration.up.type === 'go') return `Pending (Go migration: ${goMigrationHint(migration.up.service)})`;
  return row.state;
}

export function popxStatusRows(statuses: readonly PopxStatus[]): string[][] {
  return statuses.map((status) => [status.row.version, status.row.name, stateText(status)]);
}

async function contentOf(file: MigrationFile | null): Promise<string> {
  if (file === null) return NO_DOWN;
  // A Go migration has no content in popx.
  return file.type === 'go' ? '' : readFile(file.path, 'utf8');
}

/** popx's JSON keys first, in its order; dsnsh's additions after them. */
export async function popxStatusJson(statuses: readonly PopxStatus[]): Promise<object[]> {
  return Promise.all(
    statuses.map(async ({ row, migration }) => ({
      state: row.state,
      version: row.version,
      name: row.name,
      content: await contentOf(migration.up),
      content_down: await contentOf(migration.down),
      type: migration.up.type,
      file: migration.up.file,
      file_down: migration.down?.file ?? null,
      ...(migration.up.type === 'go' ? { service: migration.up.service } : {}),
    })),
  );
}
