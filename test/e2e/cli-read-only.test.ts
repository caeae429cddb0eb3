// --read-only is enforced, not advisory: every statement that would turn read-only off or write
// outside the database is refused before it is sent (exit 1, the reason named), however it is
// written; the data is checked afterwards on a second connection (a plain run of the CLI).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MYSQL_DSN, PG_DSN, availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ro-'));
  fs.chmodSync(dir, 0o777); // the database servers write their files (if they ever do) as their own user
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sql(target: string, text: string): Promise<string> {
  const result = await runCli([target, '-c', text, '--no-header']);
  if (result.code !== 0) throw new Error(`setup failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Runs `text` under --read-only: refused with exit 1 and a message saying why. */
async function expectRefused(target: string, text: string, reason: RegExp, extra: string[] = []): Promise<void> {
  const result = await runCli([target, '--read-only', ...extra, '-c', text]);
  expect(result.stderr).toMatch(/read-only/i);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code).toBe(1);
}

const TABLE = 'dsnsh_ro_t';

describe.skipIf(!availability().postgres)('PostgreSQL --read-only', () => {
  beforeAll(async () => {
    await sql(PG_DSN, `drop table if exists ${TABLE}; create table ${TABLE} (id int); insert into ${TABLE} values (1), (2), (3)`);
  });
  afterAll(async () => {
    await sql(PG_DSN, `drop table if exists ${TABLE}`);
  });

  const count = () => sql(PG_DSN, `select count(*) from ${TABLE}`);
  const delete_ = `delete from ${TABLE}`;

  it.each([
    [`SET default_transaction_read_only = off; ${delete_}`, /default_transaction_read_only/],
    [`SeT SeSsIoN DeFaUlT_TrAnSaCtIoN_ReAd_OnLy To FaLsE; ${delete_}`, /default_transaction_read_only/],
    [`set "default_transaction_read_only" = 'off'; ${delete_}`, /default_transaction_read_only/],
    [`/* first */ set session characteristics as transaction read write; ${delete_}`, /READ WRITE/],
    [`begin read write; ${delete_}; commit`, /READ WRITE/],
    [`START TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE; ${delete_}; commit`, /READ WRITE/],
    [`begin; set transaction read write; ${delete_}; commit`, /READ WRITE/],
    [`reset all; ${delete_}`, /RESET ALL/],
    [`-- a comment\nDISCARD ALL; ${delete_}`, /DISCARD ALL/],
    [`select set_config('default_transaction_read_only', 'off', false); ${delete_}`, /set_config/],
    [`(select pg_catalog.set_config('default_transaction_read_only', 'off', false)); ${delete_}`, /set_config/],
    [`select 1 where set_config('default_transaction_' || 'read_only', 'off', false) is not null; ${delete_}`, /set_config/],
    [`select 1; set session characteristics as transaction read write; ${delete_}`, /READ WRITE/],
    [`do $$ begin perform set_config('default_transaction_read_only', 'off', false); end $$; ${delete_}`, /DO block/],
  ])('%j is refused and the rows stay', async (text, reason) => {
    await expectRefused(PG_DSN, text, reason);
    expect(await count()).toBe('3');
  });

  it('with --continue-on-error the refused statement is skipped and the server still refuses writes', async () => {
    const result = await runCli([
      PG_DSN,
      '--read-only',
      '--continue-on-error',
      '-c',
      `set session characteristics as transaction read write; ${delete_}; select 'still here' as s`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/READ WRITE/);
    expect(result.stderr).toMatch(/read-only transaction/);
    expect(result.stdout).toContain('still here');
    expect(await count()).toBe('3');
  });

  it('COPY to a server file or a program, lo_export: refused, nothing written', async () => {
    const copied = path.join(dir, 'copy.txt');
    const program = path.join(dir, 'program-ran');
    const exported = path.join(dir, 'lo.txt');
    const oid = await sql(PG_DSN, "select lo_from_bytea(0, 'secret')");
    try {
      await expectRefused(PG_DSN, `copy ${TABLE} to '${copied}'`, /COPY/);
      await expectRefused(PG_DSN, `COPY (select 1) TO PROGRAM 'touch ${program}'`, /PROGRAM/);
      await expectRefused(PG_DSN, `select lo_export(${oid}, '${exported}')`, /lo_export/);
      for (const file of [copied, program, exported]) expect(fs.existsSync(file)).toBe(false);
    } finally {
      await sql(PG_DSN, `select lo_unlink(${oid})`);
    }
  });

  it("large-object writes (which the server's read-only mode lets through) are refused", async () => {
    const before = await sql(PG_DSN, 'select count(*) from pg_largeobject_metadata');
    await expectRefused(PG_DSN, "select lo_import('/etc/hostname')", /lo_import/);
    await expectRefused(PG_DSN, "select lo_from_bytea(0, 'x')", /large objects/);
    expect(await sql(PG_DSN, 'select count(*) from pg_largeobject_metadata')).toBe(before);
  });

  it('ALTER SYSTEM is refused', async () => {
    await expectRefused(PG_DSN, 'ALTER SYSTEM RESET work_mem', /ALTER SYSTEM/);
  });

  it('reading still works, and copy … to stdout is not refused', async () => {
    const result = await runCli([PG_DSN, '--read-only', '-c', `select count(*) as n from ${TABLE}; copy (select 1) to stdout`]);
    expect(result.stderr).not.toMatch(/read-only/i);
    expect(result.stdout).toContain('n\n3\n');
  });
});

describe.skipIf(!availability().mysql)('MariaDB --read-only', () => {
  beforeAll(async () => {
    await sql(MYSQL_DSN, `drop table if exists ${TABLE}; create table ${TABLE} (id int); insert into ${TABLE} values (1), (2), (3)`);
  });
  afterAll(async () => {
    await sql(MYSQL_DSN, `drop table if exists ${TABLE}`);
  });

  const count = () => sql(MYSQL_DSN, `select count(*) from ${TABLE}`);
  const delete_ = `delete from ${TABLE}`;

  it.each([
    [`set session transaction read write; ${delete_}`, /READ WRITE/],
    [`SET @@session.tx_read_only = 0; ${delete_}`, /tx_read_only/],
    [`set @@SESSION.\`tx_read_only\` := 0; ${delete_}`, /tx_read_only/],
    [`set @a = 1, tx_read_only = off; ${delete_}`, /tx_read_only/],
    [`start transaction read write; ${delete_}; commit`, /READ WRITE/],
    [`set statement tx_read_only = 0 for ${delete_}`, /tx_read_only/],
    [`/*!40000 SET SESSION TRANSACTION READ WRITE */; ${delete_}`, /READ WRITE/],
    [`prepare s from 'set session transaction read write'; execute s; ${delete_}`, /READ WRITE/],
    [`execute immediate 'set tx_read_only = 0'; ${delete_}`, /tx_read_only/],
    [`select 1; set session transaction read write; ${delete_}`, /READ WRITE/],
    [`# a comment\n(select 1); SET SESSION TRANSACTION READ WRITE; ${delete_}`, /READ WRITE/],
  ])('%j is refused and the rows stay', async (text, reason) => {
    await expectRefused(MYSQL_DSN, text, reason);
    expect(await count()).toBe('3');
  });

  it('INTO OUTFILE is refused, no file written', async () => {
    const file = path.join(dir, 'outfile.txt');
    await expectRefused(MYSQL_DSN, `select * from ${TABLE} into outfile '${file}'`, /OUTFILE/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('SQLite --read-only', () => {
  let db: string;
  beforeAll(async () => {
    db = path.join(dir, 'ro.sqlite');
    await sql(`sqlite://${db}`, 'create table t (id int); insert into t values (1), (2), (3)');
  });
  const count = () => sql(`sqlite://${db}`, 'select count(*) from t');

  it.each([
    ['pragma query_only = 0; delete from t', /query_only/],
    ['PRAGMA main.query_only(false); delete from t', /query_only/],
    ['-- c\npragma "query_only" = off; delete from t', /query_only/],
    ["select load_extension('/nonexistent/ext')", /load_extension/],
  ])('%j is refused and the rows stay', async (text, reason) => {
    await expectRefused(`sqlite://${db}`, text, reason);
    expect(await count()).toBe('3');
  });

  it('ATTACH and VACUUM INTO are refused: no file is created', async () => {
    const other = path.join(dir, 'other.sqlite');
    const copy = path.join(dir, 'copy.sqlite');
    await expectRefused(`sqlite://${db}`, `attach '${other}' as o; create table o.x (a int)`, /ATTACH/);
    await expectRefused(`sqlite://${db}`, `vacuum into '${copy}'`, /VACUUM INTO/);
    expect(fs.existsSync(other)).toBe(false);
    expect(fs.existsSync(copy)).toBe(false);
  });

  it('DSN pragmas that write are not applied (warned); the file is unchanged', async () => {
    const result = await runCli([
      `sqlite://${db}?_pragma=user_version(7)&_journal_mode=WAL&_fk=true`,
      '--read-only',
      '-c',
      'select count(*) as n from t',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('n\n3\n');
    // `_pragma=user_version(7)` is ignored by the service's driver (dsn explain says so): never applied
    expect(result.stderr).toMatch(/warning: .*journal_mode/);
    expect(result.stderr).not.toMatch(/foreign_keys/);
    expect(await sql(`sqlite://${db}`, 'pragma user_version')).toBe('0');
    expect(await sql(`sqlite://${db}`, 'pragma journal_mode')).toBe('delete');
  });

  it('a path that does not exist is not created (clear error, exit 3)', async () => {
    const missing = path.join(dir, 'missing.sqlite');
    const result = await runCli([`sqlite://${missing}`, '--read-only', '-c', 'select 1']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/does not exist/);
    expect(result.stderr).toMatch(/read-only/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('memory: query_only cannot be turned off', async () => {
    await expectRefused('memory', 'pragma query_only = 0; create table t (a int)', /query_only/);
  });
});
