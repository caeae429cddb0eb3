import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsForDialect, scanMigrations, type MigrationScan } from '../../source/migrations/scan-migrations.js';
import { PROJECT_ROOT } from '../helpers/cli-path.js';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/migrations/ory-style');

async function fixtureScan(): Promise<MigrationScan> {
  const result = await scanMigrations(FIXTURE);
  if (!result.ok) throw new Error(result.error);
  return result.scan;
}

describe('scanMigrations on the Ory-style fixture', () => {
  it('picks one file per version per dialect', async () => {
    const scan = await fixtureScan();
    const files = (dialect: Parameters<typeof migrationsForDialect>[1]) =>
      migrationsForDialect(scan, dialect).map((m) => [m.version, m.up.file, m.down?.file ?? null]);
    expect(files('postgres')).toEqual([
      ['20240101100000000001', '20240101100000000001_create_widgets.up.sql', '20240101100000000001_create_widgets.down.sql'],
      ['20240101100000000002', '20240101100000000002_add_color.postgres.up.sql', '20240101100000000002_add_color.postgres.down.sql'],
      ['20240102100000000000', '20240102100000000000_seed_widgets.up.sql', '20240102100000000000_seed_widgets.down.sql'],
      ['20240103100000000000', '20240103100000000000_pg_only_comment.pg.up.sql', '20240103100000000000_pg_only_comment.pg.down.sql'],
      ['20240104100000000000', '20240104100000000000_name_index.postgresql.autocommit.up.sql', '20240104100000000000_name_index.down.sql'],
      ['20240105100000000000', '20240105100000000000_create_audit.up.sql', '20240105100000000000_create_audit.down.sql'],
    ]);
    expect(files('mysql').map(([v]) => v)).not.toContain('20240103100000000000');
    expect(files('mysql')[1]?.[1]).toBe('20240101100000000002_add_color.mysql.up.sql');
    expect(files('mysql')[3]?.[2]).toBe('20240104100000000000_name_index.mysql.down.sql');
    expect(files('sqlite3')[4]?.[1]).toBe('20240105100000000000_create_audit.sqlite.up.sql');
    expect(files('cockroach')[3]?.[1]).toBe('20240103100000000000_pg_only_comment.crdb.up.sql');
    const autocommit = migrationsForDialect(scan, 'sqlite3').find((m) => m.version === '20240104100000000000');
    expect(autocommit?.up).toMatchObject({ autocommit: true, dialect: 'all' });
  });
});

describe('scanMigrations problems', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const folder = async (files: Record<string, string>) => {
    dir = await mkdtemp(join(tmpdir(), 'dsnsh-mig-scan-'));
    for (const [name, content] of Object.entries(files)) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), content);
    }
    return dir;
  };

  it('names a .sql file whose name does not match', async () => {
    const result = await scanMigrations(await folder({ '1_a.up.sql': '', '1_a.down.sql': '', 'schema.sql': '' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('schema.sql is not a migration file name');
  });

  it('ignores other files, walks subfolders, warns about unknown dialects', async () => {
    const result = await scanMigrations(
      await folder({ 'README.md': '', 'sub/2_b.up.sql': '', 'sub/2_b.down.sql': '', '3_c.oracle.up.sql': '' }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scan.files.map((f) => f.file)).toEqual(['sub/2_b.down.sql', 'sub/2_b.up.sql']);
      expect(result.scan.warnings[0]).toContain('3_c.oracle.up.sql');
    }
  });

  it('rejects two files for the same version, dialect and direction (aliases included)', async () => {
    const result = await scanMigrations(await folder({ '1_a.pg.up.sql': '', '1_a.postgres.up.sql': '' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/1_a\.pg\.up\.sql and 1_a\.postgres\.up\.sql/);
  });

  it('says when the folder is missing', async () => {
    const result = await scanMigrations('/nonexistent/dsnsh-migrations');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('does not exist') });
  });
});
