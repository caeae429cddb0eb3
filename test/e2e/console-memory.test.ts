// The console on the built-in memory profile, end to end in a real pty.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runStatement, startCli, type PtySession } from '../helpers/pty.js';

let session: PtySession | null = null;
const temporary: string[] = [];
afterEach(() => {
  session?.kill();
  session = null;
  for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(folder);
  return folder;
}

function start(columns = 80, rows = 24): PtySession {
  const home = temporaryFolder('dsnsh-ui-');
  // No DSN anywhere and an empty config: bare dsnsh opens `memory`.
  session = startCli({
    columns,
    rows,
    env: {
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_STATE_HOME: join(home, 'state'),
      DSN: undefined,
      DSNSH_CONFIG_DIR: undefined,
    },
  });
  return session;
}

describe('console on memory', () => {
  it('starts on memory; creates, inserts and selects; quits restoring the terminal', async () => {
    const pty = start();
    const first = await pty.waitFor(' · connected');
    expect(first).toContain('memory');
    expect(pty.output()).toContain('\x1b[?1049h');
    await runStatement(pty, 'create table ui_people (id integer primary key, name text);', 'CREATE');
    await runStatement(pty, "insert into ui_people (name) values ('Ada'), ('中文'), (NULL), ('NULL');", /4 rows affected/);
    const screen = await runStatement(pty, 'select * from ui_people order by id;', '4 rows · row 1');
    expect(screen).toMatch(/3 │ ∅/);
    expect(screen).toMatch(/4 │ NULL/);
    pty.write('\\q');
    pty.write('\r');
    expect(await pty.exited).toBe(0);
    const output = pty.output();
    const tail = output.slice(output.lastIndexOf('\x1b[?1049l') - 40);
    expect(output.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(output.lastIndexOf('\x1b[?1049h'));
    expect(tail).toContain('\x1b[?25h');
  });

  it('runs a multi-line statement pasted in one chunk and in several', async () => {
    const pty = start();
    await pty.waitFor(' · connected');
    const statement = "select\n  'pasted' as source,\n  40 + 2 as answer\n;\n";
    pty.write(statement.replace(/\n/g, '\r'));
    expect(await pty.waitFor('1 row')).toMatch(/pasted\s+│\s+42/);
    // several chunks, split in the middle of words and right after line breaks
    const second = "select\r  'chunked' as source,\r  6 * 7 as answer\r;\r";
    for (const chunk of [second.slice(0, 3), second.slice(3, 8), second.slice(8, 22), second.slice(22, 30), second.slice(30)]) {
      pty.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await pty.waitFor(/chunked\s+│\s+42/);
    // a bracketed paste split across writes (markers included)
    const third = "\x1b[200~select 'bracketed' as source,\r 'x' as y;\x1b[201~";
    // the start marker is cut, and the pieces come apart in time (as over SSH)
    for (const piece of [third.slice(0, 4), third.slice(4, 20), third.slice(20)]) {
      pty.write(piece);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await pty.waitFor("'x' as y;");
    pty.write('\r');
    await pty.waitFor(/bracketed\s+│\s+x/);
  });

  it('takes a 3 KB multi-line paste intact, in one chunk and in many small ones', async () => {
    const pty = start();
    await pty.waitFor(' · connected');
    const columns = Array.from({ length: 150 }, (_, index) => `  ${index} + 1 as column_${index}`);
    const statement = `select\r${columns.join(',\r')},\r  'end' as last;\r`;
    expect(statement.length).toBeGreaterThan(3000);
    pty.write(statement);
    await pty.waitFor('1 row');
    pty.write('\x1b[Z');
    pty.write('x');
    pty.write('G');
    await pty.waitFor(/column_9\s+│ 10/);
    pty.write('x');
    pty.write('\x1b');
    await pty.waitFor('Enter run');
    pty.write('select 1 as reset;\r');
    await pty.waitFor(/reset\s*\n─+\s*\n\s*1/);
    for (let at = 0; at < statement.length; at += 37) pty.write(statement.slice(at, at + 37));
    await pty.waitFor(/column_0 │ column_1/);
    pty.write('\x1b[Z');
    pty.write('x');
    const record = await pty.waitFor(/RECORD 1 \]\s*\ncolumn_0/);
    expect(record).toMatch(/column_0\s+│ 1\b/);
    expect(record).toMatch(/column_1\s+│ 2\b/);
  });

  it('scrolls a 100,000-row result to its end', async () => {
    const pty = start();
    await pty.waitFor(' · connected');
    await runStatement(
      pty,
      'with recursive n(i) as (select 1 union all select i + 1 from n where i < 100000) select i, i * 2 as twice from n;',
      /rows so far|rows ·/,
    );
    pty.write('\x1b[F'); // End at the prompt does nothing to results; focus results first
    pty.write('\x1b[Z');
    pty.write('G');
    const screen = await pty.waitFor('100,000 rows', 20_000);
    expect(screen).toMatch(/100000 │ 200000/);
    expect(screen).toContain('row 100,000');
    pty.write('g');
    // the first rows are kept while the middle of a long result is released
    await pty.waitFor(/^\s*1 │\s+2\s*$/m);
    // 30 pages of 11 rows (the result's statement line above its grid takes one row of the area)
    pty.write('\x1b[6~'.repeat(30));
    await pty.waitFor('row 331');
  });

  it('completes names, exports the result, shows help and migration details', async () => {
    const pty = start();
    await pty.waitFor(' · connected');
    await runStatement(pty, 'create table ui_items (id integer, label text);', 'CREATE');
    await runStatement(pty, "insert into ui_items values (1, 'a,b'), (2, NULL);", /2 rows affected/);
    pty.write('select label from ui_it');
    pty.write('\t');
    await pty.waitFor('sql> select label from ui_items');
    pty.write('order by id;');
    pty.write('\r');
    await pty.waitFor(/label\s*\n[─]+\s*\na,b/);
    const file = join(temporaryFolder('dsnsh-ui-export-'), 'items.csv');
    await runStatement(pty, `\\export ${file}`, 'exported 2 rows');
    expect(readFileSync(file, 'utf8').split(/\r?\n/)).toEqual(['label', '"a,b"', '', '']);
    pty.write('\x1bOP');
    await pty.waitFor('Keys and commands');
    pty.write('z');
    await pty.waitFor('exported 2 rows');
    pty.write('\x1b[Z');
    pty.write('\x1b[Z');
    await pty.waitFor('No migration table found');
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  });

  it('reflows from 120x40 to 80x24 without overflowing', async () => {
    const pty = start(120, 40);
    await pty.waitFor(' · connected');
    await runStatement(pty, "select 'wide' as a, 'b' as b;", '1 row');
    expect(pty.frame().rows).toHaveLength(39);
    pty.resize(80, 24);
    // Redrawn for 80x24: laid out at rows - 1, one header, one prompt, the result still there.
    await vi.waitFor(
      () => {
        const { rows } = pty.frame();
        expect(rows).toHaveLength(23);
        expect(rows[0]).toContain('dsnsh');
        expect(rows.filter((line) => line.includes('sql>'))).toHaveLength(1);
        expect(rows.join('\n')).toContain('1 row');
      },
      { timeout: 10_000, interval: 25 },
    );
    // Ink draws the frame of the old size once when the terminal narrows (before the console's
    // size hook runs), and that frame scrolls the screen: only frames after the redraw count.
    const scrolledAtResize = pty.frame().scrolled;
    expect(pty.frame().wrapped).toEqual([]);
    await runStatement(pty, "select 'narrow' as a;", /narrow/);
    expect(pty.frame().rows).toHaveLength(23);
    expect(pty.frame().scrolled).toBe(scrolledAtResize);
    expect(pty.frame().wrapped).toEqual([]);
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
  });

  it('respects NO_COLOR and keeps history in memory when HOME is read-only', async () => {
    session = startCli({
      env: {
        HOME: '/proc/self',
        XDG_STATE_HOME: undefined,
        XDG_CONFIG_HOME: undefined,
        DSNSH_CONFIG_DIR: undefined,
        DSNSH_STATE_DIR: undefined,
        DSN: undefined,
        NO_COLOR: '1',
      },
    });
    const pty = session;
    await pty.waitFor('connected');
    await runStatement(pty, 'select 1 as a;', '1 row');
    await pty.waitFor('History is kept in memory only');
    // eslint-disable-next-line no-control-regex
    expect(pty.output()).not.toMatch(/\x1b\[(3[0-7]|9[0-7]|38;)/);
    pty.write('\x1b[A');
    await pty.waitFor('sql> select 1 as a;');
    pty.write('\x15\x04');
    expect(await pty.exited).toBe(0);
  });

  it('Ctrl+C at an empty prompt does not quit (issue 16.7); Ctrl+D quits and restores the terminal', async () => {
    const pty = start();
    await pty.waitFor(' · connected');
    pty.write('\x03');
    await pty.waitFor('Ctrl+D or \\q quits');
    pty.write('\x03');
    await pty.waitFor('Ctrl+D or \\q quits');
    expect(pty.output()).not.toMatch(/\x1b\[\?1049l/);
    pty.write('\x04');
    expect(await pty.exited).toBe(0);
    expect(pty.output()).toMatch(/\x1b\[\?1049l[^]*$/);
  });
});
