// Synchronous clean-ups that must run however the process ends normally (worker processes to
// kill, the memory backend's private file to delete). One 'exit' listener for all of them.
const cleanups = new Set<() => void>();
let installed = false;

/** Registers `cleanup` for process exit; returns a function that unregisters it. */
export function onProcessExit(cleanup: () => void): () => void {
  if (!installed) {
    installed = true;
    process.once('exit', () => {
      for (const run of cleanups) {
        try {
          run();
        } catch {
          // Exiting anyway: a failed clean-up must not stop the others.
        }
      }
    });
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
