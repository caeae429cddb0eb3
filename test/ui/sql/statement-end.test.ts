import { describe, expect, it } from 'vitest';
import { parseBackslashCommand } from '../../../source/ui/sql/backslash-commands.js';
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
    ['\\dt us*', { kind: 'listTables', pattern: 'us*', only: 'table' }],
    ['\\d users', { kind: 'describe', name: 'users' }],
    ['\\d', { kind: 'listTables', pattern: null, only: null }],
    ['\\dt app.*', { kind: 'listTables', pattern: 'app.*', only: 'table' }],
    // \dv is views only (it was the same as \dt).
    ['\\dv', { kind: 'listTables', pattern: null, only: 'view' }],
    ['\\dv v*', { kind: 'listTables', pattern: 'v*', only: 'view' }],
    ['\\di', { kind: 'listIndexes', pattern: null }],
    ['\\di items_*', { kind: 'listIndexes', pattern: 'items_*' }],
    ['\\df', { kind: 'listFunctions', pattern: null }],
    ['\\df app.touch', { kind: 'listFunctions', pattern: 'app.touch' }],
    // psql's + (more detail) is taken: the description already shows comments.
    ['\\d+ items', { kind: 'describe', name: 'items' }],
    ['\\d+', { kind: 'listTables', pattern: null, only: null }],
    ['\\dt+ a*', { kind: 'listTables', pattern: 'a*', only: 'table' }],
    ['\\dv+', { kind: 'listTables', pattern: null, only: 'view' }],
    ['\\di+', { kind: 'listIndexes', pattern: null }],
    ['\\df+', { kind: 'listFunctions', pattern: null }],
    ['\\x', { kind: 'toggleRecord' }],
    ['\\zz', { kind: 'unknown', text: '\\zz' }],
  ])('%s', (text, expected) => {
    expect(parseBackslashCommand(text)).toEqual(expected);
  });
});
