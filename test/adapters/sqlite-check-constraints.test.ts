// SQLite keeps CHECK constraints only in the CREATE text: each one found, with its name.
import { describe, expect, it } from 'vitest';
import { sqliteCheckConstraints } from '../../source/adapters/sqlite/sqlite-check-constraints.js';

describe('sqliteCheckConstraints', () => {
  it('finds column and table checks, named or not, with nested parentheses', () => {
    const sql = `CREATE TABLE t (
      a INT CHECK (a > 0),
      b TEXT CONSTRAINT b_short CHECK (length(b) < 10),
      CONSTRAINT "a and b" CHECK ((a < 100) AND (b <> ')')),
      CHECK (a <> 5)
    )`;
    expect(sqliteCheckConstraints(sql)).toEqual([
      { name: '', definition: 'CHECK (a > 0)' },
      { name: 'b_short', definition: 'CHECK (length(b) < 10)' },
      { name: 'a and b', definition: "CHECK ((a < 100) AND (b <> ')'))" },
      { name: '', definition: 'CHECK (a <> 5)' },
    ]);
  });

  it('ignores the word check inside strings, quoted names and comments', () => {
    const sql = `CREATE TABLE t ("check" INT DEFAULT 'check (x)', -- check (y)
      c INT /* check (z) */ CHECK ("check" >= 0))`;
    expect(sqliteCheckConstraints(sql)).toEqual([{ name: '', definition: 'CHECK ("check" >= 0)' }]);
    expect(sqliteCheckConstraints('CREATE TABLE t (a INT)')).toEqual([]);
  });
});
