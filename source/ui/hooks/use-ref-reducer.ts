// A reducer whose state the key handler can read right after dispatching: several keys can arrive
// in one input event, before React re-renders with the new state (as useRefState).
import { useCallback, useRef, useState } from 'react';

export function useRefReducer<S, A>(
  reducer: (state: S, action: A) => S,
  initial: () => S,
): [S, (action: A) => void, { readonly current: S }] {
  const ref = useRef<S | null>(null);
  ref.current ??= initial();
  const [state, setState] = useState<S>(ref.current);
  const dispatch = useCallback(
    (action: A) => {
      ref.current = reducer(ref.current as S, action);
      setState(ref.current);
    },
    [reducer],
  );
  return [state, dispatch, ref as { readonly current: S }];
}
