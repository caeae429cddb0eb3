// Ctrl+C / SIGINT, and SIGTERM, SIGHUP, SIGQUIT alike (a `kill`, a closed terminal, `kubectl
// delete pod`): the first one aborts the running statement (adapters cancel it on the server,
// migrations release their run lock) and the command exits 128 + the signal's number (130, 143,
// 129, 131) once the cancel is through. A server that does not answer (frozen, network gone)
// must not keep the user waiting: after `confirmWithinMs` dsnsh says so and exits. A second
// signal exits at once, and so does one while connecting (nothing runs on the server yet, and a
// connection attempt cannot be aborted).
import { EXIT, type ExitCode } from './exit-codes.js';

const DEFAULT_CONFIRM_WITHIN_MS = 5000;

export const UNCONFIRMED_CANCEL = 'the server did not confirm the cancel; the statement may still be running there';

/** Every signal that ends a run, with the exit code a shell expects after it. */
const SIGNAL_EXITS = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hungUp, SIGQUIT: EXIT.quit } as const;
type StopSignal = keyof typeof SIGNAL_EXITS;

export interface Interrupt {
  signal: AbortSignal;
  /** Runs `connect` so that a signal meanwhile ends the process at once. */
  whileConnecting<T>(connect: () => Promise<T>): Promise<T>;
  /** The command has reported the outcome: stop listening (a pending exit bound stays, silent). */
  dispose(): void;
}

export interface InterruptOptions {
  /** How long the first signal waits for the cancel to come back before exiting anyway */
  confirmWithinMs?: number;
  stderr?: NodeJS.WritableStream;
}

let received: StopSignal | null = null;

/** Whether a signal ended (or is ending) this run (a crash while cancelling still exits as interrupted). */
export function wasInterrupted(): boolean {
  return received !== null;
}

/** The exit code for the signal received (130 for Ctrl+C, 143 SIGTERM, 129 SIGHUP, 131 SIGQUIT). */
export function interruptExitCode(): ExitCode {
  return received === null ? EXIT.interrupted : SIGNAL_EXITS[received];
}

/** "interrupted", or "interrupted by SIGTERM" for a signal other than Ctrl+C. */
export function interruptedWord(): string {
  return received === null || received === 'SIGINT' ? 'interrupted' : `interrupted by ${received}`;
}

export function watchInterrupt(options: InterruptOptions = {}): Interrupt {
  const confirmWithinMs = options.confirmWithinMs ?? DEFAULT_CONFIRM_WITHIN_MS;
  const stderr = options.stderr ?? process.stderr;
  const controller = new AbortController();
  let connecting = 0;
  let reported = false;
  const exitNow = (message: string | null) => {
    if (message !== null && !reported) stderr.write(`dsnsh: ${message}\n`);
    process.exit(interruptExitCode());
  };
  const onSignal = (name: StopSignal) => {
    if (controller.signal.aborted) return exitNow(`${interruptedWord()} again; exiting without waiting for the server`);
    received = name;
    controller.abort(new Error(interruptedWord()));
    if (connecting > 0) return exitNow(`${interruptedWord()} while connecting`);
    setTimeout(() => exitNow(`${interruptedWord()}; ${UNCONFIRMED_CANCEL}`), confirmWithinMs).unref();
  };
  const listeners = (Object.keys(SIGNAL_EXITS) as StopSignal[]).map((name) => [name, () => onSignal(name)] as const);
  for (const [name, listener] of listeners) process.on(name, listener);
  return {
    signal: controller.signal,
    async whileConnecting(connect) {
      if (controller.signal.aborted) exitNow(`${interruptedWord()} while connecting`);
      connecting += 1;
      try {
        return await connect();
      } finally {
        connecting -= 1;
      }
    },
    dispose: () => {
      // The runner has said how the interrupt ended; the bound above only ends a slow clean-up.
      reported = true;
      for (const [name, listener] of listeners) process.off(name, listener);
    },
  };
}
