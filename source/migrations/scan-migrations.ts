// Reads a migrations folder into parsed files, and picks one file per version for a dialect.
// Returns results instead of throwing: a bad file name is a problem naming the file.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compareVersions, parseMigrationFileName, type Direction, type MigrationFileName } from './migration-file.js';
import type { MigrationDialect } from './migration-dialect.js';

export interface MigrationFile extends MigrationFileName {
  /** Path relative to the folder, as shown to users */
  file: string;
  /** Absolute (or as given) path to read */
  path: string;
}

export interface MigrationScan {
  dir: string;
  files: MigrationFile[];
  /** Files skipped the way Ory's services skip them (unknown dialect suffix) */
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

async function listSqlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.sql'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function describeReadError(dir: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `the migrations folder ${dir} does not exist; check --migrations`;
  if (code === 'ENOTDIR') return `${dir} is not a folder; --migrations takes the folder holding the .sql files`;
  if (code === 'EACCES') return `cannot read the migrations folder ${dir} (permission denied)`;
  return `cannot read the migrations folder ${dir}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Scans `dir` (and its subfolders, as Ory's embedded folders are walked) for migration files. */
export async function scanMigrations(dir: string): Promise<ScanResult> {
  let paths: string[];
  try {
    paths = await listSqlFiles(dir);
  } catch (error) {
    return { ok: false, error: describeReadError(dir, error) };
  }
  const files: MigrationFile[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    const file = relative(dir, path);
    const baseName = path.slice(path.lastIndexOf('/') + 1);
    const parsed = parseMigrationFileName(baseName);
    if (!parsed.ok) {
      if (parsed.reason === 'unknown-dialect') {
        warnings.push(`skipped ${file}: unknown dialect suffix ".${parsed.suffix}" (Ory's services skip it too)`);
        continue;
      }
      return { ok: false, error: `${parsed.message} (in ${dir}); rename it or move it out of the folder` };
    }
    const key = `${parsed.file.version}/${parsed.file.dialect}/${parsed.file.direction}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return {
        ok: false,
        error: `${earlier} and ${file} are both the ${parsed.file.direction} migration of version ${parsed.file.version} for ${parsed.file.dialect === 'all' ? 'every dialect' : parsed.file.dialect}; keep one`,
      };
    }
    seen.set(key, file);
    files.push({ ...parsed.file, file, path });
  }
  return { ok: true, scan: { dir, files, warnings } };
}

function pick(files: MigrationFile[], version: string, direction: Direction, dialect: MigrationDialect): MigrationFile | null {
  let general: MigrationFile | null = null;
  for (const f of files) {
    if (f.version !== version || f.direction !== direction) continue;
    if (f.dialect === dialect) return f;
    if (f.dialect === 'all') general = f;
  }
  return general;
}

/**
 * The migrations a dialect runs, oldest first: the dialect-specific file beats the suffix-less one,
 * and a version with files only for other dialects does not exist for this one.
 */
export function migrationsForDialect(scan: MigrationScan, dialect: MigrationDialect): Migration[] {
  const versions = new Set<string>();
  for (const f of scan.files) {
    if (f.direction === 'up' && (f.dialect === dialect || f.dialect === 'all')) versions.add(f.version);
  }
  return [...versions].sort(compareVersions).map((version) => {
    const up = pick(scan.files, version, 'up', dialect)!;
    return { version, name: up.name, up, down: pick(scan.files, version, 'down', dialect) };
  });
}
