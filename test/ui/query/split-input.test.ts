// The console's input: split by the one splitter, one question listing every destructive statement.
import { describe, expect, it } from 'vitest';
import { dialectOf } from '../../../source/sql/dialect.js';
import { queuedInput, statementsOfInput, stoppedNotice } from '../../../source/ui/query/split-input.js';
import { inputDanger } from '../../../source/ui/query/input-danger.js';

const pg = dialectOf('postgres');

describe('statementsOfInput', () => {
  it('splits several statements and keeps one statement exactly as typed', () => {
    expect(statementsOfInput('select 1 as a; select 2 as b;', pg)).toEqual(['select 1 as a;', 'select 2 as b;']);
    expect(statementsOfInput("-- note\nselect 'a\tb';", pg)).toEqual(["-- note\nselect 'a\tb';"]);
    expect(statementsOfInput("select ';' as semi; select 2", pg)).toEqual(["select ';' as semi;", 'select 2']);
    expect(statementsOfInput('\\export /tmp/x.csv; y', pg)).toEqual(['\\export /tmp/x.csv; y']);
    expect(statementsOfInput('   ', pg)).toEqual([]);
  });

  it('queues the question first, then each statement', () => {
    expect(queuedInput('a; b;', ['a;', 'b;']).map((item) => item.kind)).toEqual(['confirm', 'run', 'run']);
    expect(stoppedNotice(1)).toBe('stopped at the error: 1 statement did not run');
  });
});

describe('inputDanger', () => {
  const careful = { confirmDestructive: true };
  it('lists every destructive statement of the input, or nothing to ask', () => {
    expect(inputDanger(['select 1;', 'insert into t values (1);'], pg, careful)).toBeNull();
    expect(inputDanger(['delete from t;'], pg, {})).toBeNull();
    const danger = inputDanger(['insert into t values (1);', 'delete from t;', 'drop table u;'], pg, careful);
    expect(danger?.title).toContain('2 of 3 statements destroy data');
    expect(danger?.lines).toContain('delete from t;');
    expect(danger?.lines).toContain('drop table u;');
    expect(danger?.question).toContain('press y to run them');
    expect(inputDanger(['delete from t;'], pg, careful)?.title).toBe(
      'DELETE without WHERE: run this statement? y runs it, any other key cancels',
    );
  });
});
