// Work that must happen before the console ends on a signal (SIGTERM, SIGHUP, SIGQUIT, SIGINT from
// outside): cancelling the statement that runs on the server, so it does not go on there after
// dsnsh is gone. terminal-screen.ts runs these, bounded, then restores the terminal and exits.
type Cleanup = () => Promise<void>;

const cleanups = new Set<Cleanup>();

/** Registers `cleanup`; returns the function that removes it again. */
export function beforeSignalExit(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** Runs every cleanup; resolves when all are done or `withinMs` has passed, whichever is first. */
export function runSignalCleanups(withinMs: number): Promise<void> {
  const all = Promise.allSettled([...cleanups].map((cleanup) => cleanup()));
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, withinMs);
  });
  return Promise.race([all.then(() => undefined), bound]).finally(() => clearTimeout(timer));
}
