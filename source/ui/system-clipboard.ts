// The system clipboard, where the machine has one: the first of wl-copy (Wayland), xclip or xsel
// (X11), pbcopy (macOS) found on PATH gets the text on its stdin. Spawned and left to run: the
// console never waits for it (an X server that does not answer must not freeze the screen).
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

interface ClipboardProgram {
  command: string;
  args: string[];
  usable(env: NodeJS.ProcessEnv): boolean;
}

const programs: ClipboardProgram[] = [
  { command: 'wl-copy', args: [], usable: (env) => Boolean(env.WAYLAND_DISPLAY) },
  { command: 'xclip', args: ['-selection', 'clipboard'], usable: (env) => Boolean(env.DISPLAY) },
  { command: 'xsel', args: ['--clipboard', '--input'], usable: (env) => Boolean(env.DISPLAY) },
  { command: 'pbcopy', args: [], usable: () => process.platform === 'darwin' },
];

function onPath(command: string, env: NodeJS.ProcessEnv): string | null {
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** Found once: PATH and the display do not change while the console runs. */
let chosen: { program: ClipboardProgram; path: string } | null | undefined;

function clipboardProgram(env: NodeJS.ProcessEnv): { program: ClipboardProgram; path: string } | null {
  if (chosen !== undefined) return chosen;
  chosen = null;
  for (const program of programs) {
    const path = program.usable(env) ? onPath(program.command, env) : null;
    if (path !== null) {
      chosen = { program, path };
      break;
    }
  }
  return chosen;
}

/** Hands the text to the system clipboard program; its name, or null when there is none. */
export function copyToSystemClipboard(text: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const found = clipboardProgram(env);
  if (found === null) return null;
  try {
    const child = spawn(found.path, found.program.args, { stdio: ['pipe', 'ignore', 'ignore'], detached: false });
    child.on('error', () => undefined);
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
    child.unref();
    return found.program.command;
  } catch {
    return null;
  }
}
