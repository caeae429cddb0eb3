import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitStatements } from '../../source/sql/split-statements.js';
import type { SqlDialect } from '../../source/sql/dialect.js';

const texts = (sql: string, dialect: SqlDialect) => splitStatements(sql, dialect).map((s) => s.text);

describe('splitStatements', () => {
  const cases: Array<[string, SqlDialect, string, string[]]> = [
    ['plain', 'postgres', 'select 1; select 2', ['select 1', 'select 2']],
    ['empty statements skipped', 'sqlite', ' ;; select 1;\n;\n', ['select 1']],
    ['only comments', 'postgres', '-- a;\n/* b; */', []],
    ['semicolon in string', 'postgres', "select ';'; select 2", ["select ';'", 'select 2']],
    ['doubled quote', 'sqlite', "select 'it''s;'; select 2", ["select 'it''s;'", 'select 2']],
    ['quoted identifier', 'postgres', 'select 1 as "a;b"; select 2', ['select 1 as "a;b"', 'select 2']],
    ['backtick identifier', 'mysql', 'select `a;b` from t; select 2', ['select `a;b` from t', 'select 2']],
    ['bracket identifier', 'sqlite', 'select [a;b] from t; select 2', ['select [a;b] from t', 'select 2']],
    ['line comment', 'postgres', 'select 1 -- x;y\n; select 2', ['select 1', 'select 2']],
    ['leading comment skipped', 'postgres', '-- intro\nselect 1;', ['select 1']],
    ['block comment', 'sqlite', 'select /* ; */ 1; select 2', ['select /* ; */ 1', 'select 2']],
    ['nested block comment pg', 'postgres', 'select /* a /* ; */ ; */ 1; select 2', ['select /* a /* ; */ ; */ 1', 'select 2']],
    ['block comments do not nest in mysql', 'mysql', 'select /* a /* b */ 1; select 2', ['select /* a /* b */ 1', 'select 2']],
    [
      'dollar quote',
      'postgres',
      'create function f() returns int as $$ begin return 1; end $$ language plpgsql; select 2',
      ['create function f() returns int as $$ begin return 1; end $$ language plpgsql', 'select 2'],
    ],
    ['tagged dollar quote', 'postgres', 'select $a$ $$ ; $a$; select 2', ['select $a$ $$ ; $a$', 'select 2']],
    ['positional parameter is not a dollar quote', 'postgres', 'select $1; select $2', ['select $1', 'select $2']],
    ['E string backslash', 'postgres', "select E'\\';'; select 2", ["select E'\\';'", 'select 2']],
    ['standard string has no backslash escape in pg', 'postgres', "select '\\'; select 2", ["select '\\'", 'select 2']],
    ['mysql backslash escape', 'mysql', "select 'a\\';b'; select 2", ["select 'a\\';b'", 'select 2']],
    ['mysql double-quoted string', 'mysql', 'select "a\\";b"; select 2', ['select "a\\";b"', 'select 2']],
    ['mysql hash comment', 'mysql', 'select 1 # a;b\n; select 2', ['select 1', 'select 2']],
    ['mysql -- needs a space', 'mysql', 'select 1--1; select 2', ['select 1--1', 'select 2']],
    [
      'mysql executable comment is a statement',
      'mysql',
      '/*!40101 SET NAMES utf8 */;\nselect 1;',
      ['/*!40101 SET NAMES utf8 */', 'select 1'],
    ],
    ['hash is not a comment in pg', 'postgres', "select '{}'::jsonb #> '{a}'; select 2", ["select '{}'::jsonb #> '{a}'", 'select 2']],
    [
      'sqlite trigger body',
      'sqlite',
      'create trigger t after insert on a begin update b set x = 1; delete from c; end; select 1',
      ['create trigger t after insert on a begin update b set x = 1; delete from c; end', 'select 1'],
    ],
    [
      'sqlite trigger with case',
      'sqlite',
      'create temp trigger t after insert on a begin select case when 1 then 2 end; end; select 1',
      ['create temp trigger t after insert on a begin select case when 1 then 2 end; end', 'select 1'],
    ],
    [
      'mysql procedure with END IF/END CASE',
      'mysql',
      'CREATE DEFINER=`root`@`%` PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; CASE WHEN 1 THEN SELECT 2; END CASE; END; SELECT 3',
      ['CREATE DEFINER=`root`@`%` PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; CASE WHEN 1 THEN SELECT 2; END CASE; END', 'SELECT 3'],
    ],
    [
      'pg begin atomic',
      'postgres',
      'create function f() returns int language sql begin atomic select 1; select 2; end; select 3',
      ['create function f() returns int language sql begin atomic select 1; select 2; end', 'select 3'],
    ],
    ['transaction BEGIN is a statement', 'postgres', 'begin; select 1; commit;', ['begin', 'select 1', 'commit']],
    [
      'column named function in create table',
      'sqlite',
      'create table t (function text, begin int); select 1',
      ['create table t (function text, begin int)', 'select 1'],
    ],
    [
      'a table named event is not a routine',
      'mysql',
      'create table event (id int, begin int); select 1',
      ['create table event (id int, begin int)', 'select 1'],
    ],
    [
      'a table named trigger is not a routine',
      'sqlite',
      'create table "trigger" (begin int); create table function (begin int); select 1',
      ['create table "trigger" (begin int)', 'create table function (begin int)', 'select 1'],
    ],
    [
      'pg constraint trigger',
      'postgres',
      'create constraint trigger t after insert on a for each row execute function f(); select 1',
      ['create constraint trigger t after insert on a for each row execute function f()', 'select 1'],
    ],
    [
      'mysql definer = current_user',
      'mysql',
      'create definer = current_user trigger t before insert on a for each row begin set new.x = 1; end; select 1',
      ['create definer = current_user trigger t before insert on a for each row begin set new.x = 1; end', 'select 1'],
    ],
    [
      'sqlite temp trigger if not exists',
      'sqlite',
      'create temp trigger if not exists t after insert on a begin delete from b; end; select 1',
      ['create temp trigger if not exists t after insert on a begin delete from b; end', 'select 1'],
    ],
    ['unterminated string runs to the end', 'postgres', "select 'a; select 2", ["select 'a; select 2"]],
  ];
  it.each(cases)('%s (%s)', (_name, dialect, sql, expected) => {
    expect(texts(sql, dialect)).toEqual(expected);
  });

  it('reports line, column, offsets and termination', () => {
    const sql = '-- header\nselect 1;\n\n  select\n 2';
    expect(splitStatements(sql, 'postgres')).toEqual([
      { text: 'select 1', start: 10, end: 18, line: 2, column: 1, terminated: true },
      { text: 'select\n 2', start: 23, end: 32, line: 4, column: 3, terminated: false },
    ]);
  });

  const dialects = fc.constantFrom<SqlDialect>('postgres', 'mysql', 'sqlite');
  const sqlish = fc.string({ unit: fc.constantFrom(...`ab1 ;'"\`$-#/*\\[]\n()EBEGINDCASE`.split('')), maxLength: 80 });

  it('never throws, and statements are ordered, non-overlapping slices of the input', () => {
    fc.assert(
      fc.property(fc.oneof(sqlish, fc.string()), dialects, (sql, dialect) => {
        let previousEnd = 0;
        for (const statement of splitStatements(sql, dialect)) {
          expect(sql.slice(statement.start, statement.end)).toBe(statement.text);
          expect(statement.text.length).toBeGreaterThan(0);
          // Starts at a significant character (an unclosed string may end in blanks).
          expect(statement.text).toBe(statement.text.trimStart());
          expect(statement.text.trim().length).toBeGreaterThan(0);
          expect(statement.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = statement.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('joining simple statements with ; splits back into them', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((w) => !['begin', 'end', 'case', 'create'].includes(w));
    const literal = fc.string({ maxLength: 10 }).map((s) => `'${s.replaceAll("'", "''").replaceAll('\\', '')}'`);
    const statement = fc.array(fc.oneof(word, literal), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 8 }), dialects, (statements, dialect) => {
        expect(texts(statements.join(';\n'), dialect)).toEqual(statements);
        expect(texts(statements.map((s) => `${s};`).join(' -- note\n'), dialect)).toEqual(statements);
      }),
      { numRuns: 500 },
    );
  });

  it('splitting a concatenation of terminated scripts equals concatenating their splits', () => {
    fc.assert(
      fc.property(sqlish, sqlish, dialects, (a, b, dialect) => {
        const left = splitStatements(a, dialect);
        // Only meaningful when `a` ends cleanly (nothing left open).
        fc.pre(left.every((s) => s.terminated) && !/['"`$\\[/#-]/.test(a));
        expect(texts(`${a}\n${b}`, dialect)).toEqual([...left.map((s) => s.text), ...texts(b, dialect)]);
      }),
      { numRuns: 500 },
    );
  });
});
