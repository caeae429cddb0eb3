// Recognises the bookkeeping tables of migration tools by name and columns, and reads each one's
// applied count, latest version and failed/dirty state. Portable SQL only; no LIMIT, no dialect.
import type { Session, Value } from '../adapters/adapter.js';
import { comparePopxVersions, compareVersions } from './migration-file.js';

export type MigrationTool = 'ory' | 'golang-migrate' | 'goose' | 'flyway' | 'prisma' | 'knex' | 'rails';

/** Anything that runs one statement: an Adapter or a Session. */
export type SqlRunner = Pick<Session, 'run'>;

export interface AppliedMigration {
  version: string;
  name: string | null;
  /** ISO time when the tool records it */
  appliedAt: string | null;
}

export interface ToolReport {
  tool: MigrationTool;
  table: string;
  /** null when the tool keeps only the current version (golang-migrate) */
  appliedCount: number | null;
  latest: AppliedMigration | null;
  /** golang-migrate's dirty flag, a failed Flyway or Prisma migration */
  failed: boolean;
  failure: string | null;
  /** Ory's table only: every version recorded */
  appliedVersions: string[];
  /** Ory's table only: the older layout (14-character version, no version_self) */
  legacyLayout: boolean;
}

export const ORY_TABLE = 'schema_migration';
export const TOOL_TABLES = [
  ORY_TABLE,
  'schema_migrations',
  'goose_db_version',
  'flyway_schema_history',
  '_prisma_migrations',
  'knex_migrations',
] as const;

type Columns = ReadonlySet<string>;

function text(value: Value | undefined): string | null {
  if (value === null || value === undefined) return null;
  return String(value).trim();
}

function truthy(value: Value | undefined): boolean {
  if (typeof value === 'string') return ['1', 't', 'true', 'y', 'yes'].includes(value.trim().toLowerCase());
  return value === true || value === 1;
}

function report(tool: MigrationTool, table: string, partial: Partial<ToolReport>): ToolReport {
  return { tool, table, appliedCount: 0, latest: null, failed: false, failure: null, appliedVersions: [], legacyLayout: false, ...partial };
}

/** Splits `20210101000000_create_users.js` into its leading version and a readable name. */
function splitVersionedName(raw: string): { version: string; name: string } {
  const match = /^(\d+)[_-]?(.*?)(\.[a-z]+)?$/i.exec(raw);
  return match ? { version: match[1]!, name: match[2] || raw } : { version: raw, name: raw };
}

async function readOry(db: SqlRunner, columns: Columns): Promise<ToolReport> {
  const result = await db.run(`SELECT version FROM ${ORY_TABLE}`);
  const versions = result.rows.map((row) => text(row[0])).filter((v): v is string => v !== null && v !== '');
  const sorted = [...versions].sort(comparePopxVersions);
  const latest = sorted.at(-1);
  return report('ory', ORY_TABLE, {
    appliedCount: new Set(versions).size,
    latest: latest === undefined ? null : { version: latest, name: null, appliedAt: null },
    appliedVersions: versions,
    legacyLayout: !columns.has('version_self'),
  });
}

async function readGolangMigrate(db: SqlRunner): Promise<ToolReport> {
  const row = (await db.run('SELECT version, dirty FROM schema_migrations')).rows[0];
  if (!row) return report('golang-migrate', 'schema_migrations', { appliedCount: null });
  const version = text(row[0]) ?? '';
  const dirty = truthy(row[1]);
  return report('golang-migrate', 'schema_migrations', {
    appliedCount: null,
    latest: { version, name: null, appliedAt: null },
    failed: dirty,
    failure: dirty ? `version ${version} is dirty: it failed part-way; fix the database, then force the version with golang-migrate` : null,
  });
}

async function readRails(db: SqlRunner): Promise<ToolReport> {
  const versions = (await db.run('SELECT version FROM schema_migrations')).rows.map((r) => text(r[0]) ?? '').filter((v) => v !== '');
  const latest = [...versions].sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? compareVersions(a, b) : a.localeCompare(b))).at(-1);
  return report('rails', 'schema_migrations', {
    appliedCount: versions.length,
    latest: latest === undefined ? null : { version: latest, name: null, appliedAt: null },
  });
}

async function readGoose(db: SqlRunner): Promise<ToolReport> {
  // goose appends a row per up/down; a version's latest row says whether it is applied.
  const rows = (await db.run('SELECT version_id, is_applied, tstamp FROM goose_db_version ORDER BY id')).rows;
  const state = new Map<string, { applied: boolean; at: string | null }>();
  for (const row of rows) {
    const version = text(row[0]) ?? '';
    if (version === '0') continue; // goose's own initial row
    state.set(version, { applied: truthy(row[1]), at: text(row[2]) });
  }
  const applied = [...state].filter(([, s]) => s.applied).sort(([a], [b]) => compareVersions(a, b));
  const last = applied.at(-1);
  return report('goose', 'goose_db_version', {
    appliedCount: applied.length,
    latest: last ? { version: last[0], name: null, appliedAt: last[1].at } : null,
  });
}

async function readFlyway(db: SqlRunner): Promise<ToolReport> {
  const rows = (await db.run('SELECT version, description, installed_on, success, type FROM flyway_schema_history ORDER BY installed_rank'))
    .rows;
  let count = 0;
  let latest: AppliedMigration | null = null;
  const failures: string[] = [];
  for (const row of rows) {
    if (text(row[4]) === 'SCHEMA') continue; // Flyway's record of creating the schema
    const version = text(row[0]);
    if (!truthy(row[3])) {
      failures.push(`${version ?? 'repeatable'} ${text(row[1]) ?? ''}`.trim());
      continue;
    }
    count += 1;
    if (version !== null) latest = { version, name: text(row[1]), appliedAt: text(row[2]) };
  }
  return report('flyway', 'flyway_schema_history', {
    appliedCount: count,
    latest,
    failed: failures.length > 0,
    failure: failures.length > 0 ? `failed: ${failures.join(', ')}; run flyway repair after fixing the database` : null,
  });
}

async function readPrisma(db: SqlRunner): Promise<ToolReport> {
  const rows = (await db.run('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations')).rows;
  const applied: AppliedMigration[] = [];
  const failures: string[] = [];
  for (const row of rows) {
    const raw = text(row[0]) ?? '';
    if (text(row[2]) !== null) continue; // rolled back: neither applied nor failing
    if (text(row[1]) === null) failures.push(raw);
    else applied.push({ ...splitVersionedName(raw), appliedAt: text(row[1]) });
  }
  applied.sort((a, b) =>
    a.version === b.version
      ? 0
      : /^\d+$/.test(a.version) && /^\d+$/.test(b.version)
        ? compareVersions(a.version, b.version)
        : a.version.localeCompare(b.version),
  );
  return report('prisma', '_prisma_migrations', {
    appliedCount: applied.length,
    latest: applied.at(-1) ?? null,
    failed: failures.length > 0,
    failure: failures.length > 0 ? `failed and not rolled back: ${failures.join(', ')}; see prisma migrate resolve` : null,
  });
}

async function readKnex(db: SqlRunner): Promise<ToolReport> {
  const rows = (await db.run('SELECT name, migration_time FROM knex_migrations ORDER BY id')).rows;
  const last = rows.at(-1);
  return report('knex', 'knex_migrations', {
    appliedCount: rows.length,
    latest: last ? { ...splitVersionedName(text(last[0]) ?? ''), appliedAt: text(last[1]) } : null,
  });
}

/** Every tool whose table is present, given the columns of the candidate tables. */
export async function readToolTables(db: SqlRunner, columnsByTable: ReadonlyMap<string, Columns>): Promise<ToolReport[]> {
  const reports: ToolReport[] = [];
  const ory = columnsByTable.get(ORY_TABLE);
  if (ory) reports.push(await readOry(db, ory));
  const shared = columnsByTable.get('schema_migrations');
  if (shared) reports.push(await (shared.has('dirty') ? readGolangMigrate(db) : readRails(db)));
  if (columnsByTable.has('goose_db_version')) reports.push(await readGoose(db));
  if (columnsByTable.has('flyway_schema_history')) reports.push(await readFlyway(db));
  if (columnsByTable.has('_prisma_migrations')) reports.push(await readPrisma(db));
  if (columnsByTable.has('knex_migrations')) reports.push(await readKnex(db));
  return reports;
}
