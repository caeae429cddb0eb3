// What Tab should offer, decided from the statement around the cursor (`|` marks it).
import { describe, expect, it } from 'vitest';
import type { SqlDialect } from '../../../source/sql/dialect.js';
import { completionContext, type CompletionContext } from '../../../source/ui/sql/completion-context.js';
import { commonPrefix, completionCandidates } from '../../../source/ui/sql/completion.js';
import { databaseAfterUse } from '../../../source/ui/sql/database-after-use.js';
import { quoteIdentifier } from '../../../source/ui/sql/identifier-quoting.js';
import type { Relation } from '../../../source/ui/sql/statement-relations.js';
import { searchPathSchemas, unqualifiedSchemas } from '../../../source/ui/sql/unqualified-schemas.js';

function relationText(relation: Relation): string {
  if (relation.table)
    return `${relation.table.schema ? `${relation.table.schema}.` : ''}${relation.table.name}${relation.alias !== relation.table.name ? ` ${relation.alias}` : ''}`;
  const star = relation.starTables.map((table) => `${table.schema ? `${table.schema}.` : ''}${table.name}.*`);
  return `${relation.alias}(${[...relation.columns, ...star].join(',')})`;
}

interface Summary {
  prefix: string;
  qualifier?: string;
  tables?: string;
  columns?: string[];
  ctes?: string[];
  schemas?: true;
  keywords?: true;
}

function summary(context: CompletionContext | null): Summary | null {
  if (context === null) return null;
  const result: Summary = { prefix: context.name.prefix };
  if (context.name.qualifier.length > 0) result.qualifier = context.name.qualifier.join('.');
  if (context.tables) result.tables = context.tables.schema ?? '*';
  if (context.columns.length > 0) result.columns = context.columns.map(relationText);
  if (context.ctes.length > 0) result.ctes = context.ctes;
  if (context.schemas) result.schemas = true;
  if (context.keywords) result.keywords = true;
  return result;
}

function at(marked: string, dialect: SqlDialect = 'postgres'): Summary | null {
  const cursor = marked.indexOf('|');
  return summary(completionContext(marked.replace('|', ''), cursor, dialect));
}

describe('completion context', () => {
  it.each<[string, Summary | null, SqlDialect?]>([
    // tables after FROM / JOIN / INTO / UPDATE / a comma in FROM
    ['select * from us|', { prefix: 'us', tables: '*' }],
    ['select * from |', { prefix: '', tables: '*' }],
    ['SELECT * FROM users u JOIN ro|', { prefix: 'ro', tables: '*' }],
    ['select * from a, b|', { prefix: 'b', tables: '*' }],
    ['insert into or|', { prefix: 'or', tables: '*' }],
    ['update us|', { prefix: 'us', tables: '*' }],
    ['delete from us|', { prefix: 'us', tables: '*' }],
    ['alter table us|', { prefix: 'us', tables: '*' }],
    ['select * from app.us|', { prefix: 'us', qualifier: 'app', tables: 'app' }],
    ['select * from "My Schema".us|', { prefix: 'us', qualifier: 'My Schema', tables: 'My Schema' }],
    ['select * from "Us|', { prefix: 'Us', tables: '*' }],
    // columns after alias. and table. (FROM before or after the cursor)
    ['select * from users u where u.na|', { prefix: 'na', qualifier: 'u', columns: ['users u'] }],
    ['select u.| from users u', { prefix: '', qualifier: 'u', columns: ['users u'] }],
    ['select u.na| from users as u join roles r on r.id = u.role_id', { prefix: 'na', qualifier: 'u', columns: ['users u'] }],
    ['select r.| from users as u join roles r on r.id = u.role_id', { prefix: '', qualifier: 'r', columns: ['roles r'] }],
    ['select users.na| from users', { prefix: 'na', qualifier: 'users', columns: ['users'] }],
    ['select * from app.users where app.users.| ', { prefix: '', qualifier: 'app.users', columns: ['app.users'] }],
    ['select * from app.users x where X.i|', { prefix: 'i', qualifier: 'X', columns: ['app.users x'] }],
    ['select t.| from "Order Items" t', { prefix: '', qualifier: 't', columns: ['Order Items t'] }],
    ['select "T".| from orders "T"', { prefix: '', qualifier: 'T', columns: ['orders T'] }],
    ['select `o`.| from `orders` `o`', { prefix: '', qualifier: 'o', columns: ['orders o'] }, 'mysql'],
    ['select o.| from [order lines] o', { prefix: '', qualifier: 'o', columns: ['order lines o'] }, 'sqlite'],
    // an unknown qualifier: a table of that name, or a schema's tables
    ['select nothere.c|', { prefix: 'c', qualifier: 'nothere', columns: ['nothere'], tables: 'nothere' }],
    // columns of the FROM tables after WHERE / ORDER BY / GROUP BY / HAVING / SET / INSERT (
    ['select * from users u join roles r on r.id = u.role_id where na|', { prefix: 'na', columns: ['users u', 'roles r'], keywords: true }],
    ['select * from users order by na|', { prefix: 'na', columns: ['users'], keywords: true }],
    ['select count(*) from users group by na|', { prefix: 'na', columns: ['users'], keywords: true }],
    ['select na| from users', { prefix: 'na', columns: ['users'], keywords: true }],
    ['select count(na|) from users', { prefix: 'na', columns: ['users'], keywords: true }],
    ['update users set na|', { prefix: 'na', columns: ['users'], keywords: true }],
    ['update app.users u set name = 1, em|', { prefix: 'em', columns: ['app.users u'], keywords: true }],
    ['insert into users (na|', { prefix: 'na', columns: ['users'] }],
    ['insert into app.users (id, na|) values (1, 2)', { prefix: 'na', columns: ['app.users'] }],
    ['insert into users (id) values (na|', { prefix: 'na', keywords: true }],
    ['delete from users where na|', { prefix: 'na', columns: ['users'], keywords: true }],
    // subqueries: the query the cursor is in first, then the ones around it
    ['select * from users u where u.id in (select o.| from orders o)', { prefix: '', qualifier: 'o', columns: ['orders o'] }],
    [
      'select * from users u where exists (select 1 from orders o where o.user_id = u.|)',
      { prefix: '', qualifier: 'u', columns: ['users u'] },
    ],
    [
      'select * from users u where u.id in (select user_id from orders where to|)',
      { prefix: 'to', columns: ['orders', 'users u'], keywords: true },
    ],
    ['select s.| from (select id, name as label, count(*) n, t.x from t) s', { prefix: '', qualifier: 's', columns: ['s(id,label,n,x)'] }],
    ['select s.| from (select * from orders) as s', { prefix: '', qualifier: 's', columns: ['s(orders.*)'] }],
    ['select * from (select * from us|', { prefix: 'us', tables: '*' }],
    // CTE names
    ['with recent as (select id, total from orders) select * from re|', { prefix: 're', tables: '*', ctes: ['recent'] }],
    ['with recent as (select id, total from orders) select r.| from recent r', { prefix: '', qualifier: 'r', columns: ['r(id,total)'] }],
    [
      'with recent (a, b) as (select id, total from orders) select recent.| from recent',
      { prefix: '', qualifier: 'recent', columns: ['recent(a,b)'] },
    ],
    ['with a as (select 1 x), b as (select * from users) select b.| from b', { prefix: '', qualifier: 'b', columns: ['b(users.*)'] }],
    ['with recent as (select o.| from orders o) select 1', { prefix: '', qualifier: 'o', columns: ['orders o'] }],
    // comments and strings
    ['select * from /* from x */ us|', { prefix: 'us', tables: '*' }],
    ['select * -- from\nfrom us|', { prefix: 'us', tables: '*' }],
    ["select * from users where name = 'u.|", null],
    ['select 1 -- a comment u.|', null],
    ['select 1 /* open comment u.|', null],
    ['select 1 # mysql comment u.|', null, 'mysql'],
    ['select * from x where a = 1 -- done\nand b|', { prefix: 'b', columns: ['x'], keywords: true }],
    ["select 'from' as f, b| from t", { prefix: 'b', columns: ['t'], keywords: true }],
    // several statements: only the one the cursor is in
    ['select * from a; select * from b where b.|', { prefix: '', qualifier: 'b', columns: ['b'] }],
    ['select a.| from a; select * from b', { prefix: '', qualifier: 'a', columns: ['a'] }],
    // more clause shapes
    ['select * from a left join b using (|', { prefix: '', columns: ['a', 'b'], keywords: true }],
    ['update t set x = 1 where |', { prefix: '', columns: ['t'], keywords: true }],
    ['select distinct na| from users', { prefix: 'na', columns: ['users'], keywords: true }],
    ['select * from only us|', { prefix: 'us', tables: '*' }],
    ['select * from users u, orders o where o.| and u.id = 1', { prefix: '', qualifier: 'o', columns: ['orders o'] }],
    ['update users u set name = o.name from orders o where o.|', { prefix: '', qualifier: 'o', columns: ['orders o'] }],
    ['select * from users where id = (select max(id) from orders) and na|', { prefix: 'na', columns: ['users'], keywords: true }],
    ['SELECT U.| FROM Users U', { prefix: '', qualifier: 'U', columns: ['Users U'] }],
    ['select x.|', { prefix: '', qualifier: 'x', columns: ['x'], tables: 'x' }],
    ['select a . b|', { prefix: 'b', keywords: true }],
    // keywords elsewhere; databases after USE
    ['sel|', { prefix: 'sel', keywords: true }],
    ['select * from users u wh|', { prefix: 'wh', keywords: true }],
    ['select * from users limit |', { prefix: '', keywords: true }],
    ['use te|', { prefix: 'te', schemas: true }, 'mysql'],
    ['create table us|', { prefix: 'us', keywords: true }],
  ])('%s', (marked, expected, dialect) => {
    expect(at(marked, dialect)).toEqual(expected);
  });
});

describe('candidates', () => {
  const names = [
    { match: 'users', insert: 'users' },
    { match: 'user_roles', insert: 'user_roles' },
    { match: 'archive', insert: 'side.archive' },
  ];
  it('matches names by their own name, keywords in the case typed, names first', () => {
    expect(completionCandidates('us', names, ['USE', 'UPDATE'])).toEqual(['users', 'user_roles', 'use']);
    expect(completionCandidates('arc', names)).toEqual(['side.archive']);
    expect(completionCandidates('SEL', [], ['SELECT'])).toEqual(['SELECT']);
    expect(completionCandidates('', names, ['SELECT'])).toEqual(['users', 'user_roles', 'side.archive']);
    expect(commonPrefix(['users', 'user_roles'])).toBe('user');
  });
});

describe('quoting and bare names', () => {
  it('quotes a name only where the dialect needs it', () => {
    expect(quoteIdentifier('users', 'postgres')).toBe('users');
    expect(quoteIdentifier('Users', 'postgres')).toBe('"Users"');
    expect(quoteIdentifier('order items', 'mysql')).toBe('`order items`');
    expect(quoteIdentifier('Users', 'mysql')).toBe('Users');
    expect(quoteIdentifier('a"b', 'sqlite')).toBe('"a""b"');
    expect(quoteIdentifier('users', 'postgres', true)).toBe('"users"');
  });

  it('knows which schemas are named bare', () => {
    expect(searchPathSchemas('"$user", public', 'app')).toEqual(['app', 'public']);
    expect(searchPathSchemas('"My Schema",x', null)).toEqual(['My Schema', 'x']);
    const postgres = { capabilities: { schemas: true } as never, dsn: { backend: 'postgres', searchPath: null, user: 'ory' } as never };
    expect(unqualifiedSchemas(postgres, null, null)).toEqual(['ory', 'public']);
    expect(unqualifiedSchemas(postgres, { details: { search_path: 'kratos', user: 'ory' } } as never, null)).toEqual(['kratos']);
    const mysql = { capabilities: { schemas: false } as never, dsn: { backend: 'mysql', database: 'test' } as never };
    expect(unqualifiedSchemas(mysql, null, null)).toEqual(['test']);
    expect(unqualifiedSchemas(mysql, null, 'other')).toEqual(['other']);
    const sqlite = { capabilities: { schemas: false } as never, dsn: { backend: 'sqlite', path: ':memory:' } as never };
    expect(unqualifiedSchemas(sqlite, null, null)).toBeNull();
  });

  it('reads the database of USE', () => {
    expect(databaseAfterUse('use other', 'mysql')).toBe('other');
    expect(databaseAfterUse('USE `my db`;', 'mysql')).toBe('my db');
    expect(databaseAfterUse('/* c */ use other ;', 'mysql')).toBe('other');
    expect(databaseAfterUse('use a b', 'mysql')).toBeNull();
    expect(databaseAfterUse('select 1', 'mysql')).toBeNull();
  });
});
