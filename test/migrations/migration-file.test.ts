import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, parseMigrationFileName } from '../../source/migrations/migration-file.js';

describe('parseMigrationFileName', () => {
  it.each([
    [
      '20210817181232000006_unique_credentials.mysql.up.sql',
      {
        version: '20210817181232000006',
        name: 'unique_credentials',
        dialect: 'mysql',
        dialectSuffix: 'mysql',
        autocommit: false,
        direction: 'up',
      },
    ],
    [
      '20150100000001000000_networks.down.sql',
      { version: '20150100000001000000', name: 'networks', dialect: 'all', dialectSuffix: null, autocommit: false, direction: 'down' },
    ],
    ['1_x.pg.up.sql', { dialect: 'postgres', dialectSuffix: 'pg' }],
    ['1_x.pgx.up.sql', { dialect: 'postgres' }],
    ['1_x.postgresql.up.sql', { dialect: 'postgres' }],
    ['1_x.cockroachdb.up.sql', { dialect: 'cockroach' }],
    ['1_x.crdb.up.sql', { dialect: 'cockroach' }],
    ['1_x.sqlite.up.sql', { dialect: 'sqlite3' }],
    ['1_x.sqlite3.up.sql', { dialect: 'sqlite3' }],
    ['1_x.mariadb.up.sql', { dialect: 'mariadb', dialectSuffix: 'mariadb' }],
    ['1_x.autocommit.up.sql', { dialect: 'all', dialectSuffix: null, autocommit: true }],
    ['1_x.postgres.autocommit.down.sql', { dialect: 'postgres', autocommit: true, direction: 'down' }],
    ['007_spaces and-dashes.up.sql', { version: '007', name: 'spaces and-dashes' }],
  ])('%s', (fileName, expected) => {
    const parsed = parseMigrationFileName(fileName);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.file).toMatchObject(expected);
  });

  it.each([
    ['notes.txt', 'not-sql'],
    ['schema.sql', 'no-match'],
    ['20210101_x.sql', 'no-match'],
    ['20210101_x.UP.sql', 'no-match'],
    ['x_20210101.up.sql', 'no-match'],
    ['20210101_.up.sql', 'no-match'],
    ['20210101_x.Postgres.up.sql', 'no-match'],
    ['20210101_x.oracle.up.sql', 'unknown-dialect'],
    ['20210101_x.autocommit.autocommit.up.sql', 'unknown-dialect'],
  ])('%s is rejected as %s, naming the file', (fileName, reason) => {
    const parsed = parseMigrationFileName(fileName);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toBe(reason);
      expect(parsed.message).toContain(fileName);
    }
  });

  it('never throws and returns only documented results (fuzz)', () => {
    const piece = fc.constantFrom('1', '2024', '_', '.', 'up', 'down', 'sql', 'pg', 'mysql', 'autocommit', 'x', 'é', ' ', '/', 'Z', '-');
    const name = fc.oneof(
      fc.string(),
      fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(name, (fileName) => {
        const parsed = parseMigrationFileName(fileName);
        if (parsed.ok) {
          const f = parsed.file;
          expect(f.version).toMatch(/^\d+$/);
          expect(f.name).toMatch(/^[^.]+$/);
          expect(['up', 'down']).toContain(f.direction);
          expect(['all', 'postgres', 'cockroach', 'mysql', 'mariadb', 'sqlite3']).toContain(f.dialect);
          expect(fileName.startsWith(`${f.version}_${f.name}.`)).toBe(true);
          expect(fileName.endsWith(`.${f.direction}.sql`)).toBe(true);
          expect(f.autocommit).toBe(fileName.includes('.autocommit.'));
        } else {
          expect(['not-sql', 'no-match', 'unknown-dialect']).toContain(parsed.reason);
          expect(parsed.message).toContain(fileName);
          if (parsed.reason === 'not-sql') expect(fileName.endsWith('.sql')).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every generated well-formed name and reads it back', () => {
    const suffix = fc.constantFrom(null, 'postgres', 'pg', 'crdb', 'mysql', 'mariadb', 'sqlite', 'sqlite3');
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,20}$/),
        fc.stringMatching(/^[a-z_][a-z0-9_ -]{0,20}$/),
        suffix,
        fc.boolean(),
        fc.constantFrom('up', 'down'),
        (version, name, dialect, autocommit, direction) => {
          const fileName = `${version}_${name}${dialect ? `.${dialect}` : ''}${autocommit ? '.autocommit' : ''}.${direction}.sql`;
          const parsed = parseMigrationFileName(fileName);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parsed.file).toMatchObject({ version, name, dialectSuffix: dialect, autocommit, direction });
        },
      ),
    );
  });
});

describe('compareVersions', () => {
  it('orders numerically across lengths', () => {
    expect(['20240101100000000001', '20240101100000', '9', '010'].sort(compareVersions)).toEqual([
      '9',
      '010',
      '20240101100000',
      '20240101100000000001',
    ]);
  });
});
