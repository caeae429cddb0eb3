// The DSN's warnings as the console shows them, and terminal safety of the text around them.
import { describe, expect, it } from 'vitest';
import { dsnWarnings as targetWarnings } from '../../../source/ui/format/dsn-check.js';
import type { ResolvedTarget } from '../../../source/profiles/target.js';
import { warningLineText } from '../../../source/ui/panels/warning-line.js';
import { resultLines } from '../../../source/ui/query/result-lines.js';
import { initialResultWindow } from '../../../source/ui/state/result-window.js';

const dsnWarnings = (dsn: string) =>
  targetWarnings({ dsn, redacted: dsn, profileName: null, source: 'positional', settings: {} } satisfies ResolvedTarget);

describe('dsnWarnings', () => {
  it('lists the parser warnings, none for a clean DSN or one that does not parse', () => {
    expect(dsnWarnings('sqlite:///tmp/x.db?_fk=true')).toEqual([]);
    // The service turns foreign keys on unless the DSN turns them off (pop adds _fk=true).
    expect(dsnWarnings('sqlite:///tmp/x.db')).toEqual([]);
    expect(dsnWarnings('sqlite:///tmp/x.db?_fk=false')).toEqual([expect.stringMatching(/FOREIGN KEYS ARE OFF/)]);
    expect(dsnWarnings('sqlite:///tmp/x.db?_fk=true&max_conns=abc')).toEqual([expect.stringMatching(/max_conns: "abc"/)]);
    expect(dsnWarnings('postgres://u@h:notaport/db')).toEqual([]);
  });

  it('never hands a raw control character to the terminal', () => {
    const [warning] = dsnWarnings('sqlite:///tmp/x.db?_fk=true&max_conns=%1b%5b2J');
    expect(warning).toContain('\\x1b[2J');
    // eslint-disable-next-line no-control-regex
    expect(warning).not.toMatch(/[\u0000-\u001f]/);
  });

  it('the header line names the first warning and how many there are', () => {
    expect(warningLineText(['one  thing\nmore'])).toBe('! DSN warning: one thing more');
    expect(warningLineText(['a', 'b'])).toBe('! 2 DSN warnings (\\conninfo lists them): a');
  });
});

describe('result area text', () => {
  it('escapes control characters in errors and info', () => {
    const window = initialResultWindow();
    const error = resultLines({ kind: 'error', message: 'no table "\x1b[2Jx"', hint: 'h\x07', statement: '', position: null }, window, {
      width: 80,
      height: 10,
      recordView: false,
    });
    const info = resultLines({ kind: 'info', title: 't\x1b]0;x\x07', lines: ['l\x1b[H'] }, window, {
      width: 80,
      height: 10,
      recordView: false,
    });
    // eslint-disable-next-line no-control-regex
    for (const line of [...error, ...info]) expect(line.text).not.toMatch(/[\u0000-\u001f]/);
    expect(error[0]!.text).toBe('ERROR: no table "\\x1b[2Jx"');
  });
});
