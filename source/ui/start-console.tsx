// Starts the console: alternate screen, Ink render (Ctrl+C is ours, not Ink's), and a restored
// terminal however it ends. Loaded by run-console.ts once NODE_ENV is settled.
import { render } from 'ink';
import type { ResolvedTarget } from '../profiles/target.js';
import { ConsoleRoot } from './console-root.js';
import { enterAlternateScreen } from './terminal-screen.js';
import { loadKeyConfig } from './keys/key-config-file.js';

export interface ConsoleOptions {
  target: ResolvedTarget;
  readOnly: boolean;
}

export async function startConsole({ target, readOnly }: ConsoleOptions): Promise<number> {
  // keys.json: the effective key table for the whole run, and whether the prompt starts in vi mode.
  const keys = loadKeyConfig();
  const screen = enterAlternateScreen();
  let exitCode = 0;
  try {
    const instance = render(
      <ConsoleRoot
        target={target}
        readOnly={readOnly}
        vi={keys.vi ?? false}
        keyProblems={keys.problems}
        onExit={(code) => {
          exitCode = code;
        }}
      />,
      { exitOnCtrlC: false, patchConsole: true, maxFps: 60 },
    );
    await instance.waitUntilExit();
    instance.cleanup();
  } finally {
    screen.restore();
  }
  // Pools close when the app unmounts; should a driver keep a handle open, do not hang the
  // user's shell (an unref'd timer fires only while something else keeps the process alive).
  setTimeout(() => process.exit(exitCode), 3000).unref();
  return exitCode;
}
