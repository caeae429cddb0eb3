// Ctrl+C / SIGINT: the first one aborts the running statement (adapters cancel it on the server)
// and the command exits 130 once the cancel is through. A server that does not answer (frozen,
// network gone) must not keep the user waiting: after `confirmWithinMs` dsnsh says so and exits.
// A second Ctrl+C exits at once, and so does one while connecting (nothing runs on the server yet,
// and a connection attempt cannot be aborted).
import { EXIT } from './exit-codes.js';

const DEFAULT_CONFIRM_WITHIN_MS = 5000;

export const UNCONFIRMED_CANCEL = 'the server did not confirm the cancel; the statement may still be running there';

export interface Interrupt {
  signal: AbortSignal;
  /** Runs `connect` so that Ctrl+C meanwhile ends the process at once with 130. */
  whileConnecting<T>(connect: () => Promise<T>): Promise<T>;
  /** The command has reported the outcome: stop listening (a pending exit bound stays, silent). */
  dispose(): void;
}

export interface InterruptOptions {
  /** How long the first Ctrl+C waits for the cancel to come back before exiting anyway */
  confirmWithinMs?: number;
  stderr?: NodeJS.WritableStream;
}

let interrupted = false;

/** Whether Ctrl+C was pressed during this run (a crash while cancelling still exits 130). */
export function wasInterrupted(): boolean {
  return interrupted;
}

export function watchInterrupt(options: InterruptOptions = {}): Interrupt {
  const confirmWithinMs = options.confirmWithinMs ?? DEFAULT_CONFIRM_WITHIN_MS;
  const stderr = options.stderr ?? process.stderr;
  const controller = new AbortController();
  let connecting = 0;
  let reported = false;
  const exitNow = (message: string | null) => {
    if (message !== null && !reported) stderr.write(`dsnsh: ${message}\n`);
    process.exit(EXIT.interrupted);
  };
  const onSigint = () => {
    interrupted = true;
    if (controller.signal.aborted) return exitNow('interrupted again; exiting without waiting for the server');
    if (connecting > 0) {
      controller.abort(new Error('interrupted'));
      return exitNow('interrupted while connecting');
    }
    controller.abort(new Error('interrupted'));
    setTimeout(() => exitNow(`interrupted; ${UNCONFIRMED_CANCEL}`), confirmWithinMs).unref();
  };
  process.on('SIGINT', onSigint);
  return {
    signal: controller.signal,
    async whileConnecting(connect) {
      if (controller.signal.aborted) exitNow('interrupted while connecting');
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
      process.off('SIGINT', onSigint);
    },
  };
}
