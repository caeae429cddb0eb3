// Every statement's outcome stays visible: a scrollback of result blocks, newest at the bottom,
// with keys to move between blocks, go to a block's start and open one full screen; earlier big
// results keep a bounded window of rows and the oldest blocks are dropped first, said on screen.
// Real pty, real PostgreSQL, MariaDB and SQLite (memory).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runStatement, type PtySession } from '../helpers/pty.js';
import { privateConsoles } from '../helpers/private-console.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-scrollback-');

function start(args: string[], env: Record<string, string> = {}, rows = 40): PtySession {
  return consoles.start({ args, columns: 100, rows, env });
}

const F6 = '\x1b[17~';
const PASTE = (text: string) => `\x1b[200~${text}\x1b[201~`;
const SERIES = 'with recursive s(i) as (select 1 union all select i + 1 from s where i < 5000) select i as big_i from s;';

const backends = [
  { name: 'PostgreSQL', args: [PG_DSN], series: SERIES, skip: !availability().postgres },
  // MariaDB stops a recursive CTE at 1,000 levels: its sequence engine instead
  { name: 'MariaDB', args: [MYSQL_DSN], series: 'select seq as big_i from seq_1_to_5000;', skip: !availability().mysql },
  { name: 'SQLite memory', args: [], series: SERIES, skip: false },
];

describe.each(backends)('the scrollback on $name', ({ args, series, skip }) => {
  it.skipIf(skip)("select 'first'; select 'second'; shows both blocks", async () => {
    const pty = start(args);
    await pty.waitFor('connected');
    const screen = await runStatement(pty, "select 'first' as one; select 'second' as two;", /two\s*\n─+\s*\n\s*second/);
    expect(screen).toMatch(/one\s*\n─+\s*\n\s*first/);
    expect(screen).toContain("› select 'first' as one;");
  });

  it.skipIf(skip)('a pasted error and its "not run" note stay on screen after later statements', async () => {
    const pty = start(args);
    await pty.waitFor('connected');
    pty.write(PASTE('insert into scrollback_missing values (1);\rselect count(*) as n_never from scrollback_missing;\r'));
    await pty.waitFor('1 statement did not run');
    const screen = await runStatement(pty, "select 'later' as after_error;", /after_error\s*\n─+\s*\n\s*later/);
    expect(screen).toMatch(/ERROR: .*scrollback_missing/);
    expect(screen).toContain('stopped at the error: 1 statement did not run');
    expect(screen).not.toContain('n_never\n');
  });

  it.skipIf(skip)('[ and ] move between blocks, f opens one full screen, Esc goes back', async () => {
    const pty = start(args);
    await pty.waitFor('connected');
    await runStatement(pty, "select 'alpha' as a1; select 'beta' as b1; select 'gamma' as c1;", /c1\s*\n─+\s*\n\s*gamma/);
    expect(pty.screen()).toContain('alpha');
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    pty.write('[');
    // The result area starts at the focused block (under the rule, thick while results have focus).
    let screen = await pty.waitFor(/━\n› select 'beta' as b1;/);
    expect(screen).not.toContain('alpha');
    expect(screen).toContain('gamma');
    pty.write('f');
    // Full screen: the block alone (the newest one, under it, is hidden).
    screen = await pty.waitFor(/━\n› select 'beta' as b1;\nb1\s*\n─+\s*\nbeta\s*\n1 row[^\n]*\n\s*\n/);
    expect(screen).not.toContain('gamma');
    pty.write('\x1b');
    await pty.waitFor('gamma');
    pty.write('[');
    await pty.waitFor(/━\n› select 'alpha' as a1;/);
    pty.write(']');
    pty.write(']');
    await pty.waitFor(/━\n[^]*alpha[^]*beta[^]*gamma/);
    // The newest full screen: the earlier blocks are hidden.
    pty.write('f');
    screen = await pty.waitFor(/━\n› select 'gamma' as c1;/);
    expect(screen).not.toContain('alpha');
  });

  it.skipIf(skip)('an earlier big result keeps a window of rows, said on screen, and opens full screen', async () => {
    const pty = start(args);
    await pty.waitFor('connected');
    await runStatement(pty, series, /big_i\s*\n─+\s*\n\s*1\b/);
    // Read to its end first (End), then a newer statement pushes it up.
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    pty.write('G');
    await pty.waitFor('5,000 rows · row 5,000');
    // s: back to the start of the focused (newest) block
    pty.write('s');
    expect(await pty.waitFor(/5,000 rows · row 1 ·/)).toMatch(/━\n› [^\n]*big_i[^]*big_i\s*\n─+\s*\n\s*1\s*\n/);
    pty.write('\x1b');
    await pty.waitFor('Enter run');
    await runStatement(pty, "select 'next' as after_big;", /after_big\s*\n─+\s*\n\s*next/);
    expect(pty.screen()).toMatch(/showing first 10 of 5,000 rows/);
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    pty.write('[');
    pty.write('f');
    pty.write('G');
    const screen = await pty.waitFor(/^\s*1000\s*$/m);
    expect(screen).toMatch(/showing first 1,000 of 5,000 rows/);
    expect(screen).not.toContain('after_big');
    // s: the start of the block open full screen
    pty.write('s');
    await pty.waitFor(/━\n› [^\n]*big_i[^]*big_i\s*\n─+\s*\n\s*1\s*\n/);
  });

  it.skipIf(skip)('an earlier result not read to its end says so (N+ rows)', async () => {
    const pty = start(args);
    await pty.waitFor('connected');
    await runStatement(pty, series, /big_i\s*\n─+\s*\n\s*1\b/);
    await runStatement(pty, "select 'next' as after_partial;", /after_partial\s*\n─+\s*\n\s*next/);
    expect(pty.screen()).toMatch(/showing first 10 of [\d,]+\+ rows/);
  });
});

describe('the oldest blocks are dropped first (SQLite memory)', () => {
  it('says how many older results were dropped past DSNSH_SCROLLBACK_BLOCKS', async () => {
    const pty = start([], { DSNSH_SCROLLBACK_BLOCKS: '2' });
    await pty.waitFor('connected');
    await runStatement(
      pty,
      "select 'r1' as c1; select 'r2' as c2; select 'r3' as c3; select 'r4' as c4; select 'r5' as c5;",
      /c5\s*\n─+\s*\n\s*r5/,
    );
    const screen = await pty.waitFor('2 older results dropped');
    expect(screen).toMatch(/r3[^]*r4[^]*r5/);
    expect(screen).not.toMatch(/\br1\b|\br2\b/);
  });
});

describe('\\export with an earlier result focused (SQLite memory)', () => {
  it('writes the rows of the focused block, and refuses one that kept only part of its rows', async () => {
    const pty = start([]);
    const folder = mkdtempSync(join(tmpdir(), 'dsnsh-scrollback-export-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    await pty.waitFor('connected');
    await runStatement(pty, "select 1 as e1 union all select 2; select 'x' as other;", /other\s*\n─+\s*\n\s*x/);
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    pty.write('[');
    await pty.waitFor(/━\n› select 1 as e1/);
    pty.write('i'); // back to the prompt, the earlier block still focused
    await pty.waitFor('Enter run');
    await runStatement(pty, `\\export ${join(folder, 'earlier.csv')}`, /exported 2 rows/);
    expect(readFileSync(join(folder, 'earlier.csv'), 'utf8')).toBe('e1\n1\n2\n');
    // Not read to its end: the block holds only part of it.
    await runStatement(pty, SERIES, /big_i\s*\n─+\s*\n\s*1\b/);
    await runStatement(pty, "select 'y' as other2;", /other2\s*\n─+\s*\n\s*y/);
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    pty.write('[');
    await pty.waitFor(/━\n› with recursive/);
    pty.write('i');
    await pty.waitFor('Enter run');
    await runStatement(pty, `\\export ${join(folder, 'partial.csv')}`, /kept only its first [\d,]+ of [\d,]+\+ rows/);
    expect(existsSync(join(folder, 'partial.csv'))).toBe(false);
  });
});
