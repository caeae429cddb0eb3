// State that the key handler can read right after setting it: several keys can arrive in one
// input event, before React re-renders with the new value.
import { useCallback, useRef, useState } from 'react';

export function useRefState<T>(initial: T): [T, (next: T | ((current: T) => T)) => void, { readonly current: T }] {
  const [value, setValue] = useState(initial);
  const ref = useRef(initial);
  const set = useCallback((next: T | ((current: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (current: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, set, ref];
}
