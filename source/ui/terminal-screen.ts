// Enters the alternate screen (with bracketed paste and a hidden cursor) and guarantees that the
// terminal is restored on every way out: normal exit, signals and uncaught errors.

const ENTER = '\x1b[?1049h\x1b[?2004h\x1b[?25l\x1b[H';
const LEAVE = '\x1b[?2004l\x1b[?25h\x1b[?1049l';

export interface ScreenGuard { restore(): void }

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
    stdout.write(LEAVE);
    process.off('exit', restore);
    for (const signal of signals) process.off(signal, onSignal[signal]);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  };
  const signals = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
  const onSignal = Object.fromEntries(signals.map((signal) => [signal, (): void => {
    restore();
    process.exit(signal === 'SIGINT' ? 130 : 128 + (signal === 'SIGTERM' ? 15 : 1));
  }])) as unknown as Record<(typeof signals)[number], () => void>;
  const onFatal = (error: unknown): void => {
    restore();
    process.stderr.write(`dsnsh: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(70);
  };
  stdout.write(ENTER);
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
  return { restore };
}
