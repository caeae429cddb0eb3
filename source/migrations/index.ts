// Public surface of the migrations module (status for the console panel and doctor; apply for the CLI).
export { readMigrationStatus, readMigrationSummary } from './read-status.js';
export type { MigrationProblem, MigrationStatusReport, MigrationSummary, StatusOptions } from './read-status.js';
export type { MigrationStatusRow, MigrationState } from './compute-status.js';
export type { AppliedMigration, MigrationTool, ToolReport } from './tool-tables.js';
export type { MigrationDialect } from './migration-dialect.js';
export { migrationDialectOf } from './migration-dialect.js';
export { parseMigrationFileName } from './migration-file.js';
export { scanMigrations, migrationsForDialect } from './scan-migrations.js';
export type { Migration, MigrationFile, MigrationScan } from './scan-migrations.js';
export { planMigrations } from './plan-migrations.js';
export type { MigrationPlan, PlanStep, PlanStop, PlanResult, PlanOptions } from './plan-migrations.js';
export { applyMigrations } from './apply-migrations.js';
export type {
  ApplyOptions,
  ForeignKeyViolation,
  MigrationFailure,
  MigrationRunResult,
  ProgressEvent,
  StepResult,
  StepStatus,
} from './apply-migrations.js';
export { readPlanContents } from './plan-contents.js';
export { isMigrationEmpty } from './empty-migration.js';
