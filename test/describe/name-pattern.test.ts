// psql's name patterns: wildcards, schema.name, folding of unquoted letters, quoted text kept.
import { describe, expect, it } from 'vitest';
import { matchesName, NamePatternError, parseNamePattern } from '../../source/describe/name-pattern.js';

const folded = (pattern: string) => parseNamePattern(pattern, 'folded');

describe('parseNamePattern', () => {
  it.each([
    // pattern, schema, name, matches
    ['items', 'public', 'items', true],
    ['items', 'public', 'items2', false],
    ['item*', 'public', 'items', true],
    ['item*', 'public', 'item', true],
    ['item?', 'public', 'items', true],
    ['item?', 'public', 'item', false],
    ['*', 'app', 'anything', true],
    ['app.*', 'app', 'users', true],
    ['app.*', 'public', 'users', false],
    ['a*.u*', 'app', 'users', true],
    ['*.users', 'other', 'users', true],
    ['Items', 'public', 'items', true],
    ['Items', 'public', 'Items', false],
    ['"Items"', 'public', 'Items', true],
    ['"Items"', 'public', 'items', false],
    ['APP."Users"', 'app', 'Users', true],
    ['"a.b"', 'public', 'a.b', true],
    ['"a*"', 'public', 'a*', true],
    ['"a*"', 'public', 'ab', false],
    ['"say ""hi"""', 'public', 'say "hi"', true],
    ['a+b', 'public', 'a+b', true],
    ['a+b', 'public', 'aab', false],
    ['user_id', 'public', 'userxid', false],
    ['public.', 'public', 'anything', true],
  ])('%s against %s.%s: %s', (pattern, schema, name, expected) => {
    expect(matchesName(folded(pattern), schema, name)).toBe(expected);
  });

  it('matches without regard to case where the backend compares names that way', () => {
    expect(matchesName(parseNamePattern('Items', 'caseless'), 'main', 'ITEMS')).toBe(true);
    expect(matchesName(parseNamePattern('"Items"', 'caseless'), 'main', 'items')).toBe(true);
    expect(matchesName(parseNamePattern('it?ms', 'caseless'), 'main', 'ITEMS')).toBe(true);
  });

  it('says which relation to look up when there is no wildcard', () => {
    expect(folded('Items').exact).toEqual({ schema: null, name: 'items' });
    expect(folded('App."Items"').exact).toEqual({ schema: 'app', name: 'Items' });
    expect(folded('item*').exact).toBeNull();
    expect(folded('a*.items').exact).toBeNull();
    expect(folded('app.*').exactSchema).toBe('app');
    expect(folded('a*.x').exactSchema).toBeNull();
    expect(folded('items').exactSchema).toBeNull();
  });

  it('rejects bad patterns with what to write instead', () => {
    expect(() => folded('a.b.c')).toThrow(NamePatternError);
    expect(() => folded('a.b.c')).toThrow(/Too many dotted names in a\.b\.c: write schema\.name/);
    expect(() => folded('"open')).toThrow(/Unterminated quote/);
  });
});
