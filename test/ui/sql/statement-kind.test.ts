import { describe, expect, it } from 'vitest';
import { describeWrite, markPosition } from '../../../source/ui/query/outcome.js';
import { firstKeyword, returnsRows } from '../../../source/ui/query/statement-kind.js';
import { destructiveReason, destructiveToConfirm } from '../../../source/ui/sql/destructive.js';

describe('statement kind', () => {
  it.each([
    ['select 1', true], ['  -- c\n/* x */ WITH t AS (select 1) select * from t', true], ['with t as (select 1) insert into x select * from t', false],
    ['insert into t values (1)', false], ['PRAGMA table_info(t)', true], ['pragma foreign_keys = on', false], ['show tables', true], ['begin', false],
  ])('%j returns rows: %s', (sql, expected) => { expect(returnsRows(sql)).toBe(expected); });
  it('finds the first keyword after comments', () => { expect(firstKeyword('/* a */ -- b\n Select 1')).toBe('select'); });
});

describe('outcome text', () => {
  it('marks the failing position on its line', () => {
    expect(markPosition('select 1\nfrm t', 10)).toEqual(['LINE 2: frm t', '        ^']);
    expect(markPosition('x', null)).toEqual([]);
  });
  it('describes writes', () => {
    expect(describeWrite('UPDATE', 1)).toBe('UPDATE · 1 row affected');
    expect(describeWrite(null, null)).toBe('OK');
  });
});

describe('destructive statements', () => {
  it.each([
    ['drop table users', 'DROP'],
    ['TRUNCATE users', 'TRUNCATE'],
    ['delete from users', 'DELETE without WHERE'],
    ["delete from users where id = 1", null],
    ["update users set name = 'where'", 'UPDATE without WHERE'],
    ['alter table users drop column x', 'ALTER … DROP'],
    ['select * from drop_log', null],
  ])('%s', (sql, expected) => { expect(destructiveReason(sql, 'postgres')).toBe(expected); });
});

describe('which statements ask first, per profile settings', () => {
  it.each([
    ['delete from t', {}, null],
    ['delete from t', { production: true }, 'DELETE without WHERE'],
    ['delete from t', { production: true, confirmDestructive: false }, null],
    ['delete from t', { confirmDestructive: true }, 'DELETE without WHERE'],
    ['delete from t where id = 1', { confirmDestructive: true }, null],
    ['drop table t', { confirmDestructive: true }, 'DROP'],
    ["select 'drop table t'", { confirmDestructive: true }, null],
  ])('%s with %j', (sql, settings, expected) => { expect(destructiveToConfirm(sql, 'sqlite', settings)).toBe(expected); });
});
