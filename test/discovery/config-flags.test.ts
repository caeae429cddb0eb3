// Ory's -c/--config flag as spf13/pflag reads a string slice, and how a process is named.
import { describe, expect, it } from 'vitest';
import { configFlags, csvRecord } from '../../source/discovery/config-flags.js';
import { processLabel } from '../../source/discovery/process-label.js';

const files = (argv: string[], env: Record<string, string> = {}) => configFlags(argv, new Map(Object.entries(env)));

describe('config files from argv', () => {
  it.each([
    [['kratos', 'serve', '--config', 'a.yml'], ['a.yml']],
    [['kratos', 'serve', '--config=a.yml'], ['a.yml']],
    [['kratos', 'serve', '-c', 'a.yml'], ['a.yml']],
    [['kratos', 'serve', '-ca.yml'], ['a.yml']],
    [['kratos', 'serve', '-c=a.yml'], ['a.yml']],
    [
      ['hydra', 'serve', 'all', '-c', 'a.yml', '--dev', '--config', 'b.json'],
      ['a.yml', 'b.json'],
    ],
    [
      ['kratos', 'serve', '--config', 'a.yml,b.yml'],
      ['a.yml', 'b.yml'],
    ],
    [
      ['kratos', 'serve', '--config', '"a,1.yml",b.yml'],
      ['a,1.yml', 'b.yml'],
    ],
    [['kratos', 'serve', '--', '-c', 'a.yml'], []],
    [['kratos', 'serve', '--dev'], []],
  ])('%j', (argv, expected) => {
    expect(files(argv).files).toEqual(expected);
  });

  it("a shell's -c is its script, not a config file", () => {
    expect(files(['/bin/sh', '-c', 'kratos serve -c /etc/k.yml']).files).toEqual([]);
  });

  it('Keto alone reads $HOME/keto.yml when no -c is given', () => {
    expect(files(['/usr/bin/keto', 'serve'], { HOME: '/home/ory' })).toEqual({ files: ['/home/ory/keto.yml'], from: 'keto-default' });
    expect(files(['/usr/bin/keto', 'serve', '-c', '/etc/keto.yml'], { HOME: '/home/ory' }).files).toEqual(['/etc/keto.yml']);
    expect(files(['/usr/bin/kratos', 'serve'], { HOME: '/home/ory' }).files).toEqual([]);
  });

  it('CSV records as Go reads them', () => {
    expect(csvRecord('')).toEqual([]);
    expect(csvRecord('a,')).toEqual(['a', '']);
    expect(csvRecord('"a""b"')).toEqual(['a"b']);
  });
});

describe('process labels', () => {
  it.each([
    [['/usr/bin/kratos', 'serve', '-c', '/etc/config/kratos.yml'], 'kratos serve'],
    [['hydra', 'serve', 'all', '--dev'], 'hydra serve all'],
    [['/usr/local/bin/node', '/app/server.js'], 'node'],
  ])('%j', (argv, label) => expect(processLabel(argv)).toBe(label));
});
