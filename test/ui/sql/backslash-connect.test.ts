import { describe, expect, it } from 'vitest';
import { parseBackslashCommand } from '../../../source/ui/sql/backslash-commands.js';

describe('\\c DBNAME', () => {
  it.each([
    ['\\c other', { kind: 'connect', database: 'other' }],
    ['\\connect other;', { kind: 'connect', database: 'other' }],
    ['\\c "My DB"', { kind: 'connect', database: 'My DB' }],
  ])('%s', (text, command) => {
    expect(parseBackslashCommand(text)).toEqual(command);
  });
  it.each(['\\c', '\\c db user host'])('%s asks for one database name', (text) => {
    expect(parseBackslashCommand(text)).toMatchObject({ kind: 'unknown', text: expect.stringContaining('takes one database name') });
  });
});
