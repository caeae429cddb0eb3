import { describe, expect, it } from 'vitest';
import { parseBackslashCommand } from '../../../source/ui/sql/backslash-commands.js';
import { commonPrefix, completionCandidates, tablesMentioned, wordAtCursor } from '../../../source/ui/sql/completion.js';
import { shouldRunOnEnter } from '../../../source/ui/sql/statement-end.js';

describe('shouldRunOnEnter', () => {
  const cases: Array<[string, 'postgres' | 'mysql' | 'sqlite', boolean, boolean]> = [
    ['select 1', 'sqlite', false, true],
    ['select 1', 'sqlite', true, false],
    ['select 1;', 'sqlite', true, true],
    ['select\n1', 'sqlite', false, false],
    ['select\n1;', 'sqlite', false, true],
    ["select 'a;", 'sqlite', false, false],
    ["select ';'", 'sqlite', false, true],
    ['select 1; -- done', 'postgres', false, true],
    ['select $$;$$', 'postgres', true, false],
    ['select $$a$$;', 'postgres', true, true],
    ['select /* ; */ 1', 'postgres', true, false],
    ["select 'it\\'s';", 'mysql', true, true],
    ['\\dt', 'sqlite', false, true],
    ['   ', 'sqlite', false, false],
  ];
  it.each(cases)('%j (%s, pasted %s)', (text, dialect, pasted, expected) => {
    expect(shouldRunOnEnter(text, dialect, pasted)).toBe(expected);
  });
});

describe('backslash commands', () => {
  it.each([
    ['\\q', { kind: 'quit' }],
    ['\\dt us*', { kind: 'listTables', pattern: 'us*' }],
    ['\\d users', { kind: 'describe', name: 'users' }],
    ['\\d', { kind: 'listTables', pattern: null }],
    ['\\x', { kind: 'toggleRecord' }],
    ['\\zz', { kind: 'unknown', text: '\\zz' }],
  ])('%s', (text, expected) => { expect(parseBackslashCommand(text)).toEqual(expected); });
});

describe('completion', () => {
  it('finds the word under the cursor and candidates', () => {
    expect(wordAtCursor('select * from us', 16)).toEqual({ from: 14, to: 16, word: 'us' });
    expect(completionCandidates('us', ['users', 'user_roles', 'orders'])).toEqual(['users', 'user_roles']);
    expect(completionCandidates('sel', [])).toEqual(['select']);
    expect(commonPrefix(['users', 'user_roles'])).toBe('user');
    expect(tablesMentioned('select a from users u join roles r on')).toEqual(['users', 'roles']);
  });
});
