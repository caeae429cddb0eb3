import { describe, expect, it } from 'vitest';
import { parseSessionArgs, resolveFormat } from '../../source/noninteractive/session-args.js';
import { UsageError } from '../../source/session/usage-error.js';

describe('parseSessionArgs', () => {
  it('keeps -c and -f in command-line order', () => {
    const args = parseSessionArgs(['prod', '-c', 'select 1', '-f', 'a.sql', '--command=select 2', '-f', '-']);
    expect(args.target).toBe('prod');
    expect(args.sources).toEqual([
      { kind: 'command', sql: 'select 1', index: 1 },
      { kind: 'file', path: 'a.sql' },
      { kind: 'command', sql: 'select 2', index: 2 },
      { kind: 'file', path: '-' },
    ]);
  });

  it('SQL starting with a dash is the value of -c', () => {
    const args = parseSessionArgs(['-c', '-- note\nselect 1', '--command', '-1', '--null', '-']);
    expect(args.sources).toEqual([
      { kind: 'command', sql: '-- note\nselect 1', index: 1 },
      { kind: 'command', sql: '-1', index: 2 },
    ]);
    expect(args.nullText).toBe('-');
  });

  it('options', () => {
    const args = parseSessionArgs([
      '--dsn',
      'memory',
      '--format',
      'csv',
      '--no-header',
      '--null',
      'NULL',
      '--continue-on-error',
      '--read-only',
    ]);
    expect(args).toMatchObject({
      target: undefined,
      dsn: 'memory',
      format: 'csv',
      header: false,
      nullText: 'NULL',
      continueOnError: true,
      readOnly: true,
    });
  });

  it.each([[['--format', 'xml']], [['a', 'b']], [['--nope']], [['-c']]])('%j is a usage error', (argv) => {
    expect(() => parseSessionArgs(argv)).toThrow(UsageError);
  });

  it('format and NULL defaults follow the terminal', () => {
    expect(resolveFormat({ format: undefined, nullText: undefined }, true)).toEqual({ format: 'table', nullText: 'NULL' });
    expect(resolveFormat({ format: undefined, nullText: undefined }, false)).toEqual({ format: 'tsv', nullText: '\\N' });
    expect(resolveFormat({ format: 'csv', nullText: undefined }, true)).toEqual({ format: 'csv', nullText: '' });
    expect(resolveFormat({ format: 'csv', nullText: 'x' }, true)).toEqual({ format: 'csv', nullText: 'x' });
  });
});
