// After which statements the console reads its session's search_path again (PostgreSQL only).
import { describe, expect, it } from 'vitest';
import { classifyStatement } from '../../../source/sql/classify-statement.js';
import { searchPathStatement } from '../../../source/ui/sql/search-path-statement.js';

const after = (sql: string, dialect: 'postgres' | 'mysql' | 'sqlite' = 'postgres') =>
  searchPathStatement(dialect, classifyStatement(sql, dialect));

describe('searchPathStatement', () => {
  it.each([
    'set search_path = app',
    'set local search_path to app',
    'reset search_path',
    'discard all',
    'commit',
    'rollback',
    'rollback to savepoint a',
    "select set_config('search_path', 'app', false)",
    'do $$ begin perform 1; end $$',
  ])('reads it again after %s', (sql) => {
    expect(after(sql)).toBe("SELECT pg_catalog.current_setting('search_path')");
  });

  it.each(['select 1', 'insert into t values (1)', 'create table t (id int)'])('not after %s', (sql) => {
    expect(after(sql)).toBeNull();
  });

  it('never on MySQL or SQLite', () => {
    expect(after('set @a = 1', 'mysql')).toBeNull();
    expect(after('pragma foreign_keys = on', 'sqlite')).toBeNull();
  });
});
