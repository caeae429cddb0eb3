import { describe, expect, it } from 'vitest';
import { isCompleteStatement } from '../../source/sql/is-complete-statement.js';
import type { SqlDialect } from '../../source/sql/dialect.js';

describe('isCompleteStatement', () => {
  const cases: Array<[string, SqlDialect, boolean]> = [
    ['select 1;', 'postgres', true],
    ['select 1', 'postgres', false],
    ['', 'postgres', false],
    ['-- only a comment;', 'postgres', false],
    ['select 1; -- done', 'mysql', true],
    ['select 1; /* open', 'postgres', false],
    ["select ';", 'postgres', false],
    ["select ';';", 'postgres', true],
    ['select $$ ; ', 'postgres', false],
    ['select 1; select 2', 'sqlite', false],
    ['select 1; select 2;', 'sqlite', true],
    ['create trigger t after insert on a begin delete from b;', 'sqlite', false],
    ['create trigger t after insert on a begin delete from b; end;', 'sqlite', true],
    ["select 'a\\';", 'mysql', false],
    ["select 'a\\';", 'postgres', true],
  ];
  it.each(cases)('%j (%s) → %s', (text, dialect, expected) => {
    expect(isCompleteStatement(text, dialect)).toBe(expected);
  });
});
