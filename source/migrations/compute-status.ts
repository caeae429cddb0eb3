// Pure: which migrations are applied, by Ory's rule (the version, or for a version longer than 14
// digits its first 14, is in the table), and which recorded versions no file explains.
import { comparePopxVersions } from './migration-file.js';
import type { FileDialect } from './migration-dialect.js';
import type { Migration } from './scan-migrations.js';

export const LEGACY_VERSION_LENGTH = 14;

export type MigrationState = 'Applied' | 'Pending';

export interface MigrationStatusRow {
  version: string;
  /** '' for a recorded version that no file explains */
  name: string;
  state: MigrationState;
  /** The chosen up file's dialect ('all' = suffix-less); null when no file explains the version */
  dialect: FileDialect | 'all' | null;
  /** sql, or go: a Go migration only the service itself runs; null when no file explains the version */
  type: 'sql' | 'go' | null;
  /** Go migrations: the service that runs them, when known */
  service: string | null;
  /** Up file relative to the folder; null when no file explains the version */
  file: string | null;
  autocommit: boolean;
  /** Applied only through its 14-digit prefix (an older table) */
  appliedAsLegacy: boolean;
}

export interface ComputedStatus {
  /** Every migration and every unexplained recorded version, in popx's order */
  rows: MigrationStatusRow[];
  pending: Migration[];
  /** Recorded versions that no file of this dialect explains */
  unknown: string[];
}

/** How a migration's version is recorded: exactly, through its legacy prefix, or not at all. */
export function appliedAs(version: string, applied: ReadonlySet<string>): 'exact' | 'legacy' | null {
  if (applied.has(version)) return 'exact';
  if (version.length > LEGACY_VERSION_LENGTH && applied.has(version.slice(0, LEGACY_VERSION_LENGTH))) return 'legacy';
  return null;
}

export function computeStatus(migrations: readonly Migration[], appliedVersions: readonly string[]): ComputedStatus {
  const applied = new Set(appliedVersions);
  const explained = new Set<string>();
  const rows: MigrationStatusRow[] = [];
  const pending: Migration[] = [];
  for (const m of migrations) {
    explained.add(m.version);
    if (m.version.length > LEGACY_VERSION_LENGTH) explained.add(m.version.slice(0, LEGACY_VERSION_LENGTH));
    const how = appliedAs(m.version, applied);
    if (how === null) pending.push(m);
    rows.push({
      version: m.version,
      name: m.name,
      state: how === null ? 'Pending' : 'Applied',
      dialect: m.up.dialect,
      type: m.up.type,
      service: m.up.service,
      file: m.up.file,
      autocommit: m.up.autocommit,
      appliedAsLegacy: how === 'legacy',
    });
  }
  const unknown = [...applied].filter((v) => !explained.has(v)).sort(comparePopxVersions);
  for (const version of unknown) {
    rows.push({
      version,
      name: '',
      state: 'Applied',
      dialect: null,
      type: null,
      service: null,
      file: null,
      autocommit: false,
      appliedAsLegacy: false,
    });
  }
  rows.sort((a, b) => comparePopxVersions(a.version, b.version));
  return { rows, pending, unknown };
}
