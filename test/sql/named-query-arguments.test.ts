// pgcli's named-query arguments: shell-like splitting, $1… / $* / $@ substitution, and errors
// that name what is missing.
import { describe, expect, it } from 'vitest';
import { splitArguments, substituteArguments } from '../../source/sql/named-query-arguments.js';

describe('splitArguments', () => {
  it.each([
    ['', []],
    ['1 2', ['1', '2']],
    ['"two words" x', ['two words', 'x']],
    [`"'bob'"`, ["'bob'"]],
    [`'a "b"'`, ['a "b"']],
    ['a\\ b', ['a b']],
    ['""', ['']],
  ])('%s', (line, args) => {
    expect(splitArguments(line)).toEqual({ ok: true, args });
  });
  it('an open quote is an error', () => {
    expect(splitArguments('"open')).toEqual({ ok: false, message: "an argument's double quote is not closed" });
  });
});

describe('substituteArguments', () => {
  it('substitutes $1 and $2', () => {
    expect(substituteArguments('q', 'select * from t where id = $1 and name = $2', ['5', "'x'"])).toEqual({
      ok: true,
      sql: "select * from t where id = 5 and name = 'x'",
    });
  });
  it('keeps $10 whole', () => {
    const args = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(substituteArguments('q', 'select $10, $1', args)).toEqual({ ok: true, sql: 'select v10, v1' });
    const all = 'select ' + args.map((_, i) => `$${i + 1}`).join(', ');
    expect(substituteArguments('q', all, args)).toEqual({ ok: true, sql: `select ${args.join(', ')}` });
  });
  it('$* joins the rest; $@ quotes the rest as SQL strings', () => {
    expect(substituteArguments('q', 'select * from t where id in ($*)', ['1', '2', '3'])).toEqual({
      ok: true,
      sql: 'select * from t where id in (1, 2, 3)',
    });
    expect(substituteArguments('q', 'select * from t where k = $1 and name in ($@)', ['7', "o'neil", 'x'])).toEqual({
      ok: true,
      sql: "select * from t where k = 7 and name in ('o''neil', 'x')",
    });
  });
  it('an argument is never substituted again', () => {
    expect(substituteArguments('q', 'select $1, $2', ['$2', 'b'])).toEqual({ ok: true, sql: 'select $2, b' });
  });
  it('names the missing arguments and how to run it', () => {
    expect(substituteArguments('by_id', 'select * from t where a = $1 and b = $2', ['1'])).toEqual({
      ok: false,
      message: 'The named query by_id needs 2 arguments ($2 missing).',
      hint: 'Run it as \\n by_id ARG1 ARG2; \\n lists the saved queries.',
    });
  });
  it('too many arguments is an error, not silently dropped', () => {
    expect(substituteArguments('q', 'select 1', ['x'])).toEqual({
      ok: false,
      message: 'The named query q takes 0 arguments, 1 given.',
      hint: 'Run it as \\n q.',
    });
  });
  it('$* with nothing left is an error', () => {
    expect(substituteArguments('q', 'select * from t where id in ($*)', [])).toMatchObject({
      ok: false,
      message: 'The named query q needs arguments for $* or $@ (none given).',
    });
  });
});
