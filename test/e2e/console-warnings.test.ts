// The DSN's warnings in the console (a line under the header, all of them in \conninfo), and the
// 80x24 screen with every panel plus that line: nothing overflows, whatever the result area shows.
import { describe, expect, it, vi } from 'vitest';
import { privateConsoles } from '../helpers/private-console.js';
import type { PtySession } from '../helpers/pty.js';

const consoles = privateConsoles('dsnsh-ui-warnings-');

function start(dsn: string): PtySession {
  return consoles.start((home) => ({ args: [dsn.replace('HOME', home)], columns: 80, rows: 24 }));
}

/**
 * The console's frame at 80x24: laid out at rows - 1 (23 rows drawn, the last one blank), header
 * on top, every panel, one prompt line; nothing ever scrolled the screen or wrapped past 80 columns.
 */
function expectFitting(pty: PtySession): string[] {
  const { rows, scrolled, wrapped } = pty.frame();
  expect(scrolled).toBe(0);
  expect(wrapped).toEqual([]);
  expect(rows).toHaveLength(23);
  expect(rows[0]).toMatch(/^dsnsh \(DSN\) · sqlite/);
  expect(rows[1]).toMatch(/^server /);
  expect(rows[2]).toMatch(/^! 2 DSN warnings \(\\conninfo lists them\): FOREIGN KEYS ARE OFF/);
  expect(rows[3]).toMatch(/▌pool/);
  expect(rows[5]).toMatch(/▌migrations/);
  expect(rows.filter((line) => line.includes('sql>'))).toHaveLength(1);
  return rows;
}

describe('DSN warnings in the console', () => {
  it('shows them under the header at 80x24 without overflowing; \\conninfo lists them all', async () => {
    // _fk=false: the service would run without foreign keys (without _fk it adds _fk=true).
    const pty = start('sqlite://HOME/warned.sqlite?_fk=false&max_conns=abc');
    await pty.waitFor(' · connected');
    expectFitting(pty);

    pty.write(
      'select value from generate_series(1, 200);'.replace(
        'generate_series(1, 200)',
        '(with recursive s(value) as (select 1 union all select value + 1 from s where value < 200) select value from s)',
      ),
    );
    pty.write('\r');
    // the result view's last line: the row window and the footer are both drawn
    await pty.waitFor(/200 rows[\s\S]*sql>/);
    expectFitting(pty);

    pty.write('\\conninfo');
    pty.write('\r');
    const info = await pty.waitFor('Connection');
    expect(info).toMatch(/warning {2}! FOREIGN KEYS ARE OFF/);
    expect(info).toMatch(/warning {2}! max_conns: "abc" is not an integer/);
    expectFitting(pty);

    pty.write('\x1bOP'); // F1: the help overlay
    await pty.waitFor('Keys and commands');
    expectFitting(pty);
    pty.write('q');
    pty.write('\x1bOQ'); // F2: the profile switcher
    await pty.waitFor('Profiles (');
    expectFitting(pty);
    pty.write('\x1b');
    // Esc followed at once by text reads as Alt+key in any terminal: wait until the switcher closed
    await vi.waitFor(() => expect(pty.screen()).not.toContain('Profiles ('), { timeout: 10_000, interval: 25 });
    // a statement of many lines grows the prompt; the frame still fits
    pty.write('select 1,\x1b\r2,\x1b\r3,\x1b\r4,\x1b\r5');
    await pty.waitFor(/^ \.\.> 5\s*$/m);
    const { rows, scrolled, wrapped } = pty.frame();
    expect(scrolled).toBe(0);
    expect(wrapped).toEqual([]);
    expect(rows).toHaveLength(23);
    expect(rows[0]).toMatch(/^dsnsh /);
    expect(rows[2]).toMatch(/^! 2 DSN warnings/);
    pty.write('\x03'); // clears the multi-line prompt
    await pty.waitFor('Ctrl+D or \\q quits');
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  }, 60_000);

  it('a DSN without warnings has no warning line', async () => {
    const pty = start('sqlite://HOME/clean.sqlite?_fk=true');
    await pty.waitFor(' · connected');
    expect(pty.frame().rows[2]).toMatch(/▌pool/);
    pty.write('\\conninfo');
    pty.write('\r');
    expect(await pty.waitFor('Connection')).toContain('warnings  none from the DSN');
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  });
});
