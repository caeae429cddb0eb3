// `\e`: the statement in the user's own editor ($VISUAL, else $EDITOR, else vi). The text goes to
// a 0600 file in a private temporary folder; the console's screen is handed to the editor (normal
// screen, raw mode off) and taken back when it exits. Run synchronously: nothing of the console
// draws or reads keys while the editor owns the terminal. The folder is removed afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENTER_CONSOLE_SCREEN, LEAVE_CONSOLE_SCREEN, withInterruptsForChild } from './terminal-screen.js';

export type Edited = { ok: true; text: string; editor: string } | { ok: false; message: string; hint: string };

export interface EditorTerminal {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

export function chosenEditor(env: NodeJS.ProcessEnv): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

export function editExternally(
  text: string,
  terminal: EditorTerminal = { env: process.env, stdin: process.stdin, stdout: process.stdout },
): Edited {
  const editor = chosenEditor(terminal.env);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-edit-'));
  try {
    const file = path.join(folder, 'statement.sql');
    fs.writeFileSync(file, text === '' ? '' : `${text}\n`, { mode: 0o600, flag: 'wx' });
    // Through the shell, as git and psql do: EDITOR may hold arguments ("code --wait").
    const result = suspended(terminal, () =>
      withInterruptsForChild(() =>
        spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'dsnsh-editor', file], { stdio: 'inherit', env: terminal.env }),
      ),
    );
    if (result.error)
      return {
        ok: false,
        message: `The editor could not be started: ${result.error.message}.`,
        hint: 'Set VISUAL or EDITOR to an editor on the PATH.',
      };
    if (result.status === 127 || result.status === 126)
      return {
        ok: false,
        message: `The editor "${editor}" could not be started (not found or not executable).`,
        hint: 'Set VISUAL or EDITOR to an editor on the PATH; the prompt is unchanged.',
      };
    if (result.status !== 0)
      return {
        ok: false,
        message: `The editor "${editor}" exited with ${result.signal ?? `status ${result.status}`}: the edit was not taken.`,
        hint: 'The prompt is unchanged.',
      };
    return { ok: true, text: fs.readFileSync(file, 'utf8').replace(/\s+$/, ''), editor };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs `work` with the terminal as a shell leaves it, then gives it back to the console. */
function suspended<T>(terminal: EditorTerminal, work: () => T): T {
  const raw = terminal.stdin.isTTY ? terminal.stdin.isRaw : false;
  terminal.stdout.write(LEAVE_CONSOLE_SCREEN);
  if (raw) terminal.stdin.setRawMode(false);
  try {
    return work();
  } finally {
    if (raw) terminal.stdin.setRawMode(true);
    terminal.stdout.write(ENTER_CONSOLE_SCREEN);
  }
}
