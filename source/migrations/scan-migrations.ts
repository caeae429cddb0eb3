// Reads one or more migrations folders into migration files (SQL files and Go migrations), merged
// as Ory merges its embedded folders (Keto's own set + ory/x networkx), and picks one file per
// version for a dialect as popx does. Returns results instead of throwing: a bad file is a
// problem naming the file.
import { basename, dirname, join, relative } from 'node:path';
import { stat } from 'node:fs/promises';
import { readGoMigrations } from './go-migrations.js';
import { knownGoMigrationsFor } from './known-go-migrations.js';
import { listFolder } from './list-folder.js';
import { comparePopxVersions, parseMigrationFileName, type Direction, type MigrationFileName } from './migration-file.js';
import type { MigrationDialect } from './migration-dialect.js';

export interface MigrationFile extends MigrationFileName {
  /** sql: statements dsnsh can send; go: Go code only the service itself can run */
  type: 'sql' | 'go';
  /** Where it comes from, as shown to users (relative to its folder; `.go` file and line; built-in) */
  file: string;
  /** The file to read; '' for a built-in Go migration */
  path: string;
  /** Go migrations: the service that runs them (kratos, keto, …), null when unknown */
  service: string | null;
}

export interface MigrationScan {
  dirs: string[];
  files: MigrationFile[];
  /** Files skipped the way Ory's services skip them (unknown dialect suffix), links not followed */
  warnings: string[];
}

export type ScanResult = { ok: true; scan: MigrationScan } | { ok: false; error: string };

/** One migration as a dialect sees it: the chosen up file and, when present, its down file. */
export interface Migration {
  version: string;
  name: string;
  up: MigrationFile;
  down: MigrationFile | null;
}

const isSql = (name: string) => name.endsWith('.sql');

function keyOf(file: MigrationFile): string {
  return `${file.version}/${file.dialect}/${file.direction}`;
}

function describeDialect(dialect: MigrationFile['dialect']): string {
  return dialect === 'all' ? 'every dialect' : dialect;
}

/** The sibling `go/` folder of a `sql/` folder (Kratos keeps its Go migrations there). */
async function siblingGoFolder(dir: string): Promise<string | null> {
  if (basename(dir) !== 'sql') return null;
  const candidate = join(dirname(dir), 'go');
  return (await stat(candidate).then(
    (s) => s.isDirectory(),
    () => false,
  ))
    ? candidate
    : null;
}

async function scanSqlFiles(dirs: readonly string[], files: MigrationFile[], warnings: string[]): Promise<string | null> {
  // A relative path taken by an earlier folder shadows the later one's file (Ory's fsx.Merge).
  const taken = new Set<string>();
  for (const dir of dirs) {
    const listed = await listFolder(dir, isSql);
    if (!listed.ok) return listed.error;
    warnings.push(...listed.listing.warnings);
    for (const entry of listed.listing.entries) {
      if (taken.has(entry.relative)) continue;
      taken.add(entry.relative);
      const shown = dirs.length > 1 ? join(dir, entry.relative) : entry.relative;
      const parsed = parseMigrationFileName(basename(entry.path));
      if (!parsed.ok) {
        if (parsed.reason === 'unknown-dialect') {
          warnings.push(`skipped ${shown}: unknown dialect suffix ".${parsed.suffix}" (Ory's services skip it too)`);
          continue;
        }
        return `${parsed.message} (in ${dir}); rename it or move it out of the folder`;
      }
      files.push({ ...parsed.file, type: 'sql', file: shown, path: entry.path, service: null });
    }
  }
  return null;
}

async function scanGoFiles(dirs: readonly string[], files: MigrationFile[], warnings: string[]): Promise<string | null> {
  for (const dir of dirs) {
    const folders = [dir, ...[await siblingGoFolder(dir)].filter((f): f is string => f !== null)];
    for (const folder of folders) {
      const found = await readGoMigrations(folder, (path) => (dirs.length > 1 ? path : relative(dir, path)));
      if (!found.ok) return found.error;
      files.push(...found.files);
      warnings.push(...found.warnings);
    }
  }
  return null;
}

function addKnownGoMigrations(files: MigrationFile[]): void {
  const present = new Set(files.map(keyOf));
  const sqlUps = files.filter((f) => f.type === 'sql' && f.direction === 'up');
  for (const known of knownGoMigrationsFor(sqlUps)) {
    const file: MigrationFile = {
      version: known.version,
      name: known.name,
      dialect: known.dialect,
      dialectSuffix: null,
      autocommit: known.autocommit,
      direction: known.direction,
      type: 'go',
      file: `${known.service}'s Go migration (built into dsnsh)`,
      path: '',
      service: known.service,
    };
    if (!present.has(keyOf(file))) files.push(file);
  }
}

function checkFiles(files: readonly MigrationFile[]): string | null {
  const seen = new Map<string, MigrationFile>();
  for (const file of files) {
    const earlier = seen.get(keyOf(file));
    if (earlier !== undefined) {
      return `${earlier.file} and ${file.file} are both the ${file.direction} migration of version ${file.version} for ${describeDialect(file.dialect)}; keep one`;
    }
    seen.set(keyOf(file), file);
  }
  // popx refuses a folder in which an up migration has no down migration (of any dialect).
  const downs = new Set(files.filter((f) => f.direction === 'down').map((f) => f.version));
  const missing = files.find((f) => f.direction === 'up' && !downs.has(f.version));
  if (missing !== undefined) {
    return `${missing.file} has no down migration: Ory's migrator refuses a folder in which an up migration of version ${missing.version} has no down file (of any dialect); add ${missing.version}_${missing.name}.down.sql (it may hold only a comment)`;
  }
  return null;
}

/**
 * Scans the folders (each with its subfolders, as Ory's embedded folders are walked, and the
 * sibling `go/` folder of a `sql/` folder) for migration files; earlier folders shadow files of
 * later ones at the same relative path.
 */
export async function scanMigrations(dirOrDirs: string | readonly string[]): Promise<ScanResult> {
  const dirs = typeof dirOrDirs === 'string' ? [dirOrDirs] : [...dirOrDirs];
  const files: MigrationFile[] = [];
  const warnings: string[] = [];
  const problem = (await scanSqlFiles(dirs, files, warnings)) ?? (await scanGoFiles(dirs, files, warnings));
  if (problem !== null) return { ok: false, error: problem };
  addKnownGoMigrations(files);
  const invalid = checkFiles(files);
  if (invalid !== null) return { ok: false, error: invalid };
  return { ok: true, scan: { dirs, files, warnings } };
}

function pick(files: readonly MigrationFile[], version: string, direction: Direction, dialect: MigrationDialect): MigrationFile | null {
  let general: MigrationFile | null = null;
  for (const f of files) {
    if (f.version !== version || f.direction !== direction) continue;
    if (f.dialect === dialect) return f;
    if (f.dialect === 'all') general = f;
  }
  return general;
}

/**
 * The migrations a dialect runs, in popx's order (versions as strings): the dialect-specific file
 * beats the suffix-less one, and a version with files only for other dialects does not exist for
 * this one.
 */
export function migrationsForDialect(scan: MigrationScan, dialect: MigrationDialect): Migration[] {
  const versions = new Set<string>();
  for (const f of scan.files) {
    if (f.direction === 'up' && (f.dialect === dialect || f.dialect === 'all')) versions.add(f.version);
  }
  return [...versions].sort(comparePopxVersions).map((version) => {
    const up = pick(scan.files, version, 'up', dialect)!;
    return { version, name: up.name, up, down: pick(scan.files, version, 'down', dialect) };
  });
}
