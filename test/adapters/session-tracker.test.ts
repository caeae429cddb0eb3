// What a server session holds beyond its rows (SessionTracker) and which statements set session
// state (changesSessionState): table-driven, no server.
import { describe, expect, it } from 'vitest';
import { SessionTracker, excerpt } from '../../source/adapters/session-tracker.js';
import { changesSessionState } from '../../source/sql/session-state-change.js';

describe('changesSessionState', () => {
  const cases: [string, 'postgres' | 'mysql', boolean][] = [
    ['set search_path = other', 'postgres', true],
    ['SET SESSION statement_timeout = 5', 'postgres', true],
    ['/* why */ set role app', 'postgres', true],
    ['set local search_path = other', 'postgres', false],
    ['SET TRANSACTION ISOLATION LEVEL SERIALIZABLE', 'postgres', false],
    ['create temp table t (id int)', 'postgres', true],
    ['CREATE GLOBAL TEMPORARY TABLE t (id int)', 'postgres', true],
    ['create or replace temp view v as select 1', 'postgres', true],
    ['create table t (id int)', 'postgres', false],
    ['select * into temp t from x', 'postgres', true],
    ["select set_config('search_path', 'other', false)", 'postgres', true],
    ['select pg_advisory_lock(1)', 'postgres', true],
    ['select pg_advisory_xact_lock(1)', 'postgres', false],
    ['prepare q as select 1', 'postgres', true],
    ['listen events', 'postgres', true],
    ['lock table t in access exclusive mode', 'postgres', false],
    ["select 'set search_path = x'", 'postgres', false],
    ['delete from t', 'postgres', false],
    ['use other', 'mysql', true],
    ['set @a = 1', 'mysql', true],
    ['SET autocommit = 0', 'mysql', true],
    ['set transaction isolation level serializable', 'mysql', true],
    ['select @a := 1', 'mysql', true],
    ['select count(*) into @n from t', 'mysql', true],
    ['create temporary table t (id int)', 'mysql', true],
    ['lock tables t write', 'mysql', true],
    ["select get_lock('m', 1)", 'mysql', true],
    ['/*!40101 SET @old = @@sql_mode */', 'mysql', true],
    ['select 1 -- use other', 'mysql', false],
    ['select a from t where b = 2', 'mysql', false],
  ];
  for (const [sql, dialect, expected] of cases) {
    it(`${dialect}: ${sql} → ${expected}`, () => expect(changesSessionState(sql, dialect)).toBe(expected));
  }
});

describe('SessionTracker', () => {
  it("keeps the open transaction's statements until it ends, and settings for good", () => {
    const tracker = new SessionTracker('postgres');
    tracker.record('set search_path = other', 'idle', { succeeded: true });
    tracker.record('begin', 'in-transaction', { succeeded: true });
    tracker.record('update t  set\n v = 1', 'in-transaction', { succeeded: true });
    tracker.record('select missing', 'failed', { succeeded: false });
    expect(tracker.held()).toEqual({ transactionStatements: ['begin', 'update t set v = 1'], settings: ['set search_path = other'] });
    tracker.record('rollback', 'idle', { succeeded: true });
    expect(tracker.held()).toEqual({ transactionStatements: [], settings: ['set search_path = other'] });
  });

  it("dsnsh's own read on the session (the console's search_path) is never one of the transaction's statements", () => {
    const tracker = new SessionTracker('postgres');
    tracker.record('begin', 'in-transaction', { succeeded: true });
    tracker.record("SELECT pg_catalog.current_setting('search_path')", 'in-transaction', { succeeded: true, ownRead: true });
    tracker.record('update t set v = 1', 'in-transaction', { succeeded: true });
    expect(tracker.held().transactionStatements).toEqual(['begin', 'update t set v = 1']);
  });

  it('a statement dsnsh applies to every session (read-only) is not a setting; a failed text may still have set one', () => {
    const tracker = new SessionTracker('mysql');
    tracker.record('SET SESSION TRANSACTION READ ONLY', 'idle', { succeeded: true, reapplied: true });
    expect(tracker.held().settings).toEqual([]);
    tracker.record('use other; select nope', 'idle', { succeeded: false });
    expect(tracker.held().settings).toEqual(['use other']);
  });

  it('excerpts are one line and short', () => {
    expect(excerpt('select\n  1')).toBe('select 1');
    expect(excerpt(`select '${'x'.repeat(200)}'`)).toHaveLength(80);
  });
});
