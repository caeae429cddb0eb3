// What `migrate up` / `migrate down` would do, computed from the folders and the table without
// writing anything. The plan is shown to the user before anything is applied. A Go migration is
// a wall: dsnsh plans up to it and says that the service must run it.
import type { Adapter } from '../adapters/adapter.js';
import type { Direction } from './migration-file.js';
import { readMigrationStatus, type MigrationProblem, type MigrationStatusReport } from './read-status.js';
import type { Migration, MigrationFile } from './scan-migrations.js';

export interface PlanStep {
  version: string;
  name: string;
  /** The file that runs: the up file for `up`, the down file for `down` */
  file: MigrationFile;
  /** record: applied under its 14-digit version already; only its full version is recorded (as Ory does) */
  action: 'run' | 'record';
}

/** The Go migration the plan stops before: only the service can run it. */
export interface PlanStop {
  version: string;
  name: string;
  /** kratos, keto, …; null when unknown */
  service: string | null;
  direction: Direction;
  file: string;
}

export interface MigrationPlan {
  direction: Direction;
  steps: PlanStep[];
  /** Set when a Go migration comes next: the run ends there and exits non-zero */
  stop: PlanStop | null;
  /** `down` without --steps: dsnsh's default of one */
  defaultSteps: boolean;
  /** The bookkeeping table has to be created (up) or moved to the current layout */
  tableAction: 'create' | 'upgrade-legacy' | null;
  status: MigrationStatusReport;
}

export type PlanResult = { ok: true; plan: MigrationPlan } | { ok: false; problem: MigrationProblem; status: MigrationStatusReport | null };

export interface PlanOptions {
  dir?: string;
  /** Several folders, merged (the first shadows the same relative path of a later one) */
  dirs?: readonly string[];
  direction: Direction;
  /** up: at most this many (all when absent); down: this many (default 1) */
  steps?: number;
}

function stopAt(migration: Migration, file: MigrationFile, direction: Direction): PlanStop {
  return { version: migration.version, name: file.name, service: file.service, direction, file: file.file };
}

function planUp(status: MigrationStatusReport, limit: number | undefined): { steps: PlanStep[]; stop: PlanStop | null } {
  const steps: PlanStep[] = [];
  let runs = 0;
  for (const row of status.rows) {
    const migration = status.migrations.find((m) => m.version === row.version);
    if (!migration) continue;
    if (row.appliedAsLegacy) {
      // Recording the full version runs nothing (popx does it for Go migrations too).
      steps.push({ version: row.version, name: row.name, file: migration.up, action: 'record' });
      continue;
    }
    if (row.state !== 'Pending') continue;
    // --steps counts migrations that run; recording legacy versions on the way is free.
    if (limit !== undefined && runs === limit) break;
    if (migration.up.type === 'go') return { steps, stop: stopAt(migration, migration.up, 'up') };
    steps.push({ version: row.version, name: row.name, file: migration.up, action: 'run' });
    runs += 1;
  }
  return { steps, stop: null };
}

function planDown(status: MigrationStatusReport, count: number): { steps: PlanStep[]; stop: PlanStop | null } | { problem: string } {
  const applied = status.rows
    .filter((r) => r.state === 'Applied')
    .reverse()
    .slice(0, count);
  const steps: PlanStep[] = [];
  for (const row of applied) {
    if (row.file === null) {
      return {
        problem: `version ${row.version} is recorded in the database but no file in ${status.summary.dir} explains it, so it cannot be rolled back; use the folder it came from`,
      };
    }
    if (row.appliedAsLegacy) {
      return {
        problem: `version ${row.version} is recorded only under its first 14 digits (an older schema_migration table); run \`migrate up\` once to record full versions, then roll back`,
      };
    }
    const migration = status.migrations.find((m) => m.version === row.version)!;
    if (!migration.down) {
      return {
        problem: `${migration.up.file} has no down file for the ${status.summary.dialect} dialect, so version ${row.version} cannot be rolled back`,
      };
    }
    if (migration.down.type === 'go' || migration.up.type === 'go') return { steps, stop: stopAt(migration, migration.down, 'down') };
    steps.push({ version: row.version, name: row.name, file: migration.down, action: 'run' });
  }
  return { steps, stop: null };
}

export async function planMigrations(adapter: Adapter, options: PlanOptions): Promise<PlanResult> {
  const status = await readMigrationStatus(adapter, { dir: options.dir ?? null, dirs: options.dirs });
  const { summary } = status;
  if (summary.problem) return { ok: false, problem: summary.problem, status };
  const tableMissing = summary.table === null;
  if (options.direction === 'up') {
    const { steps, stop } = planUp(status, options.steps);
    const tableAction = steps.length === 0 ? null : tableMissing ? 'create' : summary.legacyLayout ? 'upgrade-legacy' : null;
    return { ok: true, plan: { direction: 'up', steps, stop, defaultSteps: false, tableAction, status } };
  }
  const down = planDown(status, options.steps ?? 1);
  if ('problem' in down) return { ok: false, problem: { kind: 'folder', message: down.problem }, status };
  return {
    ok: true,
    plan: { direction: 'down', steps: down.steps, stop: down.stop, defaultSteps: options.steps === undefined, tableAction: null, status },
  };
}
