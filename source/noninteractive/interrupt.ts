// Ctrl+C / SIGINT: the first one aborts the running statement (adapters cancel it on the server)
// and the command exits 130 once the cancel is through; a second one, or a cancel that does not
// come back within a few seconds, exits at once.
import { EXIT } from './exit-codes.js';

const FORCE_EXIT_AFTER_MS = 5000;

export interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

let interrupted = false;

/** Whether Ctrl+C was pressed during this run (a crash while cancelling still exits 130). */
export function wasInterrupted(): boolean {
  return interrupted;
}

export function watchInterrupt(): Interrupt {
  const controller = new AbortController();
  const onSigint = () => {
    interrupted = true;
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort(new Error('interrupted'));
    setTimeout(() => process.exit(EXIT.interrupted), FORCE_EXIT_AFTER_MS).unref();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
