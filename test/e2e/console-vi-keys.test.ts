// vi mode and keys.json end to end: the built console on memory in a real pty, a private HOME each.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runStatement } from '../helpers/pty.js';
import { privateConsoles } from '../helpers/private-console.js';

const consoles = privateConsoles('dsnsh-vi-keys-');

/** A keys.json under $XDG_CONFIG_HOME/dsnsh (no DSNSH_CONFIG_DIR), as a user would have it. */
function withKeysFile(content: string) {
  return (home: string) => {
    const folder = join(home, 'xdg', 'dsnsh');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'keys.json'), content);
    return { columns: 200, rows: 40, env: { XDG_CONFIG_HOME: join(home, 'xdg'), DSNSH_CONFIG_DIR: undefined } };
  };
}

describe('vi mode at the prompt', () => {
  it('\\set vi on: type, Esc, 0, dw, A, Enter runs the edited statement', async () => {
    const pty = consoles.start({ args: ['memory'] });
    await pty.waitFor(' · connected');
    await runStatement(pty, '\\set vi on', '-- INSERT --');
    pty.write('junk select 41 + 1 as answer');
    await pty.waitFor('sql> junk select 41 + 1 as answer');
    pty.write('\x1b');
    await pty.waitFor('-- NORMAL --');
    pty.write('0');
    pty.write('dw');
    await pty.waitFor(/sql> select 41 \+ 1 as answer\s*$/m);
    pty.write('A');
    await pty.waitFor('-- INSERT --');
    pty.write(', 7 as seven;');
    pty.write('\r');
    const screen = await pty.waitFor(/answer\s+│\s+seven/);
    expect(screen).toMatch(/42\s+│\s+7/);
    // the next statement starts in insert mode; \set vi off leaves vi mode
    expect(screen).toContain('-- INSERT --');
    await runStatement(pty, '\\set vi off', 'vi mode off');
    await vi.waitFor(() => expect(pty.screen()).not.toContain('-- INSERT --'), { timeout: 10_000, interval: 25 });
  });

  it('every other Esc still works with vi on: history search, help, value viewer, profile list, results', async () => {
    const pty = consoles.start({ args: ['memory'] });
    await pty.waitFor(' · connected');
    await runStatement(pty, '\\set vi on', '-- INSERT --');
    await runStatement(pty, "select 'kept' as word;", /word\s*\n[─]+\s*\nkept/);
    pty.write('\x12'); // Ctrl+R
    pty.write('kep');
    await pty.waitFor("(history search) 'kep'");
    pty.write('\x1b');
    await vi.waitFor(() => expect(pty.screen()).not.toContain('(history search)'), { timeout: 10_000, interval: 25 });
    expect(pty.screen()).toContain('-- INSERT --');
    pty.write('\x1bOP'); // F1
    await pty.waitFor('Keys and commands');
    pty.write('\x1b');
    await vi.waitFor(() => expect(pty.screen()).not.toContain('Keys and commands'), { timeout: 10_000, interval: 25 });
    expect(pty.screen()).toContain('-- INSERT --');
    pty.write('\x1bOQ'); // F2
    await pty.waitFor('Profiles (');
    pty.write('\x1b');
    await vi.waitFor(() => expect(pty.screen()).not.toContain('Profiles ('), { timeout: 10_000, interval: 25 });
    pty.write('\x1b[Z'); // Shift+Tab: the results
    await pty.waitFor('Esc prompt');
    pty.write('v');
    await pty.waitFor(/word\s+kept/);
    pty.write('\x1b'); // closes the value viewer
    await pty.waitFor(/word\s*\n[─]+\s*\nkept/);
    pty.write('\x1b'); // back to the prompt
    await pty.waitFor('Enter run');
    expect(pty.screen()).toContain('-- INSERT --');
  });

  it('the help overlay lists the vi keys and scrolls to them', async () => {
    const pty = consoles.start({ args: ['memory'] });
    await pty.waitFor(' · connected');
    pty.write('\x1bOP'); // F1
    await pty.waitFor('Keys and commands');
    expect(pty.screen()).not.toContain('Prompt in vi mode');
    for (let page = 0; page < 12 && !pty.screen().includes('undo the last change'); page += 1) {
      pty.write('\x1b[6~'); // PgDn
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const screen = await pty.waitFor(/^ {2}u\s+undo the last change/m);
    expect(screen).toContain('Keys and commands');
  });

  it('a bracketed paste in normal mode arrives byte for byte', async () => {
    const pty = consoles.start({ args: ['memory'] });
    await pty.waitFor(' · connected');
    await runStatement(pty, '\\set vi on', '-- INSERT --');
    pty.write('\x1b');
    await pty.waitFor('-- NORMAL --');
    pty.write("\x1b[200~select 'dw x$0' as pasted;\x1b[201~");
    await pty.waitFor("sql> select 'dw x$0' as pasted;");
    pty.write('\r');
    await pty.waitFor(/pasted\s*\n[─]+\s*\ndw x\$0/);
  });

  it('"vi": true in keys.json starts the prompt in vi mode', async () => {
    const pty = consoles.start(withKeysFile('{ "vi": true }'));
    await pty.waitFor(' · connected');
    await pty.waitFor('-- INSERT --');
    pty.write('select 5 as fivex');
    await pty.waitFor('sql> select 5 as fivex');
    pty.write('\x1b');
    await pty.waitFor('-- NORMAL --');
    pty.write('x');
    await pty.waitFor(/sql> select 5 as five\s*$/m);
    pty.write('\r');
    await pty.waitFor(/five\s*\n[─]+\s*\n\s*5/);
  });
});

describe('keys.json', () => {
  it('rebinds history search to Ctrl+S and help to F9; the help overlay and the hint bar show them', async () => {
    const pty = consoles.start(withKeysFile('{ "prompt.searchHistory": ["ctrl+s"], "app.help": ["f9"] }'));
    await pty.waitFor(' · connected');
    await pty.waitFor('F9 help');
    await runStatement(pty, "select 'needle' as found;", /found\s*\n[─]+\s*\nneedle/);
    pty.write('\x12'); // Ctrl+R: no longer bound, so this is typed text
    pty.write('needl');
    await pty.waitFor(/sql> needl\s*$/m);
    expect(pty.screen()).not.toContain('(history search)');
    pty.write('\x15'); // Ctrl+U
    await pty.waitFor(/sql>\s*$/m);
    pty.write('\x13'); // Ctrl+S: history search
    pty.write('needl');
    await pty.waitFor("(history search) 'needl': select 'needle' as found;");
    pty.write('\x07'); // Ctrl+G leaves the search
    await vi.waitFor(() => expect(pty.screen()).not.toContain('(history search)'), { timeout: 10_000, interval: 25 });
    pty.write('\x1b[20~'); // F9
    const help = await pty.waitFor('Keys and commands');
    expect(help).toMatch(/^ {2}Ctrl\+S\s+search history backwards/m);
    expect(help).toMatch(/^ {2}F9\s+show or hide this help/m);
  });

  it('a bad keys.json: the error names the file, each entry and the fix; the console works with the defaults', async () => {
    let file = '';
    const pty = consoles.start((home) => {
      file = join(home, 'xdg', 'dsnsh', 'keys.json');
      return withKeysFile('{ "prompt.nope": ["ctrl+s"], "prompt.submit": ["hyper+x"], "app.help": ["ctrl+r"], "vi": "yes" }')(home);
    });
    await pty.waitFor(' · connected');
    const screen = await pty.waitFor('not used');
    expect(screen).toContain(`${file}: "prompt.nope" is not a command`);
    expect(screen).toContain(`${file}: "prompt.submit": "hyper+x" is not a key name`);
    expect(screen).toMatch(/"ctrl\+r" is bound to both "app\.help" and "prompt\.searchHistory"/);
    expect(screen).toContain('"vi" must be true or false');
    expect(screen).toContain('default keys');
    expect(screen).not.toMatch(/\n\s+at /);
    await runStatement(pty, 'select 3 as three;', /three\s*\n[─]+\s*\n\s*3/);
    pty.write('\x1bOP'); // F1 still opens the help: app.help kept its default key
    const help = await pty.waitFor('Keys and commands');
    expect(help).toMatch(/^ {2}Ctrl\+R\s+search history backwards/m);
  });
});
