// Enters the alternate screen (with bracketed paste and a hidden cursor) and guarantees that the
// terminal is restored on every way out: normal exit, signals and uncaught errors. A signal first
// cancels what runs on the server (signal-cleanup.ts, at most CLEANUP_WITHIN_MS; a second signal
// does not wait), then restores the terminal and exits with 128 + the signal's number. A terminal
// that vanished without a SIGHUP (vanished-terminal.ts) ends the console as SIGHUP does.
import { runSignalCleanups } from './signal-cleanup.js';
import { onTerminalVanished } from './vanished-terminal.js';

/** Alternate screen, bracketed paste, hidden cursor, cursor home (also after an external editor: external-editor.ts) */
export const ENTER_CONSOLE_SCREEN = '\x1b[?1049h\x1b[?2004h\x1b[?25l\x1b[H';
export const LEAVE_CONSOLE_SCREEN = '\x1b[?2004l\x1b[?25h\x1b[?1049l';
/** How long a signal waits for the server to confirm cancelling the running statement */
const CLEANUP_WITHIN_MS = 1500;
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGHUP: 129, SIGQUIT: 131, SIGTERM: 143 } as const;

export interface ScreenGuard {
  restore(): void;
}

let interruptsIgnored = 0;

/**
 * Runs `work` (a child that owns the terminal: the \\e editor) with Ctrl+C's SIGINT meant for the
 * child, not the console, as psql does. A SIGINT that came while `work` blocked is read in the
 * event loop's next poll phase: it stays ignored until then (a timer, whatever its delay, fires
 * before that poll, since the loop's clock is as old as the block; the immediate it queues runs
 * right after the poll).
 */
export function withInterruptsForChild<T>(work: () => T): T {
  interruptsIgnored += 1;
  try {
    return work();
  } finally {
    setTimeout(
      () =>
        setImmediate(() => {
          interruptsIgnored -= 1;
        }),
      0,
    );
  }
}

export function enterAlternateScreen(stdout: NodeJS.WriteStream = process.stdout, stdin: NodeJS.ReadStream = process.stdin): ScreenGuard {
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed
    }
    stdout.write(LEAVE_CONSOLE_SCREEN);
    process.off('exit', restore);
    for (const signal of signals) process.off(signal, onSignal[signal]);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
    stopWatchingTerminal();
  };
  const signals = Object.keys(SIGNAL_EXIT_CODES) as (keyof typeof SIGNAL_EXIT_CODES)[];
  let ending: number | null = null;
  const exitNow = (code: number): void => {
    restore();
    process.exit(code);
  };
  const onSignal = Object.fromEntries(
    signals.map((signal) => [
      signal,
      (): void => {
        if (signal === 'SIGINT' && interruptsIgnored > 0) return;
        if (ending !== null) return exitNow(ending);
        ending = SIGNAL_EXIT_CODES[signal];
        const code = ending;
        void runSignalCleanups(CLEANUP_WITHIN_MS).then(
          () => exitNow(code),
          () => exitNow(code),
        );
      },
    ]),
  ) as unknown as Record<(typeof signals)[number], () => void>;
  const onFatal = (error: unknown): void => {
    restore();
    process.stderr.write(`dsnsh: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(70);
  };
  stdout.write(ENTER_CONSOLE_SCREEN);
  // Raw mode at once: keys typed or pasted while the console starts are neither echoed nor
  // line-buffered by the terminal; they wait in stdin until the prompt reads them.
  try {
    if (stdin.isTTY) stdin.setRawMode(true);
  } catch {
    // not a terminal after all; Ink reports what it cannot do
  }
  process.on('exit', restore);
  for (const signal of signals) process.on(signal, onSignal[signal]);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  const stopWatchingTerminal = onTerminalVanished(() => onSignal.SIGHUP(), stdin, stdout);
  return { restore };
}
