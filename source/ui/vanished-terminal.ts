// A terminal can go away without a SIGHUP reaching the console: the console is not the session
// leader the kernel signals, or runs in a session of its own, and an exec stream or an emulator
// dies. What the console then sees is stdin ending (EOF or EIO) and writes failing (EIO, EPIPE):
// events, so noticing costs nothing while idle. It then exits as on SIGHUP (129).
// Node 20 restores the terminal's modes at exit (ResetStdio) and aborts when that fails, which it
// does on a hung-up terminal (EIO): every exit, even process.exit(129), would end in SIGABRT or
// SIGSEGV. So just before exiting, each standard stream that was a terminal when the console
// started and is none now (isatty fails once the terminal hung up) is pointed at /dev/null, which
// ResetStdio leaves alone.
import { closeSync, openSync } from 'node:fs';
import { isatty } from 'node:tty';

/** 128 + SIGHUP: a vanished terminal ends the console as a hangup does */
export const VANISHED_EXIT_CODE = 129;

const STANDARD_FDS = [0, 1, 2] as const;
let exitGuarded = false;

/**
 * Calls `onVanished` once when stdin ends or fails, or a write to stdout or stderr fails; returns
 * the function that stops watching. Once the terminal is gone the listeners stay: every later
 * write fails too, and an 'error' nobody listens to would crash the exit.
 */
export function onTerminalVanished(
  onVanished: () => void,
  stdin: NodeJS.ReadStream = process.stdin,
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): () => void {
  guardExitFromHungUpTerminal();
  let called = false;
  const vanished = (): void => {
    if (called) return;
    called = true;
    onVanished();
  };
  const watched: [NodeJS.EventEmitter, string][] = [
    [stdin, 'end'],
    [stdin, 'error'],
    [stdout, 'error'],
    [stderr, 'error'],
  ];
  for (const [stream, event] of watched) stream.on(event, vanished);
  return () => {
    if (called) return;
    for (const [stream, event] of watched) stream.off(event, vanished);
  };
}

/** Once per process: at exit, hung-up standard streams are replaced by /dev/null (see above). */
function guardExitFromHungUpTerminal(): void {
  if (exitGuarded) return;
  exitGuarded = true;
  const wereTerminals = STANDARD_FDS.filter((fd) => isatty(fd));
  process.on('exit', () => {
    for (const fd of wereTerminals) {
      if (isatty(fd)) continue;
      try {
        closeSync(fd);
        // The lowest free descriptor: `fd` again, unless another thread took it meanwhile, which
        // ResetStdio skips as well (it is no longer the file it saw at start).
        openSync('/dev/null', 'r+');
      } catch {
        // already closed: ResetStdio skips a closed descriptor
      }
    }
  });
}
