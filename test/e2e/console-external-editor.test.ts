// `\e` in the console on PostgreSQL: the prompt's text (or the last statement) goes to $VISUAL /
// $EDITOR in a 0600 temporary file, the console gives the terminal to the editor and redraws
// when it exits, and the edited text comes back into the prompt, not run.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateConsoles } from '../helpers/private-console.js';
import { runStatement } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-editor-');

/** An "editor" that notes what it was given (text, file mode, path, the screen it ran on) and writes `replacement`. */
function fakeEditor(home: string, name: string, replacement: string): { script: string; seen: string } {
  const script = join(home, name);
  const seen = join(home, `${name}.seen`);
  writeFileSync(
    script,
    `#!/bin/sh
{ stat -c %a "$1"; echo "$1"; cat "$1"; } > '${seen}'
stty -a < /dev/tty | grep -o -- '-\\?icanon' > '${seen}.tty'
printf '%s\\n' '${replacement}' > "$1"
`,
  );
  chmodSync(script, 0o755);
  return { script, seen };
}

describe.skipIf(!availability().postgres)('\\e external editor on PostgreSQL', () => {
  it('edits the text before \\e in $VISUAL (over $EDITOR), puts the result in the prompt unrun; Enter runs it', async () => {
    let visual = { script: '', seen: '' };
    let other = { script: '', seen: '' };
    const session = consoles.start((home) => {
      visual = fakeEditor(home, 'visual-editor', 'select 40 + 2 as edited;');
      other = fakeEditor(home, 'other-editor', 'select 0 as wrong;');
      return { args: [PG_DSN], env: { VISUAL: visual.script, EDITOR: other.script } };
    });
    await session.waitFor(' · connected');
    // typed, then Enter (text and Enter in one burst would read as a paste: Enter a line break)
    session.write('select 1 as original \\e');
    await session.waitFor('sql> select 1 as original \\e');
    await runStatement(session, '', 'sql> select 40 + 2 as edited;');
    const screen = await session.waitFor('edited in');
    // the whole console is drawn again, and nothing ran
    expect(screen).toMatch(/^dsnsh \(DSN\) · postgres/m);
    expect(screen).not.toContain('1 row');
    const [mode, file, ...text] = readFileSync(visual.seen, 'utf8').split('\n');
    expect(mode).toBe('600');
    expect(text.join('\n')).toBe('select 1 as original\n');
    expect(existsSync(file!)).toBe(false);
    expect(existsSync(other.seen)).toBe(false);
    // the editor had the terminal as a shell leaves it (line mode), not the console's raw mode
    expect(readFileSync(`${visual.seen}.tty`, 'utf8').trim()).toBe('icanon');
    session.write('\r');
    await session.waitFor(/edited\s*\n─+\s*\n\s*42\s*\n/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });

  it('on an empty prompt edits the last statement; an editor that fails leaves the prompt as it was', async () => {
    let editor = { script: '', seen: '' };
    const session = consoles.start((home) => {
      editor = fakeEditor(home, 'editor', 'select 7 as seven;');
      return { args: [PG_DSN], env: { VISUAL: undefined, EDITOR: editor.script } };
    });
    await session.waitFor(' · connected');
    await runStatement(session, "select 'last' as what;", '1 row');
    await runStatement(session, '\\e', 'sql> select 7 as seven;');
    expect(readFileSync(editor.seen, 'utf8').split('\n').slice(2).join('\n')).toBe("select 'last' as what;\n");
    session.write('\x15');
    writeFileSync(editor.script, '#!/bin/sh\nexit 3\n');
    session.write('select 5 \\e');
    await session.waitFor('sql> select 5 \\e');
    await runStatement(session, '', 'exited with status 3');
    await session.waitFor('sql> select 5');
    session.write('\x04');
    session.write('\x15\x04');
    expect(await session.exited).toBe(0);
  });

  it("Ctrl+C while the editor runs is the editor's: the console stays, the prompt keeps its text", async () => {
    let started = '';
    const session = consoles.start((home) => {
      const script = join(home, 'slow-editor');
      started = join(home, 'started');
      // waits in line mode (as an editor in another window would) until Ctrl+C ends it
      writeFileSync(script, `#!/bin/sh\ntouch '${started}'\nsleep 30\necho 'select 0;' > "$1"\n`);
      chmodSync(script, 0o755);
      return { args: [PG_DSN], env: { VISUAL: script } };
    });
    await session.waitFor(' · connected');
    session.write('select 8 \\e');
    await session.waitFor('sql> select 8 \\e');
    session.write('\r');
    while (!existsSync(started)) await new Promise((resolve) => setTimeout(resolve, 25));
    session.write('\x03');
    // the shell running the editor ends by the signal, or exits 130 after its child did
    await session.waitFor(/exited with (SIGINT|status 130):/);
    await session.waitFor('sql> select 8');
    await runStatement(session, ';', /\?column\?\s*\n─+\s*\n\s*8\s*\n/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
