// How the SQLite worker splits scripts (better-sqlite3 prepares one statement at a time): the
// shared splitter with SQLite's lexical rules, and `_txlock`'s rewriting of a bare BEGIN.
import { describe, expect, it } from 'vitest';
import { applyTxlock } from '../../source/adapters/sqlite/txlock.js';
import { splitStatements } from '../../source/sql/split-statements.js';

const texts = (sql: string) => splitStatements(sql, 'sqlite').map((statement) => statement.text);

describe('splitStatements with SQLite rules', () => {
  it.each([
    ['SELECT 1', ['SELECT 1']],
    ['SELECT 1; SELECT 2;', ['SELECT 1', 'SELECT 2']],
    ["SELECT 'a;b'; SELECT 'it''s;'", ["SELECT 'a;b'", "SELECT 'it''s;'"]],
    ['SELECT "we;ird", [x;y], `z;w` FROM t', ['SELECT "we;ird", [x;y], `z;w` FROM t']],
    ['SELECT 1; -- trailing; comment\n', ['SELECT 1']],
    ['/* a; b */ SELECT 1 /* ; */; ;;', ['SELECT 1']],
    ['-- only a comment;\n  ', []],
    ['', []],
  ])('%j', (sql, expected) => {
    expect(texts(sql)).toEqual(expected);
  });

  it('keeps a trigger body whole, CASE … END included', () => {
    const sql = `CREATE TABLE t (a);
CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN
  UPDATE t SET a = CASE WHEN new.a > 1 THEN 1 ELSE 0 END;
  SELECT 1;
END;
INSERT INTO t VALUES (1)`;
    const statements = texts(sql);
    expect(statements).toHaveLength(3);
    expect(statements[1]).toMatch(/^CREATE TEMP TRIGGER tr[\s\S]*SELECT 1;\nEND$/);
    expect(statements[2]).toBe('INSERT INTO t VALUES (1)');
  });

  it('gives each statement its offset in the script', () => {
    const sql = 'SELECT 1;\n  SELECT 2';
    expect(splitStatements(sql, 'sqlite').map((statement) => statement.start)).toEqual([0, 12]);
    expect(sql.slice(12)).toBe('SELECT 2');
  });
});

describe('applyTxlock', () => {
  it('turns a bare BEGIN into the DSN flavour', () => {
    expect(applyTxlock('BEGIN', 'immediate')).toBe('BEGIN IMMEDIATE');
    expect(applyTxlock('begin transaction', 'exclusive')).toBe('BEGIN EXCLUSIVE');
    expect(applyTxlock('BEGIN', 'deferred')).toBe('BEGIN');
    expect(applyTxlock('BEGIN DEFERRED', 'immediate')).toBe('BEGIN DEFERRED');
    expect(applyTxlock('SELECT 1', 'immediate')).toBe('SELECT 1');
  });
});
