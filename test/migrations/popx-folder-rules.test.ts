// How popx reads a migrations folder, rule by rule, on small folders written here: `.mariadb.`
// files, string order of versions, every up needs a down, links, merged folders, Go migrations.
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsForDialect, scanMigrations, type MigrationScan } from '../../source/migrations/scan-migrations.js';

let dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dsnsh-mig-rules-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

async function scanned(dir: string | string[]): Promise<MigrationScan> {
  const result = await scanMigrations(dir);
  if (!result.ok) throw new Error(result.error);
  return result.scan;
}

const pair = (stem: string) => ({ [`${stem}.up.sql`]: 'SELECT 1;', [`${stem}.down.sql`]: 'SELECT 1;' });

describe('popx folder rules', () => {
  it("never uses .mariadb. files under the mysql dialect (pop's mariadb is a dialect of its own)", async () => {
    const dir = await folder({
      '1_a.up.sql': 'SELECT 1;',
      '1_a.down.sql': 'SELECT 1;',
      '1_a.mariadb.down.sql': 'SELECT 2;',
      '2_only_mariadb.mariadb.up.sql': 'SELECT 1;',
      '2_only_mariadb.mariadb.down.sql': 'SELECT 1;',
    });
    const mysql = migrationsForDialect(await scanned(dir), 'mysql');
    expect(mysql.map((m) => [m.version, m.up.file, m.down?.file])).toEqual([['1', '1_a.up.sql', '1_a.down.sql']]);
  });

  it('orders versions as strings, as popx sorts them', async () => {
    const dir = await folder({
      ...pair('9_nine'),
      ...pair('10_ten'),
      ...pair('20200101000000_legacy'),
      ...pair('20150100000001000000_networks'),
    });
    expect(migrationsForDialect(await scanned(dir), 'postgres').map((m) => m.version)).toEqual([
      '10',
      '20150100000001000000',
      '20200101000000',
      '9',
    ]);
  });

  it('refuses a folder in which an up migration has no down migration of any dialect', async () => {
    const dir = await folder({
      ...pair('1_a'),
      '2_b.up.sql': 'SELECT 1;',
      '3_c.sqlite3.up.sql': 'SELECT 1;',
      '3_c.mysql.down.sql': 'SELECT 1;',
    });
    const result = await scanMigrations(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/2_b\.up\.sql has no down migration.*version 2.*add 2_b\.down\.sql/);
  });

  it('follows a symbolic link to a file, and lists a file reached by two paths once (ConfigMap layout)', async () => {
    const real = await folder({ ...pair('1_a') });
    const dir = await folder({ '..2024_01_01/2_b.up.sql': 'SELECT 2;', '..2024_01_01/2_b.down.sql': 'SELECT 2;' });
    await symlink(join(real, '1_a.up.sql'), join(dir, '1_a.up.sql'));
    await symlink(join(real, '1_a.down.sql'), join(dir, '1_a.down.sql'));
    await symlink('..2024_01_01', join(dir, '..data'));
    await symlink('..data/2_b.up.sql', join(dir, '2_b.up.sql'));
    await symlink('..data/2_b.down.sql', join(dir, '2_b.down.sql'));
    const migrations = migrationsForDialect(await scanned(dir), 'sqlite3');
    expect(migrations.map((m) => [m.up.file, m.down?.file])).toEqual([
      ['1_a.up.sql', '1_a.down.sql'],
      ['2_b.up.sql', '2_b.down.sql'],
    ]);
  });

  it('names a link to a file that does not exist', async () => {
    const dir = await folder({ ...pair('1_a') });
    await symlink(join(dir, 'gone.sql'), join(dir, '2_b.up.sql'));
    const result = await scanMigrations(dir);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('2_b.up.sql in') });
    if (!result.ok) expect(result.error).toContain('does not exist');
  });

  it("merges folders as Ory merges Keto's set with networkx: the first folder shadows the same relative path", async () => {
    const own = await folder({
      ...pair('20201110175414000000_relationtuple'),
      '20150100000001000000_networks.up.sql': '-- own',
      '20150100000001000000_networks.down.sql': '-- own',
    });
    const networkx = await folder({
      '20150100000001000000_networks.up.sql': '-- networkx',
      '20150100000001000000_networks.down.sql': '-- networkx',
      ...pair('20150100000002000000_more'),
    });
    const scan = await scanned([own, networkx]);
    const migrations = migrationsForDialect(scan, 'postgres');
    expect(migrations.map((m) => m.version)).toEqual(['20150100000001000000', '20150100000002000000', '20201110175414000000']);
    expect(migrations[0]?.up.path).toBe(join(own, '20150100000001000000_networks.up.sql'));
    expect(migrations[1]?.up.file).toBe(join(networkx, '20150100000002000000_more.up.sql'));
  });

  it('refuses two merged folders that give one version, dialect and direction two different files', async () => {
    const a = await folder({ ...pair('5_first') });
    const b = await folder({ ...pair('5_second') });
    const result = await scanMigrations([a, b]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/5_first\.(up|down)\.sql and .*5_second\.(up|down)\.sql are both the (up|down) migration of version 5/);
  });
});
