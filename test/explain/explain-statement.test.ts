// What \explain sends: EXPLAIN per dialect, ANALYZE only for what the classifier calls read-only.
import { describe, expect, it } from 'vitest';
import { explainStatement } from '../../source/explain/explain-statement.js';

describe('explainStatement', () => {
  it("wraps one statement in each dialect's EXPLAIN, without its semicolon", () => {
    expect(explainStatement('select 1;', false, 'postgres')).toMatchObject({ ok: true, sql: 'EXPLAIN (FORMAT JSON) select 1' });
    expect(explainStatement('select 1', true, 'postgres')).toMatchObject({ ok: true, sql: 'EXPLAIN (ANALYZE, FORMAT JSON) select 1' });
    expect(explainStatement('select 1', false, 'mysql')).toMatchObject({ ok: true, sql: 'EXPLAIN FORMAT=JSON select 1' });
    expect(explainStatement('select 1', true, 'mysql')).toMatchObject({ ok: true, sql: 'ANALYZE FORMAT=JSON select 1' });
    expect(explainStatement('select 1', false, 'sqlite')).toMatchObject({ ok: true, sql: 'EXPLAIN QUERY PLAN select 1' });
  });

  it('explains a statement that changes data without running it, and refuses to ANALYZE it', () => {
    expect(explainStatement('delete from t where id = 1', false, 'postgres')).toMatchObject({ ok: true, analyze: false });
    for (const sql of [
      'delete from t where id = 1',
      'update t set a = 1',
      'insert into t values (1)',
      'with d as (delete from t returning *) select * from d',
    ]) {
      const request = explainStatement(sql, true, 'postgres');
      expect(request).toMatchObject({ ok: false });
      if (!request.ok)
        expect(request.message).toMatch(/^\\explain analyze runs the statement, and this one changes data: refused, nothing ran\.$/);
    }
    expect(explainStatement('drop table t', true, 'mysql')).toMatchObject({
      ok: false,
      message: '\\explain analyze runs the statement, and this one changes schema: refused, nothing ran.',
    });
  });

  it('refuses several statements, none, an EXPLAIN, and ANALYZE on SQLite', () => {
    expect(explainStatement('select 1; delete from t', false, 'postgres')).toMatchObject({
      ok: false,
      message: '\\explain explains one statement at a time; this input holds 2.',
    });
    expect(explainStatement('  ', false, 'postgres')).toMatchObject({ ok: false, message: '\\explain needs a statement.' });
    expect(explainStatement('explain analyze delete from t', false, 'postgres')).toMatchObject({
      ok: false,
      message: 'The statement is already EXPLAIN.',
    });
    expect(explainStatement('select 1', true, 'sqlite')).toMatchObject({ ok: false });
  });

  it('refuses a MySQL executable comment holding a ";" (the server would run the rest as a statement)', () => {
    for (const sql of ['select 1 /*! ; delete from t */ from dual', 'select 1 /*!50000 ; delete from t */ + 1']) {
      expect(explainStatement(sql, false, 'mysql')).toMatchObject({
        ok: false,
        message:
          'The statement holds an executable comment (/*! … */) with a ";": it would run as a statement of its own, not be explained.',
      });
    }
    // after the statement too (it counts as part of it); one without ";" is explained as written
    expect(explainStatement('select 1 /*! ; delete from t */', false, 'mysql')).toMatchObject({ ok: false });
    expect(explainStatement('select /*! STRAIGHT_JOIN */ 1', false, 'mysql')).toMatchObject({
      ok: true,
      sql: 'EXPLAIN FORMAT=JSON select /*! STRAIGHT_JOIN */ 1',
    });
  });
});
