// Statements submitted at the prompt (a paste may hold several) run one after another, in order.
// One submission is one group: a statement that fails stops the rest of its group (psql's
// ON_ERROR_STOP habit); statements typed ahead as later submissions still run.
import { useCallback, useEffect, useRef } from 'react';

interface Queued<T> {
  item: T;
  group: number;
}

/**
 * `runOne` resolves to false when the item failed (or was refused, or declined): the rest of its
 * group is dropped and `onStopped` hears which item stopped it and what did not run. While
 * `paused` (connecting), items wait in the queue and run once it clears.
 */
export function useStatementQueue<T>(runOne: (item: T) => Promise<boolean>, paused: boolean, onStopped: (failed: T, notRun: T[]) => void) {
  const queue = useRef<Queued<T>[]>([]);
  const groups = useRef(0);
  const draining = useRef(false);
  const runRef = useRef(runOne);
  runRef.current = runOne;
  const stoppedRef = useRef(onStopped);
  stoppedRef.current = onStopped;
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  const drain = useCallback(async () => {
    if (draining.current || pausedRef.current) return;
    draining.current = true;
    try {
      while (!pausedRef.current && queue.current.length > 0) {
        const next = queue.current.shift();
        if (next === undefined || (await runRef.current(next.item))) continue;
        const notRun = queue.current.filter((queued) => queued.group === next.group).map((queued) => queued.item);
        queue.current = queue.current.filter((queued) => queued.group !== next.group);
        stoppedRef.current(next.item, notRun);
      }
    } finally {
      draining.current = false;
    }
  }, []);

  /** Adds one submission (its items run in order, as one group). */
  const enqueue = useCallback(
    (items: T[]) => {
      if (items.length === 0) return;
      groups.current += 1;
      const group = groups.current;
      queue.current.push(...items.map((item) => ({ item, group })));
      void drain();
    },
    [drain],
  );

  useEffect(() => {
    if (!paused) void drain();
  }, [paused, drain]);

  /** Forget statements not started yet (after Ctrl+C) */
  const clear = useCallback(() => {
    queue.current = [];
  }, []);
  return { enqueue, clear };
}
