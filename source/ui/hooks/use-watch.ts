// `\watch`: runs one read-only statement again every few seconds in place, until a key
// stops it (or a run fails, or is cancelled). `run` resolves only when the watch ends, so the
// statement queue holds anything typed ahead until then. One timer while waiting, none otherwise.
import { useCallback, useRef } from 'react';
import type { Outcome } from '../query/outcome.js';
import type { ShowOptions } from './use-query-session.js';

interface Active {
  stopped: boolean;
  wake(): void;
}

export function useWatch(
  runStatement: (statement: string, options: ShowOptions) => Promise<Outcome | null>,
  say: (notice: string | null) => void,
) {
  const active = useRef<Active | null>(null);
  const runRef = useRef(runStatement);
  runRef.current = runStatement;

  /** Re-runs `statement` every `seconds`; true when a key stopped it, false when a run failed. */
  const run = useCallback(
    async (statement: string, seconds: number): Promise<boolean> => {
      const watch: Active = { stopped: false, wake: () => undefined };
      active.current = watch;
      try {
        for (let count = 1; !watch.stopped; count += 1) {
          say(`\\watch every ${seconds} s · run ${count} · any key stops`);
          // The first run keeps what was on screen in the scrollback; later runs replace their own result.
          const outcome = await runRef.current(statement, { inPlace: count > 1 });
          if (outcome === null || outcome.kind === 'error') {
            say(`\\watch stopped after run ${count}: the statement failed`);
            return false;
          }
          if (watch.stopped) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, seconds * 1000);
            watch.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
        say('\\watch stopped');
        return true;
      } finally {
        if (active.current === watch) active.current = null;
      }
    },
    [say],
  );

  /** Stops the watch after the run in progress (if any); false when none was running. */
  const stop = useCallback((): boolean => {
    const watch = active.current;
    if (watch === null || watch.stopped) return false;
    watch.stopped = true;
    watch.wake();
    return true;
  }, []);

  return { run, stop };
}
