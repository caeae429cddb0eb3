// Parsing the power-user commands: named queries (SQL and arguments kept as typed), \watch, \e, \G.
import { describe, expect, it } from 'vitest';
import { editorRequest, parseBackslashCommand, recordViewRequest } from '../../../source/ui/sql/backslash-commands.js';
import { shouldRunOnEnter } from '../../../source/ui/sql/statement-end.js';

describe('named-query commands', () => {
  it.each([
    ['\\n', { kind: 'namedList' }],
    ['\\n by_id', { kind: 'namedRun', name: 'by_id', args: '' }],
    ['\\n by_id;', { kind: 'namedRun', name: 'by_id', args: '' }],
    ['\\n by_id 1 "two  words"', { kind: 'namedRun', name: 'by_id', args: '1 "two  words"' }],
    ['\\ns q select *\n  from t where a = $1;', { kind: 'namedSave', name: 'q', sql: 'select *\n  from t where a = $1' }],
    ['\\nd q', { kind: 'namedDelete', name: 'q' }],
  ])('%j', (text, command) => {
    expect(parseBackslashCommand(text)).toEqual(command);
  });
  it('a missing part says what the command needs', () => {
    expect(parseBackslashCommand('\\ns q')).toEqual({ kind: 'unknown', text: '\\ns needs a name and the SQL: \\ns NAME SQL' });
    expect(parseBackslashCommand('\\nd')).toEqual({ kind: 'unknown', text: '\\nd takes one name: \\nd NAME' });
  });
  it('other commands starting with \\n are not named-query commands', () => {
    expect(parseBackslashCommand('\\nope')).toEqual({ kind: 'unknown', text: '\\nope' });
  });
});

describe('\\watch and \\e', () => {
  it.each([
    ['\\watch', { kind: 'watch', seconds: 2 }],
    ['\\watch 5', { kind: 'watch', seconds: 5 }],
    ['\\watch 0.5;', { kind: 'watch', seconds: 0.5 }],
  ])('%j', (text, command) => {
    expect(parseBackslashCommand(text)).toEqual(command);
  });
  it.each(['0', '-1', 'soon', '1e3', '100000'])('\\watch %s is refused, naming the range', (argument) => {
    expect(parseBackslashCommand(`\\watch ${argument}`)).toEqual({
      kind: 'unknown',
      text: `\\watch takes the seconds between runs (0.1 to 86400), not "${argument}"`,
    });
  });
  it.each([
    ['\\e', ''],
    ['select 1 \\e', 'select 1'],
    ['select *\n  from t \\e  ', 'select *\n  from t'],
    ['select 1', null],
    ["select 'a\\e'", null],
    ['select x\\e', null],
  ])('editorRequest(%j)', (text, before) => {
    expect(editorRequest(text)).toBe(before);
  });
});

describe('\\G ending a statement', () => {
  it.each([
    ['select 1\\G', 'select 1'],
    ['select *\n  from t \\G;', 'select *\n  from t'],
    ['select 1', null],
    ['\\G', null],
  ])('recordViewRequest(%j)', (text, statement) => {
    expect(recordViewRequest(text)).toBe(statement);
  });
  it.each([
    ['select *\nfrom t\\G', true, true],
    ['select 1 \\G', false, true],
    ["select 'open \\G", false, false],
    ['select /* open \\G', true, false],
  ])('Enter on %j (pasted %s) runs: %s', (text, pasted, runs) => {
    expect(shouldRunOnEnter(text, 'postgres', pasted)).toBe(runs);
  });
});

describe('\\explain', () => {
  it('keeps the SQL as typed (line breaks, quoted spaces); analyze is its first word', () => {
    expect(parseBackslashCommand("\\explain select  'a  b'\nfrom t;")).toEqual({
      kind: 'explain',
      analyze: false,
      sql: "select  'a  b'\nfrom t;",
    });
    expect(parseBackslashCommand('\\explain ANALYZE select 1')).toEqual({ kind: 'explain', analyze: true, sql: 'select 1' });
    expect(parseBackslashCommand('\\explain analyse select 1')).toEqual({ kind: 'explain', analyze: true, sql: 'select 1' });
    expect(parseBackslashCommand('\\explain')).toEqual({ kind: 'explain', analyze: false, sql: '' });
    expect(parseBackslashCommand('\\explainx')).toEqual({ kind: 'unknown', text: '\\explainx' });
  });
});

describe('\\set vi', () => {
  it.each([
    ['\\set vi on', true],
    ['\\set vi off', false],
    ['\\set vi ON;', true],
    ['\\set vi true', true],
    ['\\set vi false', false],
  ])('%j', (text, on) => {
    expect(parseBackslashCommand(text)).toEqual({ kind: 'setVi', on });
  });
  it('anything else says what \\set takes', () => {
    expect(parseBackslashCommand('\\set vi')).toEqual({ kind: 'unknown', text: '\\set vi needs on or off (\\set vi on)' });
    expect(parseBackslashCommand('\\set emacs on')).toEqual({
      kind: 'unknown',
      text: '\\set emacs on: the setting dsnsh knows is vi (\\set vi on, \\set vi off)',
    });
  });
});
