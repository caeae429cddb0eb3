// The status API used by `migrate status`, the console's migration panel and `doctor`:
// returns a report (with a problem field) instead of throwing.
import type { Adapter } from '../adapters/adapter.js';
import { computeStatus, type MigrationStatusRow } from './compute-status.js';
import { migrationDialectOf, type MigrationDialect } from './migration-dialect.js';
import { readAppliedState } from './read-applied.js';
import { migrationsForDialect, scanMigrations, type Migration } from './scan-migrations.js';
import type { AppliedMigration, MigrationTool, ToolReport } from './tool-tables.js';
import { verifyDialect } from './verify-dialect.js';

export interface MigrationProblem {
  /**
   * folder: the migrations folder could not be read or holds nothing for this dialect; database:
   * the tables could not be read; dialect: the DSN's dialect does not match the server's
   */
  kind: 'folder' | 'database' | 'dialect';
  message: string;
  cause?: unknown;
}

export interface MigrationSummary {
  dialect: MigrationDialect;
  /** The tool whose table describes this database (Ory's when present), null when none was found */
  tool: MigrationTool | null;
  table: string | null;
  /**
   * With a folder: how many of its migrations are applied (popx's rule). Without: the tool's count.
   * null when unknown (golang-migrate keeps only the current version).
   */
  appliedCount: number | null;
  /** Distinct versions recorded in Ory's table; null without the table */
  recordedCount?: number | null;
  /** Pending Go migrations of the folder (only the service runs them); only when a folder was given */
  pendingGoCount?: number | null;
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
  /** The folders as one text (several are joined with ", "); null without a folder */
  dir: string | null;
  dirs?: string[];
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
  /** Several folders, merged as Ory merges its embedded ones (takes precedence over `dir`) */
  dirs?: readonly string[];
}

function emptySummary(dialect: MigrationDialect, dirs: string[]): MigrationSummary {
  return {
    dialect,
    tool: null,
    table: null,
    appliedCount: 0,
    recordedCount: null,
    pendingCount: null,
    pendingGoCount: null,
    unknownCount: null,
    latest: null,
    failed: false,
    failure: null,
    legacyLayout: false,
    otherTools: [],
    dir: dirs.length === 0 ? null : dirs.join(', '),
    dirs,
    warnings: [],
    problem: null,
  };
}

function foldersOf(options: StatusOptions): string[] {
  if (options.dirs !== undefined && options.dirs.length > 0) return [...options.dirs];
  return options.dir === null || options.dir === undefined ? [] : [options.dir];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function readMigrationStatus(adapter: Adapter, options: StatusOptions = {}): Promise<MigrationStatusReport> {
  const dialect = migrationDialectOf(adapter.backend);
  const dirs = foldersOf(options);
  const summary = emptySummary(dialect, dirs);
  const report: MigrationStatusReport = { summary, rows: [], pending: [], migrations: [] };

  let migrations: Migration[] | null = null;
  if (dirs.length > 0) {
    const scanned = await scanMigrations(dirs);
    if (scanned.ok) {
      migrations = migrationsForDialect(scanned.scan, dialect);
      summary.warnings.push(...scanned.scan.warnings);
      if (migrations.length === 0) {
        summary.problem = {
          kind: 'folder',
          message: `${summary.dir} holds no migration for the ${dialect} dialect (Ory's migrator stops with an error here too); check --migrations`,
        };
      }
    } else {
      summary.problem = { kind: 'folder', message: scanned.error };
    }
  }

  try {
    // Which files a dialect picks only matters with a folder; the check then comes first, as in popx.
    const mismatch = migrations !== null ? await verifyDialect(adapter) : null;
    if (mismatch !== null) summary.problem ??= { kind: 'dialect', message: mismatch };
  } catch (error) {
    summary.problem ??= {
      kind: 'database',
      message: `cannot read the server's version to check the dialect: ${describe(error)}`,
      cause: error,
    };
    return report;
  }

  let tools: ToolReport[];
  try {
    tools = (await readAppliedState(adapter, dialect)).tools;
  } catch (error) {
    summary.problem ??= { kind: 'database', message: `cannot read the migration tables: ${describe(error)}`, cause: error };
    return report;
  }

  const ory = tools.find((t) => t.tool === 'ory') ?? null;
  const primary = ory ?? (migrations === null ? (tools[0] ?? null) : null);
  summary.otherTools = tools.filter((t) => t !== primary);
  if (primary) {
    Object.assign(summary, {
      tool: primary.tool,
      table: primary.table,
      appliedCount: primary.appliedCount,
      latest: primary.latest,
      failed: primary.failed,
      failure: primary.failure,
      legacyLayout: primary.legacyLayout,
    });
  } else if (migrations !== null) {
    summary.tool = 'ory';
  }
  if (ory) summary.recordedCount = ory.appliedCount;

  if (migrations !== null) {
    const computed = computeStatus(migrations, ory?.appliedVersions ?? []);
    report.rows = computed.rows;
    report.pending = computed.pending;
    report.migrations = migrations;
    summary.appliedCount = migrations.length - computed.pending.length;
    summary.pendingCount = computed.pending.length;
    summary.pendingGoCount = computed.pending.filter((m) => m.up.type === 'go').length;
    summary.unknownCount = computed.unknown.length;
    const latestApplied = computed.rows.filter((r) => r.state === 'Applied').at(-1);
    if (latestApplied) summary.latest = { version: latestApplied.version, name: latestApplied.name || null, appliedAt: null };
  }
  return report;
}

export async function readMigrationSummary(adapter: Adapter, options: StatusOptions = {}): Promise<MigrationSummary> {
  return (await readMigrationStatus(adapter, options)).summary;
}
