// Go migrations found in the `.go` files of a folder (and its subfolders): each popx literal with
// `Type: "go"` becomes a migration file that dsnsh lists but never runs.
import { readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import { findGoMigrationLiterals } from './go-migration-literals.js';
import { KNOWN_GO_MIGRATIONS, ORY_SERVICES } from './known-go-migrations.js';
import { listFolder } from './list-folder.js';
import { canonicalDialect } from './migration-dialect.js';
import type { MigrationFile } from './scan-migrations.js';

export type GoScanResult = { ok: true; files: MigrationFile[]; warnings: string[] } | { ok: false; error: string };

const isGo = (name: string) => name.endsWith('.go') && !name.endsWith('_test.go');

function serviceOf(version: string, path: string): string | null {
  const known = KNOWN_GO_MIGRATIONS.find((s) => s.migrations.some((m) => m.version === version));
  if (known) return known.service;
  const segments = path.toLowerCase().split(sep);
  return ORY_SERVICES.find((service) => segments.includes(service)) ?? null;
}

/** `shown` turns a `.go` path into the text users see. */
export async function readGoMigrations(folder: string, shown: (path: string) => string): Promise<GoScanResult> {
  const listed = await listFolder(folder, isGo);
  if (!listed.ok) return listed;
  const files: MigrationFile[] = [];
  const warnings: string[] = [];
  for (const entry of listed.listing.entries) {
    let source: string;
    try {
      source = await readFile(entry.path, 'utf8');
    } catch (error) {
      return { ok: false, error: `cannot read ${entry.path}: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!source.includes('"go"')) continue;
    for (const literal of findGoMigrationLiterals(source)) {
      const where = `${shown(entry.path)}:${literal.line}`;
      const dialect = literal.dbType === 'all' ? 'all' : literal.dbType === null ? null : canonicalDialect(literal.dbType);
      if (!/^\d+$/.test(literal.version) || dialect === null || (literal.direction !== 'up' && literal.direction !== 'down')) {
        warnings.push(`skipped the Go migration at ${where}: its version, DBType or Direction is not a plain value dsnsh can read`);
        continue;
      }
      files.push({
        version: literal.version,
        name: literal.name ?? `Go migration ${literal.version}`,
        dialect,
        dialectSuffix: null,
        autocommit: literal.autocommit,
        direction: literal.direction,
        type: 'go',
        file: where,
        path: entry.path,
        service: serviceOf(literal.version, entry.path),
      });
    }
  }
  return { ok: true, files, warnings };
}
