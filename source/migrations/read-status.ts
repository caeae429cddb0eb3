// The status API used by `migrate status`, the console's migration panel and `doctor`:
// returns a report (with a problem field) instead of throwing.
import type { Adapter } from '../adapters/adapter.js';
import { computeStatus, type MigrationStatusRow } from './compute-status.js';
import { migrationDialectOf, type MigrationDialect } from './migration-dialect.js';
import { readAppliedState } from './read-applied.js';
import { migrationsForDialect, scanMigrations, type Migration } from './scan-migrations.js';
import type { AppliedMigration, MigrationTool, ToolReport } from './tool-tables.js';

export interface MigrationProblem {
  /** folder: the migrations folder could not be read; database: the tables could not be read */
  kind: 'folder' | 'database';
  message: string;
  cause?: unknown;
}

export interface MigrationSummary {
  dialect: MigrationDialect;
  /** The tool whose table describes this database (Ory's when present), null when none was found */
  tool: MigrationTool | null;
  table: string | null;
  /** null when unknown (golang-migrate keeps only the current version) */
  appliedCount: number | null;
  /** Only when a folder was given */
  pendingCount: number | null;
  /** Recorded versions no file explains; only when a folder was given */
  unknownCount: number | null;
  latest: AppliedMigration | null;
  /** Dirty (golang-migrate) or failed (Flyway, Prisma) */
  failed: boolean;
  failure: string | null;
  /** Ory's table is in the older 14-character layout */
  legacyLayout: boolean;
  /** Tables of other tools found besides the primary one */
  otherTools: ToolReport[];
  dir: string | null;
  warnings: string[];
  problem: MigrationProblem | null;
}

export interface MigrationStatusReport {
  summary: MigrationSummary;
  /** Per-migration rows (empty without a folder); unexplained recorded versions included */
  rows: MigrationStatusRow[];
  /** Migrations of the folder not applied yet, oldest first */
  pending: Migration[];
  /** Every migration of the folder for this dialect, oldest first */
  migrations: Migration[];
}

export interface StatusOptions {
  dir?: string | null;
}

function emptySummary(dialect: MigrationDialect, dir: string | null): MigrationSummary {
  return {
    dialect, tool: null, table: null, appliedCount: 0, pendingCount: null, unknownCount: null, latest: null,
    failed: false, failure: null, legacyLayout: false, otherTools: [], dir, warnings: [], problem: null,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function readMigrationStatus(adapter: Adapter, options: StatusOptions = {}): Promise<MigrationStatusReport> {
  const dialect = migrationDialectOf(adapter.backend);
  const dir = options.dir ?? null;
  const summary = emptySummary(dialect, dir);
  const report: MigrationStatusReport = { summary, rows: [], pending: [], migrations: [] };

  let migrations: Migration[] | null = null;
  if (dir !== null) {
    const scanned = await scanMigrations(dir);
    if (scanned.ok) {
      migrations = migrationsForDialect(scanned.scan, dialect);
      summary.warnings.push(...scanned.scan.warnings);
      if (migrations.length === 0) summary.warnings.push(`${dir} holds no migrations for the ${dialect} dialect`);
    } else {
      summary.problem = { kind: 'folder', message: scanned.error };
    }
  }

  let tools: ToolReport[];
  try {
    tools = (await readAppliedState(adapter, dialect)).tools;
  } catch (error) {
    summary.problem ??= { kind: 'database', message: `cannot read the migration tables: ${describe(error)}`, cause: error };
    return report;
  }

  const ory = tools.find((t) => t.tool === 'ory') ?? null;
  const primary = ory ?? (migrations === null ? tools[0] ?? null : null);
  summary.otherTools = tools.filter((t) => t !== primary);
  if (primary) {
    Object.assign(summary, {
      tool: primary.tool, table: primary.table, appliedCount: primary.appliedCount, latest: primary.latest,
      failed: primary.failed, failure: primary.failure, legacyLayout: primary.legacyLayout,
    });
  } else if (migrations !== null) {
    summary.tool = 'ory';
  }

  if (migrations !== null) {
    const computed = computeStatus(migrations, ory?.appliedVersions ?? []);
    report.rows = computed.rows;
    report.pending = computed.pending;
    report.migrations = migrations;
    summary.pendingCount = computed.pending.length;
    summary.unknownCount = computed.unknown.length;
    const latestApplied = computed.rows.filter((r) => r.state === 'Applied').at(-1);
    if (latestApplied) summary.latest = { version: latestApplied.version, name: latestApplied.name || null, appliedAt: null };
  }
  return report;
}

export async function readMigrationSummary(adapter: Adapter, options: StatusOptions = {}): Promise<MigrationSummary> {
  return (await readMigrationStatus(adapter, options)).summary;
}
