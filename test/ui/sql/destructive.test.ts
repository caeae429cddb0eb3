import { describe, expect, it } from 'vitest';
import { describeWrite, markPosition } from '../../../source/ui/query/outcome.js';
import { destructiveReason, destructiveToConfirm } from '../../../source/ui/sql/destructive.js';

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
    ['drop table users', 'DROP TABLE'],
    ['TRUNCATE users', 'TRUNCATE'],
    ['delete from users', 'DELETE without WHERE'],
    ['delete from users where id = 1', null],
    ["update users set name = 'where'", 'UPDATE without WHERE'],
    ['alter table users drop column x', 'ALTER … DROP'],
    ['select * from drop_log', null],
    ['delete from users where 1=1', 'DELETE with a WHERE that is always true'],
    ['update users set a = 1 where id = 2 or true', 'UPDATE with a WHERE that is always true'],
    ['with x as (delete from users returning *) select * from x', 'DELETE without WHERE'],
    ['explain analyze delete from users', 'DELETE without WHERE'],
    ['do $$ begin drop table users; end $$', 'DO block with DROP'],
    ['select 1; drop table users', 'DROP TABLE'],
  ])('%s', (sql, expected) => {
    expect(destructiveReason(sql, 'postgres')).toBe(expected);
  });
});

describe('which statements ask first, per profile settings', () => {
  it.each([
    ['delete from t', {}, null],
    ['delete from t', { production: true }, 'DELETE without WHERE'],
    ['delete from t', { production: true, confirmDestructive: false }, null],
    ['delete from t', { confirmDestructive: true }, 'DELETE without WHERE'],
    ['delete from t where id = 1', { confirmDestructive: true }, null],
    ['drop table t', { confirmDestructive: true }, 'DROP TABLE'],
    ["select 'drop table t'", { confirmDestructive: true }, null],
  ])('%s with %j', (sql, settings, expected) => {
    expect(destructiveToConfirm(sql, 'sqlite', settings)).toBe(expected);
  });
});
