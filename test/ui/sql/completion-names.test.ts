// The names a completion context yields, read from real servers through a background reader:
// bare or schema-qualified tables, a relation's columns, quoting where the dialect needs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../../source/adapters/adapter.js';
import { backgroundReader } from '../../../source/adapters/background-reader.js';
import { openAdapter } from '../../../source/adapters/open-adapter.js';
import { parseDsn } from '../../../source/dsn/parse-dsn.js';
import { dialectOf } from '../../../source/sql/dialect.js';
import { CompletionCatalog } from '../../../source/ui/sql/completion-catalog.js';
import { completionContext } from '../../../source/ui/sql/completion-context.js';
import { completionNames } from '../../../source/ui/sql/completion-names.js';
import { completionCandidates } from '../../../source/ui/sql/completion.js';
import { unqualifiedSchemas } from '../../../source/ui/sql/unqualified-schemas.js';
import { availability, MYSQL_DSN, PG_DSN } from '../../helpers/servers.js';

async function offered(
  adapter: Adapter,
  catalog: CompletionCatalog,
  marked: string,
  usedDatabase: string | null = null,
): Promise<string[]> {
  const dialect = dialectOf(adapter.backend);
  const context = completionContext(marked.replace('|', ''), marked.indexOf('|'), dialect)!;
  const unqualified = unqualifiedSchemas(adapter, null, usedDatabase);
  const names = await completionNames(context, { catalog, dialect, unqualified, usedDatabase, signal: new AbortController().signal });
  return completionCandidates(context.name.prefix, names);
}

describe('completion names on memory (SQLite)', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await openAdapter(parseDsn('memory'));
    await adapter.run('create table "Order Items" (item_id integer, "Unit Price" real)');
    await adapter.run('create table orders (order_id integer, total integer)');
  });
  afterAll(async () => {
    await adapter.close();
  });

  it('offers tables bare and quotes the ones that need it; columns of the alias', async () => {
    const catalog = new CompletionCatalog(backgroundReader(adapter));
    expect(await offered(adapter, catalog, 'select * from or|')).toEqual(['orders', '"Order Items"']);
    expect(await offered(adapter, catalog, 'select i.| from "Order Items" i')).toEqual(['item_id', '"Unit Price"']);
    expect(await offered(adapter, catalog, 'select * from orders o join "Order Items" i on i.item_id = o.|')).toEqual([
      'total',
      'order_id',
    ]);
    expect(await offered(adapter, catalog, 'with t as (select order_id as id from orders) select t.| from t')).toEqual(['id']);
  });

  it('keeps the names until invalidated (DDL)', async () => {
    const catalog = new CompletionCatalog(backgroundReader(adapter));
    expect(await offered(adapter, catalog, 'select * from lat|')).toEqual([]);
    await adapter.run('create table late (x integer)');
    expect(await offered(adapter, catalog, 'select * from lat|')).toEqual([]);
    catalog.invalidate();
    expect(await offered(adapter, catalog, 'select * from lat|')).toEqual(['late']);
  });
});

describe.skipIf(!availability().postgres)('completion names on PostgreSQL', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await openAdapter(parseDsn(PG_DSN));
    await adapter.run('drop schema if exists zc_names_side cascade');
    await adapter.run('drop table if exists "ZcNamesMixed"');
    await adapter.run('create schema zc_names_side');
    await adapter.run('create table zc_names_side.zc_names_archive (archived_on int)');
    await adapter.run('create table "ZcNamesMixed" ("Id" int, plain int)');
  });
  afterAll(async () => {
    await adapter.run('drop schema if exists zc_names_side cascade');
    await adapter.run('drop table if exists "ZcNamesMixed"');
    await adapter.close();
  });

  it('qualifies a table outside the search path, quotes mixed case, reads a schema-qualified relation', async () => {
    const catalog = new CompletionCatalog(backgroundReader(adapter));
    expect(await offered(adapter, catalog, 'select * from zc_names_a|')).toEqual(['zc_names_side.zc_names_archive']);
    expect(await offered(adapter, catalog, 'select * from zc_names_side.|')).toEqual(['zc_names_archive']);
    expect(await offered(adapter, catalog, 'select * from zcnamesm|')).toEqual(['"ZcNamesMixed"']);
    expect(await offered(adapter, catalog, 'select m.| from "ZcNamesMixed" m')).toEqual(['"Id"', 'plain']);
    expect(await offered(adapter, catalog, 'select a.| from zc_names_side.zc_names_archive a')).toEqual(['archived_on']);
  });
});

describe.skipIf(!availability().mysql)('completion names on MariaDB', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await openAdapter(parseDsn(MYSQL_DSN));
    await adapter.run('drop database if exists zc_names_side');
    await adapter.run('drop table if exists `zc names spaced`');
    await adapter.run('create database zc_names_side');
    await adapter.run('create table zc_names_side.zc_names_archive (archived_on int)');
    await adapter.run('create table `zc names spaced` (`the id` int, plain int)');
  });
  afterAll(async () => {
    await adapter.run('drop database if exists zc_names_side');
    await adapter.run('drop table if exists `zc names spaced`');
    await adapter.close();
  });

  it('qualifies a table of another database until USE makes it current; quotes with backticks', async () => {
    const catalog = new CompletionCatalog(backgroundReader(adapter));
    expect(await offered(adapter, catalog, 'select * from zc_names_a|')).toEqual(['zc_names_side.zc_names_archive']);
    expect(await offered(adapter, catalog, 'select * from zc_names_a|', 'zc_names_side')).toEqual(['zc_names_archive']);
    expect(await offered(adapter, catalog, 'select a.| from zc_names_archive a', 'zc_names_side')).toEqual(['archived_on']);
    expect(await offered(adapter, catalog, 'select * from `zc n|')).toEqual(['`zc names spaced`']);
    expect(await offered(adapter, catalog, 'select * from `zc_names_a|', 'zc_names_side')).toEqual(['`zc_names_archive`']);
    expect(await offered(adapter, catalog, 'select s.| from `zc names spaced` s')).toEqual(['plain', '`the id`']);
    expect(await offered(adapter, catalog, 'use zc_names_s|')).toEqual(['zc_names_side']);
  });
});
