// The one statement classifier, table-driven per dialect: what each statement returns, changes,
// destroys, and what read-only mode must refuse; seen through comments, parentheses, CTEs,
// EXPLAIN ANALYZE, DO blocks, MySQL executable comments and several statements on one line.
import { describe, expect, it } from 'vitest';
import { classifyStatement, classifyStatements, statementCommand, type Classification } from '../../source/sql/classify-statement.js';
import type { SqlDialect } from '../../source/sql/dialect.js';

type Expect = Partial<Classification>;
const each = (dialect: SqlDialect, cases: Array<[string, Expect]>) =>
  it.each(cases)(`${dialect}: %j`, (sql, expected) => {
    expect(classifyStatement(sql, dialect)).toMatchObject(expected);
  });

const ROWS: Expect = { returnsRows: true, readOnly: true, changes: 'none', destructive: null, readOnlyViolation: null };
const NO_ROWS_WRITE: Expect = { returnsRows: false, readOnly: false, changes: 'data' };

describe('rows: what streams', () => {
  each('postgres', [
    ['select 1', { ...ROWS, keyword: 'SELECT' }],
    ["with t as (select 'delete me' as x) select * from big, t", { ...ROWS, keyword: 'WITH', command: 'SELECT' }],
    ['(select * from big)', { ...ROWS, keyword: 'SELECT' }],
    ['((select 1) union (select 2))', ROWS],
    ['-- why\n/* how /* nested */ */ select * from big', { ...ROWS, keyword: 'SELECT' }],
    ['values (1), (2)', { ...ROWS, keyword: 'VALUES' }],
    ['table big', { ...ROWS, keyword: 'TABLE' }],
    ['show search_path', ROWS],
    ['explain select * from big', { ...ROWS, keyword: 'EXPLAIN' }],
    ['explain (costs off) delete from big', { ...ROWS, keyword: 'EXPLAIN' }],
    ['with recursive s(n) as (select 1 union all select n + 1 from s where n < 3) select * from s', ROWS],
    ['with a as materialized (select 1), b as not materialized (select 2) (select * from a, b)', ROWS],
    ['select * from t for update', { returnsRows: true, changes: 'none' }],
    ['insert into t values (1) returning id', { ...NO_ROWS_WRITE, returnsRows: true, command: 'INSERT' }],
    ['update t set a = 1 where id = 2 returning *', { returnsRows: true, readOnly: false, changes: 'data', destructive: null }],
    ['fetch 10 from c', { returnsRows: true, readOnly: false, changes: 'session' }],
    ['select * into new_table from t', { returnsRows: false, readOnly: false, changes: 'schema' }],
    ['select \'select\' from "with"', ROWS],
  ]);
  each('mysql', [
    ['show tables', { ...ROWS, keyword: 'SHOW' }],
    ['describe t', ROWS],
    ['desc t', ROWS],
    ['explain format=json select 1', ROWS],
    ['/*!40101 select 1 */', { ...ROWS, keyword: 'SELECT' }],
    ['select /*+ MAX_EXECUTION_TIME(1000) */ * from big', ROWS],
    ['values row(1), row(2)', ROWS],
    ['select 1 into @x', { returnsRows: false, readOnly: false, changes: 'session' }],
    ['select @a := 1', { returnsRows: true, readOnly: false, changes: 'session' }],
    ['delete from t where id = 1 returning id', { returnsRows: true, changes: 'data' }],
  ]);
  each('sqlite', [
    ['pragma table_info(t)', { ...ROWS, keyword: 'PRAGMA' }],
    ['PRAGMA main.index_list("t")', ROWS],
    ['pragma foreign_keys', ROWS],
    ['pragma foreign_keys = on', { returnsRows: false, readOnly: false, changes: 'session' }],
    ['pragma cache_size(100)', { returnsRows: false, readOnly: false, changes: 'session' }],
    ['pragma user_version = 3', { returnsRows: false, changes: 'schema' }],
    ['pragma optimize', { readOnly: false, changes: 'unknown' }],
    ['explain query plan select * from big', ROWS],
    ['explain delete from big', ROWS],
    ['select * from [where] where "delete" = 1', ROWS],
  ]);
});

describe('what a statement changes', () => {
  each('postgres', [
    [
      'WITH x AS (DELETE FROM t WHERE id = 1 RETURNING *) SELECT * FROM x',
      { returnsRows: true, readOnly: false, changes: 'data', destructive: null, command: 'SELECT' },
    ],
    ['with x as (insert into t values (1) returning *) select * from x', { readOnly: false, changes: 'data' }],
    ['with x as (select 1) insert into t select * from x', { returnsRows: false, readOnly: false, changes: 'data', command: 'INSERT' }],
    ['explain analyze delete from t where id = 1', { returnsRows: true, readOnly: false, changes: 'data', destructive: null }],
    ['explain analyse select 1', { returnsRows: true, readOnly: true }],
    ['explain (analyze, buffers) update t set a = 1 where id = 1', { readOnly: false, changes: 'data' }],
    ['explain (analyze false) delete from t', { readOnly: true, changes: 'none', destructive: null }],
    ['explain analyze with x as (delete from t where id = 1 returning *) select * from x', { readOnly: false, changes: 'data' }],
    ['create table t (id int)', { readOnly: false, changes: 'schema' }],
    ['create rule r as on insert to t do instead (delete from u)', { changes: 'schema', destructive: null }],
    ['set search_path = app', { readOnly: false, changes: 'session', transaction: null }],
    ["select nextval('s')", { returnsRows: true, readOnly: false, changes: 'unknown' }],
    ["select pg_catalog.setval('s', 1)", { readOnly: false }],
    ['call p()', { readOnly: false, changes: 'unknown' }],
    ['do $$ begin perform 1; end $$', { readOnly: false, changes: 'unknown', destructive: null }],
    ['copy t from stdin', { readOnly: false, changes: 'data' }],
    ['copy (select 1) to stdout', { readOnly: true, changes: 'none' }],
    ['lock table t', { readOnly: false, changes: 'session' }],
    ['prepare p as select 1', { readOnly: false, changes: 'session' }],
    ['grant select on t to app', { changes: 'schema' }],
    ['vacuum t', { readOnly: false, changes: 'unknown' }],
    ['frobnicate everything', { keyword: 'FROBNICATE', readOnly: false, changes: 'unknown' }],
    ['', { keyword: null, readOnly: true, changes: 'none', returnsRows: false }],
    ['-- only a comment', { keyword: null, readOnly: true, changes: 'none' }],
  ]);
  each('mysql', [
    ['replace into t values (1)', { ...NO_ROWS_WRITE, command: 'REPLACE' }],
    ["select replace(a, 'x', 'y') from t", ROWS],
    ["select (insert('abc', 1, 1, 'x'))", ROWS],
    ['analyze select 1', { returnsRows: true, readOnly: true }],
    ['analyze table t', { returnsRows: false, readOnly: false }],
    ['analyze format=json update t set a = 1 where id = 1', { returnsRows: true, readOnly: false, changes: 'data' }],
    ["load data infile 'x' into table t", { changes: 'data' }],
    ['do sleep(1)', { readOnly: false }],
    ["execute immediate 'delete from t where id = 1'", { readOnly: false, changes: 'data' }],
    ['set global max_connections = 10', { readOnly: false, changes: 'unknown' }],
    ['use app', { readOnly: false, changes: 'session' }],
  ]);
  each('sqlite', [
    ['insert or replace into t values (1)', NO_ROWS_WRITE],
    ['replace into t values (1)', NO_ROWS_WRITE],
    ["attach 'x.db' as x", { readOnly: false, changes: 'session' }],
    ["select load_extension('x')", { readOnly: false }],
    ['with x as (select 1) delete from t where id in (select * from x)', { readOnly: false, changes: 'data', command: 'DELETE' }],
  ]);
});

describe('transaction control', () => {
  each('postgres', [
    ['begin', { transaction: 'begin', readOnly: false }],
    ['BEGIN ISOLATION LEVEL SERIALIZABLE', { transaction: 'begin' }],
    ['start transaction read only', { transaction: 'begin', readOnlyViolation: null }],
    ['commit', { transaction: 'commit' }],
    ['end', { transaction: 'commit' }],
    ['rollback', { transaction: 'rollback' }],
    ['abort', { transaction: 'rollback' }],
    ['savepoint a', { transaction: 'savepoint' }],
    ['release savepoint a', { transaction: 'release' }],
    ['release a', { transaction: 'release' }],
    ['rollback to savepoint a', { transaction: 'rollback-to' }],
    ['rollback to a', { transaction: 'rollback-to' }],
    ["commit prepared 'x'", { transaction: null }],
    ["prepare transaction 'x'", { transaction: 'commit' }],
    ['select 1', { transaction: null }],
  ]);
  each('mysql', [
    ['start transaction with consistent snapshot', { transaction: 'begin' }],
    ['begin work', { transaction: 'begin' }],
    ['rollback work to savepoint a', { transaction: 'rollback-to' }],
    ['start slave', { transaction: null }],
  ]);
  each('sqlite', [
    ['begin immediate transaction', { transaction: 'begin' }],
    ['end transaction', { transaction: 'commit' }],
  ]);
});

describe('destructive statements, every form', () => {
  each('postgres', [
    ['drop table users', { destructive: 'DROP TABLE' }],
    ['DROP TABLE IF EXISTS a, b CASCADE', { destructive: 'DROP TABLE' }],
    ['drop materialized view v', { destructive: 'DROP MATERIALIZED VIEW' }],
    ['drop database app', { destructive: 'DROP DATABASE' }],
    ['drop schema s cascade', { destructive: 'DROP SCHEMA' }],
    ['TRUNCATE users', { destructive: 'TRUNCATE' }],
    ['truncate table a, b restart identity', { destructive: 'TRUNCATE' }],
    ['delete from users', { destructive: 'DELETE without WHERE' }],
    ['delete from users where id = 1', { destructive: null }],
    ["update users set name = 'where'", { destructive: 'UPDATE without WHERE' }],
    ['update users set name = "where"', { destructive: 'UPDATE without WHERE' }],
    ['update t set a = (select b from u where u.id = t.id)', { destructive: 'UPDATE without WHERE' }],
    ['update t set a = 1 from u where u.id = t.id', { destructive: null }],
    ['delete from t where 1=1', { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where true', { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where 1', { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where (1 = 1)', { destructive: 'DELETE with a WHERE that is always true' }],
    ["delete from t where 'a' = 'a'", { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where not false', { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where 2 > 1', { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where id = id', { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where 1 is not null', { destructive: 'DELETE with a WHERE that is always true' }],
    ['update t set a = 1 where id = 5 or 1=1', { destructive: 'UPDATE with a WHERE that is always true' }],
    ['update t set a = 1 where 1=1 and 2=2', { destructive: 'UPDATE with a WHERE that is always true' }],
    ['update t set a = 1 where id = 5 and 1=1', { destructive: null }],
    ['update t set a = 1 where (id = 5 or 1=1) and b = 2', { destructive: null }],
    ['update t set a = 1 where (id = 5 or 1=1)', { destructive: 'UPDATE with a WHERE that is always true' }],
    ['delete from t where 1=0', { destructive: null }],
    ['delete from t where a between 1 and 2 or true', { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where a between 1 and 2', { destructive: null }],
    ['delete from t where id = 1 returning *', { destructive: null }],
    ['delete from t where true returning *', { destructive: 'DELETE with a WHERE that is always true' }],
    ['alter table users drop column x', { destructive: 'ALTER … DROP' }],
    ['alter table users add column x int', { destructive: null }],
    ['select * from drop_log', { destructive: null }],
    ["select 'drop table t'", { destructive: null }],
    ['insert into t values (1) on conflict (id) do update set a = 1', { destructive: null }],
    ['WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x', { destructive: 'DELETE without WHERE' }],
    ['with x as (update t set a = 1 where true returning *) select 1', { destructive: 'UPDATE with a WHERE that is always true' }],
    ['explain analyze delete from t', { destructive: 'DELETE without WHERE' }],
    ['explain analyze verbose truncate t', { destructive: null }],
    ['explain delete from t', { destructive: null }],
    ['(delete from t)', { destructive: 'DELETE without WHERE', readOnly: false }],
    ['/* tidy */ (delete from t where true)', { destructive: 'DELETE with a WHERE that is always true' }],
    ['((update t set a = 1 where 1 = 1))', { destructive: 'UPDATE with a WHERE that is always true' }],
    ['(delete from t where id = 1)', { destructive: null }],
    ['-- note\n/* x */ DROP TABLE t', { destructive: 'DROP TABLE' }],
    ['do $$ begin delete from t where id = 1; end $$', { destructive: 'DO block with DELETE' }],
    ['DO LANGUAGE plpgsql $body$ BEGIN DROP TABLE t; END $body$', { destructive: 'DO block with DROP' }],
    ["do 'begin truncate t; end'", { destructive: 'DO block with TRUNCATE' }],
    ["do $$ begin execute 'dr' || 'op table t'; end $$", { destructive: 'DO block with EXECUTE (SQL built at run time)' }],
    ['do $$ begin update t set a = 1; end $$', { destructive: 'DO block with UPDATE without WHERE' }],
    ['do $$ begin update t set a = 1 where id = 2; perform 1 from t for update; end $$', { destructive: null }],
    ['prepare p as delete from t', { destructive: 'DELETE without WHERE (prepared)' }],
  ]);
  each('mysql', [
    ['/*!50000 DROP TABLE t */', { keyword: 'DROP', destructive: 'DROP TABLE' }],
    ['select 1 /*! ; drop table t */', { destructive: 'DROP TABLE' }],
    ['delete /*!50000 from t */', { destructive: 'DELETE without WHERE' }],
    // MariaDB runs the comment; the splitter ends the statement before it: destructive either way.
    ['delete from t /*M!100000 where 1 */', { destructive: 'DELETE without WHERE', readOnly: false }],
    ['select 1; /*M!100000 drop table t */', { destructive: 'DROP TABLE' }],
    ['/*M!100000 drop table t */', { keyword: 'DROP', destructive: 'DROP TABLE' }],
    ['delete from t where 1=1', { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where id = 2 || 1', { destructive: 'DELETE with a WHERE that is always true' }],
    ['update t set a = 1 where true limit 10', { destructive: 'UPDATE with a WHERE that is always true' }],
    ['update t set a = 1 order by id limit 1', { destructive: 'UPDATE without WHERE' }],
    ['delete t1 from t1 join t2 on t1.id = t2.id', { destructive: 'DELETE without WHERE' }],
    ["delete from t where '1'", { destructive: 'DELETE with a WHERE that is always true' }],
    ['delete from t where "1" = 1', { destructive: 'DELETE with a WHERE that is always true' }],
    ['drop temporary table t', { destructive: 'DROP TEMPORARY TABLE' }],
    ['truncate table t', { destructive: 'TRUNCATE' }],
    ['insert into t values (1) on duplicate key update a = 1', { destructive: null }],
    ["prepare s from 'drop table t'", { destructive: 'DROP TABLE (prepared)' }],
    ["execute immediate 'truncate t'", { destructive: 'TRUNCATE' }],
    ['select `delete` from `drop`', { destructive: null }],
    ['select "delete from t"', { destructive: null }],
    ['# drop table t\nselect 1', { destructive: null }],
  ]);
  each('sqlite', [
    ['delete from t', { destructive: 'DELETE without WHERE' }],
    ['drop index i', { destructive: 'DROP INDEX' }],
    ['create trigger tr after insert on a begin delete from b; end', { destructive: null }],
    ['alter table t drop column c', { destructive: 'ALTER … DROP' }],
    ['alter table t rename to u', { destructive: null }],
  ]);
});

describe('several statements on one line', () => {
  it("classifies each statement with the splitter's boundaries", () => {
    const all = classifyStatements('select 1; drop table t;', 'postgres');
    expect(all.map((s) => [s.statement.text, s.keyword, s.destructive])).toEqual([
      ['select 1', 'SELECT', null],
      ['drop table t', 'DROP', 'DROP TABLE'],
    ]);
    expect(classifyStatements('set @a=1; delete from t;', 'mysql').map((s) => s.destructive)).toEqual([null, 'DELETE without WHERE']);
  });
  it('one text holding several: the most dangerous answer wins', () => {
    expect(classifyStatement('select 1; drop table t', 'postgres')).toMatchObject({
      keyword: 'SELECT',
      returnsRows: false,
      readOnly: false,
      destructive: 'DROP TABLE',
    });
    expect(classifyStatement('delete from t where id = 1; select 1', 'sqlite')).toMatchObject({
      returnsRows: true,
      readOnly: false,
      changes: 'data',
    });
    expect(classifyStatement('select 1; select 2', 'sqlite')).toMatchObject({ returnsRows: true, readOnly: true });
    expect(classifyStatement('select 1; set session transaction read write; delete from t', 'mysql')).toMatchObject({
      readOnlyViolation: 'SET … TRANSACTION READ WRITE would make transactions writable',
      destructive: 'DELETE without WHERE',
    });
  });
});

describe('read-only violations: turning read-only off, writing outside the database', () => {
  const refused = (reason: RegExp | string): Expect => ({ readOnlyViolation: expect.stringMatching(reason) as unknown as string });
  each('postgres', [
    ['SET default_transaction_read_only = off', refused(/default_transaction_read_only/)],
    ['set session default_transaction_read_only to false', refused(/default_transaction_read_only/)],
    ['SET "default_transaction_read_only" = off', refused(/default_transaction_read_only/)],
    ['set local transaction_read_only = off', refused(/transaction_read_only/)],
    ['SET TRANSACTION READ WRITE', refused(/READ WRITE/)],
    ['set transaction isolation level serializable, read write', refused(/READ WRITE/)],
    ['set session characteristics as transaction read write', refused(/READ WRITE/)],
    ['BEGIN READ WRITE', refused(/READ WRITE/)],
    ['begin transaction isolation level repeatable read read write', refused(/READ WRITE/)],
    ['start transaction read write', refused(/READ WRITE/)],
    ['RESET ALL', refused(/RESET ALL/)],
    ['reset default_transaction_read_only', refused(/default_transaction_read_only/)],
    ['reset "transaction_read_only"', refused(/transaction_read_only/)],
    ['set local "transaction_read_only" to off', refused(/transaction_read_only/)],
    ['DISCARD ALL', refused(/DISCARD ALL/)],
    ["select set_config('default_transaction_read_only', 'off', false)", refused(/set_config/)],
    ["SELECT 1 WHERE pg_catalog.set_config('transaction_read_only', 'off', true) IS NOT NULL", refused(/set_config/)],
    ["select set_config('default_transaction_' || 'read_only', 'off', false)", refused(/set_config/)],
    ["select set_config(name, 'off', false) from pg_settings where name like 'default_transaction_read%'", refused(/set_config/)],
    ["select \"set_config\"(E'default_transaction_read_only', 'off', false)", refused(/set_config/)],
    ["(select set_config('default_transaction_read_only', 'off', false))", refused(/set_config/)],
    ["copy t to '/tmp/x'", refused(/COPY/)],
    ["copy (select 1) to '/tmp/x' with (format csv)", refused(/COPY/)],
    ["COPY t TO PROGRAM 'cat > /tmp/x'", refused(/PROGRAM/)],
    ["copy t from program 'id'", refused(/PROGRAM/)],
    ["select lo_export(16394, '/tmp/x')", refused(/lo_export/)],
    ["select lo_import('/etc/hostname')", refused(/lo_import/)],
    ["select lo_from_bytea(0, 'x')", refused(/large objects/)],
    ['select lo_unlink(16394)', refused(/large objects/)],
    ["ALTER SYSTEM SET work_mem = '1GB'", refused(/ALTER SYSTEM/)],
    ["load 'auto_explain'", refused(/LOAD/)],
    ['do $$ begin perform 1; end $$', refused(/DO block/)],
    ["select dblink_exec('dbname=test', 'delete from t')", refused(/another connection/)],
    ["explain analyze select set_config('default_transaction_read_only', 'off', false)", refused(/set_config/)],
    ["with x as (select lo_import('/etc/passwd')) select * from x", refused(/lo_import/)],
  ]);
  each('postgres', [
    ["select set_config('search_path', 'app', false)", { readOnlyViolation: null }],
    ['set default_transaction_isolation = serializable', { readOnlyViolation: null }],
    [
      'set search_path = default_transaction_read_only',
      { readOnlyViolation: 'SET default_transaction_read_only would change read-only mode' },
    ],
    ["select 'set default_transaction_read_only = off'", { readOnlyViolation: null }],
    ['set search_path = "transaction_read_only"', { readOnlyViolation: null }],
    ['select * from t -- reset all', { readOnlyViolation: null }],
    ['copy t to stdout', { readOnlyViolation: null }],
    ['copy (select 1) to stdout with (format csv)', { readOnlyViolation: null }],
    ['start transaction read only', { readOnlyViolation: null }],
    ['set transaction isolation level read committed', { readOnlyViolation: null }],
    ['discard temp', { readOnlyViolation: null }],
    ['insert into t values (1)', { readOnlyViolation: null }],
  ]);
  each('mysql', [
    ['SET SESSION TRANSACTION READ WRITE', refused(/READ WRITE/)],
    ['set transaction read write', refused(/READ WRITE/)],
    ['START TRANSACTION READ WRITE', refused(/READ WRITE/)],
    ['start transaction with consistent snapshot, read write', refused(/READ WRITE/)],
    ['set tx_read_only = 0', refused(/tx_read_only/)],
    ['SET @@session.tx_read_only = 0', refused(/tx_read_only/)],
    ['set @@SESSION.transaction_read_only=OFF', refused(/transaction_read_only/)],
    ['set session transaction_read_only = default', refused(/transaction_read_only/)],
    ['set @a = 1, @@tx_read_only := 0', refused(/tx_read_only/)],
    ['set @@session.`tx_read_only` = 0', refused(/tx_read_only/)],
    ['set `tx_read_only` := 0', refused(/tx_read_only/)],
    ['set @a = 1, `transaction_read_only` = 0', refused(/transaction_read_only/)],
    ['set statement tx_read_only=0 for delete from t', refused(/tx_read_only/)],
    ['/*!40000 SET SESSION TRANSACTION READ WRITE */', refused(/READ WRITE/)],
    ['select 1 /*M!100000 ; set tx_read_only = 0 */', refused(/tx_read_only/)],
    ['set global read_only = 0', refused(/GLOBAL/)],
    ['set @@global.transaction_read_only = 0', refused(/read-only|GLOBAL/)],
    ["prepare s from 'set session transaction read write'", refused(/READ WRITE/)],
    ['prepare s from @sql', refused(/cannot check/)],
    ["execute immediate 'set tx_read_only=0'", refused(/tx_read_only/)],
    ["execute immediate concat('set tx_read_', 'only=0')", refused(/cannot check/)],
    ["select * from t into outfile '/tmp/x'", refused(/OUTFILE/)],
    ["select * into dumpfile '/tmp/x' from t", refused(/DUMPFILE/)],
    ["install soname 'ha_blackhole'", refused(/INSTALL/)],
  ]);
  each('mysql', [
    ['set @tx_read_only = 0', { readOnlyViolation: null }],
    // A quoted name read as a value changes nothing (found by the property test, seed -2067770482).
    ['set @a = `tx_read_only`', { readOnlyViolation: null }],
    ['set session transaction read only', { readOnlyViolation: null }],
    ['set names utf8mb4', { readOnlyViolation: null }],
    ["prepare s from 'select 1'", { readOnlyViolation: null }],
    ["execute immediate 'select ?' using @a", { readOnlyViolation: null }],
    ['select @@tx_read_only', { readOnlyViolation: null }],
    ["select 'set tx_read_only = 0'", { readOnlyViolation: null }],
    ['select * from t into @a', { readOnlyViolation: null }],
  ]);
  each('sqlite', [
    ['PRAGMA query_only = 0', refused(/query_only/)],
    ['pragma main.query_only(false)', refused(/query_only/)],
    ['pragma "query_only" = off', refused(/query_only/)],
    ["ATTACH DATABASE '/tmp/x.db' AS x", refused(/ATTACH/)],
    ["vacuum into '/tmp/copy.db'", refused(/VACUUM INTO/)],
    ["vacuum main into '/tmp/copy.db'", refused(/VACUUM INTO/)],
    ["select load_extension('/tmp/x.so')", refused(/load_extension/)],
  ]);
  each('sqlite', [
    ['pragma query_only', { readOnlyViolation: null }],
    ['vacuum', { readOnlyViolation: null }],
    ["select 'attach'", { readOnlyViolation: null }],
  ]);
});

describe('statementCommand: the command word, reading no further than needed', () => {
  it.each<[string, SqlDialect, string | null]>([
    ['select 1', 'sqlite', 'SELECT'],
    ['  -- c\n/* x */ WITH t AS (select 1) select * from t', 'sqlite', 'SELECT'],
    ['with t as (select 1) insert into x select * from t', 'sqlite', 'INSERT'],
    ['with t as (select 1) delete from x', 'postgres', 'DELETE'],
    ['(select 1)', 'postgres', 'SELECT'],
    ['/*!40101 SET NAMES utf8 */', 'mysql', 'SET'],
    ['/* c */ insert into t values (1)', 'mysql', 'INSERT'],
    ['', 'postgres', null],
    ['123', 'postgres', null],
  ])('%j (%s) → %s', (sql, dialect, expected) => {
    expect(statementCommand(sql, dialect)).toBe(expected);
    if (expected !== null) expect(classifyStatement(sql, dialect).command).toBe(expected);
  });
});
