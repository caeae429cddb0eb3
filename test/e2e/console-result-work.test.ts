// Working with a result in the console: copying a cell, a row, a column or every loaded row
// (TSV / CSV / Markdown) through OSC 52 and the system clipboard, focusing columns and scrolling
// the columns a screen width at a time. Real pty, real PostgreSQL, MariaDB and SQLite (memory).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStatement, type PtySession } from '../helpers/pty.js';
import { privateConsoles } from '../helpers/private-console.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-resultwork-');
const F6 = '\x1b[17~';
const NO_DISPLAY = { DISPLAY: undefined, WAYLAND_DISPLAY: undefined };

const SERIES = 'with recursive s(i) as (select 1 union all select i + 1 from s where i < 50000) select i as big_i from s;';
const backends = [
  { name: 'PostgreSQL', args: [PG_DSN], series: SERIES, skip: !availability().postgres },
  // MariaDB stops a recursive CTE at 1,000 levels: its sequence engine instead
  { name: 'MariaDB', args: [MYSQL_DSN], series: 'select seq as big_i from seq_1_to_50000;', skip: !availability().mysql },
  { name: 'SQLite memory', args: [], series: SERIES, skip: false },
];

/** Texts of every OSC 52 copy the console wrote so far, decoded. */
function copies(pty: PtySession): string[] {
  return [...pty.output().matchAll(/\x1b\]52;c;([A-Za-z0-9+/=]*)\x07/g)].map((match) =>
    Buffer.from(match[1] ?? '', 'base64').toString('utf8'),
  );
}

async function copied(pty: PtySession, count: number): Promise<string> {
  for (let waited = 0; copies(pty).length < count && waited < 5000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
  const all = copies(pty);
  expect(all.length).toBe(count);
  return all[count - 1] ?? '';
}

const THREE_ROWS =
  "select 1 as id, 'a,b' as name, null as note union all select 2, 'x\"y|z', 'line' union all select 3, 'plain', 'tail' order by id;";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe.each(backends)('copy from the result on $name', ({ args, skip }) => {
  it.skipIf(skip)('c copies the focused cell raw, r the row, y/Y then t c m the result or the column', async () => {
    const pty = consoles.start({ args, columns: 100, rows: 30, env: NO_DISPLAY });
    await pty.waitFor('connected');
    await runStatement(pty, THREE_ROWS, '3 rows');
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    pty.write('j');
    pty.write('>');
    await pty.waitFor('column 2 of 3: name');
    pty.write('c');
    expect(await copied(pty, 1)).toBe('x"y|z');
    expect(await pty.waitFor('copied cell name of row 2 (OSC 52)')).toBeTruthy();
    pty.write('r');
    expect(await copied(pty, 2)).toBe('2\tx"y|z\tline');
    pty.write('y');
    await pty.waitFor('t TSV · c CSV · m Markdown');
    pty.write('c');
    expect(await copied(pty, 3)).toBe('id,name,note\n1,"a,b",\n2,"x""y|z",line\n3,plain,tail\n');
    await pty.waitFor('copied the result as CSV, 3 rows');
    pty.write('y');
    pty.write('t');
    expect(await copied(pty, 4)).toBe('id\tname\tnote\n1\ta,b\t\\N\n2\tx"y|z\tline\n3\tplain\ttail\n');
    pty.write('Y');
    await pty.waitFor('copy the focused column as');
    pty.write('m');
    expect(await copied(pty, 5)).toBe('| name |\n| --- |\n| a,b |\n| x"y\\|z |\n| plain |\n');
    await pty.waitFor('copied column name as Markdown, 3 rows');
    // any other key after y copies nothing
    pty.write('y');
    pty.write('q');
    await pty.waitFor('not copied');
    expect(copies(pty).length).toBe(5);
  });

  it.skipIf(skip)('with a clipboard program on PATH and a display, the text goes to it too, said so', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'dsnsh-clip-'));
    folders.push(bin);
    const received = join(bin, 'received.txt');
    writeFileSync(
      join(bin, 'xclip'),
      `#!/bin/sh\necho "$@" > '${received}.args'\ncat > '${received}.part' && mv '${received}.part' '${received}'\n`,
    );
    chmodSync(join(bin, 'xclip'), 0o755);
    const pty = consoles.start({
      args,
      columns: 100,
      rows: 30,
      env: { DISPLAY: ':77', WAYLAND_DISPLAY: undefined, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
    });
    await pty.waitFor('connected');
    await runStatement(pty, THREE_ROWS, '3 rows');
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    pty.write('c');
    await pty.waitFor('copied cell id of row 1 (OSC 52 and xclip)');
    for (let waited = 0; !existsSync(received) && waited < 5000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(readFileSync(received, 'utf8')).toBe('1');
    expect(readFileSync(`${received}.args`, 'utf8').trim()).toBe('-selection clipboard');
    expect(await copied(pty, 1)).toBe('1');
  });
});

describe.each(backends)('columns of a wide result on $name', ({ args, skip }) => {
  const WIDE = `select ${Array.from({ length: 12 }, (_, index) => `'value_${index + 1}' as column_number_${index + 1}`).join(', ')};`;

  it.skipIf(skip)('L and H scroll a screen width; > focuses the next column and scrolls it into view', async () => {
    const pty = consoles.start({ args, columns: 80, rows: 24, env: NO_DISPLAY });
    await pty.waitFor('connected');
    const first = await runStatement(pty, WIDE, '1 row');
    expect(first).toContain('column_number_1 ');
    expect(first).not.toContain('column_number_6');
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    // Each column is 15 wide plus a 3-column separator: a screen width (80) is 4.4 columns.
    pty.write('L');
    let screen = await pty.waitFor(/column_number_6 /);
    expect(screen).not.toContain('column_number_3 ');
    pty.write('H');
    screen = await pty.waitFor(/column_number_1 /);
    expect(screen).not.toContain('column_number_6');
    for (let press = 0; press < 7; press += 1) pty.write('>');
    screen = await pty.waitFor('column 8 of 12: column_number_8');
    expect(screen).toMatch(/│ column_number_8\s*\n/);
    pty.write('c');
    expect(await copied(pty, 1)).toBe('value_8');
  });
});

describe.each(backends)('search and jump in a result on $name', ({ args, skip }) => {
  const NAMES = "select 1 as id, 'Ada' as name union all select 2, 'Brad' union all select 3, 'Cy' union all select 4, 'ADAM' order by id;";

  it.skipIf(skip)('/ searches the loaded rows case-insensitively; n and N move the focused row; matches are highlighted', async () => {
    const pty = consoles.start({ args, columns: 100, rows: 30, env: NO_DISPLAY });
    await pty.waitFor('connected');
    await runStatement(pty, NAMES, '4 rows');
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    const before = pty.output().length;
    pty.write('/');
    await pty.waitFor('Enter searches the loaded rows');
    pty.write('ad');
    await pty.waitFor('/ad▏');
    pty.write('\r');
    await pty.waitFor(/row 1 · .*1 of 3 matches for "ad"/);
    // the matched text is drawn underlined (SGR 4), on the rows on screen
    expect(pty.output().slice(before)).toMatch(/\x1b\[4m(\x1b\[[0-9;]*m)*Ad/);
    pty.write('n');
    await pty.waitFor(/row 2 · .*2 of 3 matches/);
    pty.write('n');
    await pty.waitFor(/row 4 · .*3 of 3 matches/);
    pty.write('n');
    await pty.waitFor(/row 1 · .*1 of 3 matches/);
    pty.write('N');
    await pty.waitFor(/row 4 · .*3 of 3 matches/);
    // the match's cell is the focused one
    pty.write('c');
    expect(await copied(pty, 1)).toBe('ADAM');
    pty.write('/');
    await pty.waitFor('/▏');
    pty.write('zz');
    await pty.waitFor('/zz▏');
    pty.write('\r');
    await pty.waitFor('no match for "zz" in 4 loaded rows');
  });

  it.skipIf(skip)('@ jumps to a column by name, Tab completing the name', async () => {
    const WIDE = `select ${Array.from({ length: 12 }, (_, index) => `'value_${index + 1}' as column_number_${index + 1}`).join(', ')};`;
    const pty = consoles.start({ args, columns: 80, rows: 24, env: NO_DISPLAY });
    await pty.waitFor('connected');
    await runStatement(pty, WIDE, '1 row');
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    pty.write('@');
    await pty.waitFor('@▏');
    pty.write('COL');
    await pty.waitFor('@COL▏');
    pty.write('\t');
    await pty.waitFor('@column_number_▏');
    pty.write('11');
    await pty.waitFor('@column_number_11▏ column: column_number_11');
    pty.write('\r');
    const screen = await pty.waitFor('column 11 of 12: column_number_11');
    expect(screen).toMatch(/│ column_number_11\s*\n/);
    expect(screen).not.toContain('column_number_1 ');
    pty.write('c');
    expect(await copied(pty, 1)).toBe('value_11');
    pty.write('@');
    await pty.waitFor('@▏');
    pty.write('nope');
    await pty.waitFor('@nope▏');
    pty.write('\r');
    await pty.waitFor('no column named like "nope"');
  });
});

describe.each(backends)('sorting the loaded rows on $name', ({ args, series, skip }) => {
  const MIXED =
    "select 1 as id, 'item10' as name, 10 as n union all select 2, null, 9 union all select 3, 'item2', 100 union all select 4, 'Item1', null order by id;";
  const ids = (screen: string) => [...screen.matchAll(/^\s*(\d) │/gm)].map((match) => Number(match[1]));

  it.skipIf(skip)(
    'o and O sort by the focused column (numbers by value, NULLs last), said as client-side; again: server order',
    async () => {
      const pty = consoles.start({ args, columns: 120, rows: 30, env: NO_DISPLAY });
      await pty.waitFor('connected');
      await runStatement(pty, MIXED, '4 rows');
      pty.write(F6);
      await pty.waitFor('Esc prompt');
      pty.write('>');
      await pty.waitFor('column 2 of 3: name');
      pty.write('>');
      await pty.waitFor('column 3 of 3: n');
      pty.write('o');
      let screen = await pty.waitFor('sorted client-side by n ↑ (loaded rows only) · o again: server order');
      expect(ids(screen)).toEqual([2, 1, 3, 4]);
      pty.write('O');
      screen = await pty.waitFor('sorted client-side by n ↓');
      expect(ids(screen)).toEqual([3, 1, 2, 4]);
      // the copy keys act on the rows as shown
      pty.write('r');
      expect(await copied(pty, 1)).toBe('3\titem2\t100');
      pty.write('O');
      screen = await pty.waitFor('sort cleared');
      expect(ids(screen)).toEqual([1, 2, 3, 4]);
      expect(screen).not.toContain('sorted client-side');
      pty.write('<');
      await pty.waitFor('column 2 of 3: name');
      pty.write('o');
      screen = await pty.waitFor('sorted client-side by name ↑');
      expect(ids(screen)).toEqual([4, 3, 1, 2]);
    },
  );

  it.skipIf(skip)('a result still streaming: the rows loaded are sorted and reading stops, said so', async () => {
    const pty = consoles.start({ args, columns: 120, rows: 30, env: NO_DISPLAY });
    await pty.waitFor('connected');
    await runStatement(pty, series, 'rows so far');
    pty.write(F6);
    await pty.waitFor('Esc prompt');
    pty.write('O');
    const screen = await pty.waitFor(
      /([\d,]+) rows · row 1 · .*sorted client-side by big_i ↓ \(loaded rows only\) · reading stopped at \1 rows/,
    );
    const loaded = Number(/([\d,]+) rows · row 1/.exec(screen)?.[1]?.replaceAll(',', ''));
    expect(loaded).toBeLessThan(50000);
    expect(screen).toMatch(new RegExp(`^\\s*${loaded} *$`, 'm'));
    expect(screen).not.toContain('rows so far');
  });
});
