// The DSN's warnings in the console (a line under the header, all of them in \conninfo), and the
// 80x24 screen with every panel plus that line: nothing overflows, whatever the result area shows.
import { describe, expect, it, vi } from 'vitest';
import { privateConsoles } from '../helpers/private-console.js';
import type { PtySession } from '../helpers/pty.js';

const consoles = privateConsoles('dsnsh-ui-warnings-');

function start(dsn: string): PtySession {
  return consoles.start((home) => ({ args: [dsn.replace('HOME', home)], columns: 80, rows: 24 }));
}

/** The console's frame at 80x24: laid out at rows - 1, header on top, every panel, one prompt line. */
function expectFitting(screen: string): string[] {
  const lines = screen.split('\n');
  expect(lines).toHaveLength(24);
  expect(lines[0]).toMatch(/^dsnsh \(DSN\) · sqlite/);
  expect(lines[1]).toMatch(/^server /);
  expect(lines[2]).toMatch(/^! 2 DSN warnings \(\\conninfo lists them\): FOREIGN KEYS ARE OFF/);
  expect(lines[3]).toMatch(/▌pool/);
  expect(lines[5]).toMatch(/▌migrations/);
  expect(lines.filter((line) => line.includes('sql>'))).toHaveLength(1);
  expect(lines[22]).not.toBe('');
  expect(lines[23]).toBe('');
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  return lines;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('DSN warnings in the console', () => {
  it('shows them under the header at 80x24 without overflowing; \\conninfo lists them all', async () => {
    const pty = start('sqlite://HOME/warned.sqlite?max_conns=abc');
    expectFitting(await pty.waitFor(' · connected'));

    pty.write('select value from generate_series(1, 200);'.replace('generate_series(1, 200)', "(with recursive s(value) as (select 1 union all select value + 1 from s where value < 200) select value from s)"));
    pty.write('\r');
    await pty.waitFor('200 rows');
    await settle();
    expectFitting(await pty.waitFor('200 rows'));

    pty.write('\\conninfo');
    pty.write('\r');
    const info = await pty.waitFor('Connection');
    expect(info).toMatch(/warning {2}! FOREIGN KEYS ARE OFF/);
    expect(info).toMatch(/warning {2}! max_conns: "abc" is not an integer/);
    expectFitting(info);

    pty.write('\x1bOP'); // F1: the help overlay
    await pty.waitFor('Keys and commands');
    await settle();
    expectFitting(pty.screen());
    pty.write('q');
    pty.write('\x1bOQ'); // F2: the profile switcher
    await pty.waitFor('Profiles (');
    await settle();
    expectFitting(pty.screen());
    pty.write('\x1b');
    // Esc followed at once by text reads as Alt+key in any terminal: wait until the switcher closed
    await vi.waitFor(() => expect(pty.screen()).not.toContain('Profiles ('), { timeout: 10_000, interval: 25 });
    // a statement of many lines grows the prompt; the frame still fits
    pty.write('select 1,\x1b\r2,\x1b\r3,\x1b\r4,\x1b\r5');
    await pty.waitFor(/5\s*$/m);
    await settle();
    const lines = pty.screen().split('\n');
    expect(lines).toHaveLength(24);
    expect(lines[0]).toMatch(/^dsnsh /);
    expect(lines[2]).toMatch(/^! 2 DSN warnings/);
    expect(lines[23]).toBe('');
    pty.write('\x03'); // clears the multi-line prompt
    await pty.waitFor('Ctrl+C again quits');
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  }, 60_000);

  it('a DSN without warnings has no warning line', async () => {
    const pty = start('sqlite://HOME/clean.sqlite?_fk=true');
    const lines = (await pty.waitFor(' · connected')).split('\n');
    expect(lines[2]).toMatch(/▌pool/);
    pty.write('\\conninfo');
    pty.write('\r');
    expect(await pty.waitFor('Connection')).toContain('warnings  none from the DSN');
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  });
});
