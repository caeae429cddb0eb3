// Polls a value about once a period and re-renders only when it changed (compared as JSON), so
// an idle console costs nearly nothing.
import { useEffect, useRef, useState } from 'react';

export function useIntervalValue<T>(read: (() => Promise<T> | T) | null, periodMs: number): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const last = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (read === null) return;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const tick = async (): Promise<void> => {
      try {
        const next = await read();
        const serialised = JSON.stringify(next);
        if (!stopped && serialised !== last.current) {
          last.current = serialised;
          setValue(next);
        }
      } catch {
        // The reader reports its own failures in the value; a throw just skips this round.
      }
      if (!stopped)
        timer = setTimeout(() => {
          void tick();
        }, periodMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [read, periodMs]);
  return value;
}
