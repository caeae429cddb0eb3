// Go migrations: popx literals found in `.go` files (in the folder, its subfolders, and the
// sibling `go/` folder of a `sql/` folder), and the built-in table of the released services.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findGoMigrationLiterals } from '../../source/migrations/go-migration-literals.js';
import { migrationsForDialect, scanMigrations, type MigrationScan } from '../../source/migrations/scan-migrations.js';

let root = '';
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = '';
});

async function tree(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'dsnsh-mig-go-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), content);
  }
  return root;
}

async function scanned(dir: string): Promise<MigrationScan> {
  const result = await scanMigrations(dir);
  if (!result.ok) throw new Error(result.error);
  return result.scan;
}

// Written for these tests in the shape popx literals take; not any service's code.
const LITERALS = `package gomigrations

import "github.com/ory/x/popx"

const backfillVersion = "20240301000000000002"

var steps = []popx.Migration{
	{
		Version:   backfillVersion,
		Name:      "Backfill widget owners",
		Direction: "up",
		Type:      "go",
		DBType:    "postgres",
		Autocommit: true,
		Runner: func(m popx.Migration, c *pop.Connection) error {
			_, err := c.Store.Exec("UPDATE widgets SET owner = '}' WHERE owner IS NULL") // a brace in a string
			return err
		},
	},
	{
		Version:   "20240301000000000002",
		Name:      "Backfill widget owners (noop)",
		Direction: "up",
		Type:      "go",
		DBType:    "sqlite",
		Runner:    func(popx.Migration, *pop.Connection) error { return nil },
	},
	{
		Version:   "20240301000000000002",
		Name:      \`Revert backfill\`,
		Direction: "down",
		Type:      "go",
		DBType:    "all",
		Runner:    func(popx.Migration, *pop.Connection) error { return nil },
	},
	// not a Go migration: no Type "go"
	{ Version: "20240301000000000009", Name: "sql one", Type: "sql", Direction: "up", DBType: "all" },
}
`;

describe('findGoMigrationLiterals', () => {
  it('reads literal fields and names bound to strings in the same file', () => {
    expect(findGoMigrationLiterals(LITERALS).map(({ line: _line, ...rest }) => rest)).toEqual([
      { version: '20240301000000000002', name: 'Backfill widget owners', dbType: 'postgres', direction: 'up', autocommit: true },
      { version: '20240301000000000002', name: 'Backfill widget owners (noop)', dbType: 'sqlite', direction: 'up', autocommit: false },
      { version: '20240301000000000002', name: 'Revert backfill', dbType: 'all', direction: 'down', autocommit: false },
    ]);
  });
});

const sqlPair = (stem: string) => ({ [`${stem}.up.sql`]: 'SELECT 1;', [`${stem}.down.sql`]: 'SELECT 1;' });

describe('Go migrations in a folder', () => {
  it('finds them in the sibling go/ folder of a sql/ folder, between the SQL migrations', async () => {
    const base = await tree({
      ...Object.fromEntries(
        Object.entries({ ...sqlPair('20240301000000000001_a'), ...sqlPair('20240301000000000003_c') }).map(([k, v]) => [
          `migrations/sql/${k}`,
          v,
        ]),
      ),
      'migrations/go/backfill.go': LITERALS,
    });
    const scan = await scanned(join(base, 'migrations/sql'));
    const postgres = migrationsForDialect(scan, 'postgres');
    expect(postgres.map((m) => [m.version, m.up.type, m.name])).toEqual([
      ['20240301000000000001', 'sql', 'a'],
      ['20240301000000000002', 'go', 'Backfill widget owners'],
      ['20240301000000000003', 'sql', 'c'],
    ]);
    expect(postgres[1]?.up.file).toMatch(/^\.\.\/go\/backfill\.go:\d+$/);
    expect(postgres[1]?.down).toMatchObject({ type: 'go', name: 'Revert backfill' });
    expect(migrationsForDialect(scan, 'sqlite3')[1]?.name).toBe('Backfill widget owners (noop)');
    // no up literal for mysql: the version does not exist there
    expect(migrationsForDialect(scan, 'mysql').map((m) => m.version)).toEqual(['20240301000000000001', '20240301000000000003']);
  });

  it('knows the Go migrations of released Kratos and Keto from their SQL folders alone', async () => {
    const kratos = await tree({
      ...sqlPair('20191100000001000000_identities'),
      ...sqlPair('20251105000000000003_identity_id_not_null_fks'),
    });
    const ups = migrationsForDialect(await scanned(kratos), 'mysql');
    expect(ups.map((m) => [m.version, m.up.type, m.up.service])).toEqual([
      ['20191100000001000000', 'sql', null],
      ['20251105000000000001', 'go', 'kratos'],
      ['20251105000000000002', 'go', 'kratos'],
      ['20251105000000000003', 'sql', null],
    ]);
    await rm(kratos, { recursive: true, force: true });
    const keto = await tree({
      ...sqlPair('20201110175414000000_relationtuple'),
      ...sqlPair('20220513200600000000_drop-old-non-uuid-table'),
    });
    expect(migrationsForDialect(await scanned(keto), 'sqlite3').map((m) => [m.version, m.name, m.up.service])).toEqual([
      ['20201110175414000000', 'relationtuple', null],
      ['20220513200500000000', 'migrate-strings-to-uuids', 'keto'],
      ['20220513200600000000', 'drop-old-non-uuid-table', null],
    ]);
  });

  it('adds none to a release older than the Go migration', async () => {
    const old = await tree({ ...sqlPair('20201110175414000000_relationtuple'), ...sqlPair('20220512151000000000_indices') });
    expect(migrationsForDialect(await scanned(old), 'postgres').every((m) => m.up.type === 'sql')).toBe(true);
  });
});
