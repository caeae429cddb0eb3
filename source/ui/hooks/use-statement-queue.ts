// Statements submitted at the prompt (a paste may hold several) run one after another, in order.
import { useCallback, useEffect, useRef } from 'react';

/** While `paused` (connecting), statements wait in the queue and run once it clears. */
export function useStatementQueue(runOne: (statement: string) => Promise<void>, paused: boolean) {
  const queue = useRef<string[]>([]);
  const draining = useRef(false);
  const runRef = useRef(runOne);
  runRef.current = runOne;
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  const drain = useCallback(async () => {
    if (draining.current || pausedRef.current) return;
    draining.current = true;
    try {
      while (!pausedRef.current && queue.current.length > 0) {
        const next = queue.current.shift();
        if (next !== undefined) await runRef.current(next);
      }
    } finally {
      draining.current = false;
    }
  }, []);

  const enqueue = useCallback((statements: string[]) => {
    if (statements.length === 0) return;
    queue.current.push(...statements);
    void drain();
  }, [drain]);

  useEffect(() => { if (!paused) void drain(); }, [paused, drain]);

  /** Forget statements not started yet (after Ctrl+C) */
  const clear = useCallback(() => { queue.current = []; }, []);
  return { enqueue, clear };
}
