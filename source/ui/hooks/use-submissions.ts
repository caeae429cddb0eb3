// What the prompt hands over becomes inputs for the statement queue. One input is one typed line
// (Enter), or everything one bracketed paste handed over: a failure or a declined question stops
// the rest of its input only. Unbracketed bursts cannot be told from typing ahead: line by line.
import { useCallback, useRef } from 'react';

export function useSubmissions(enqueue: (texts: string[]) => void, remember: (text: string) => void) {
  const pasted = useRef<string[] | null>(null);
  const enqueueRef = useRef(enqueue);
  enqueueRef.current = enqueue;
  const rememberRef = useRef(remember);
  rememberRef.current = remember;

  const submit = useCallback((texts: string[]) => {
    for (const text of texts) rememberRef.current(text);
    if (pasted.current !== null) pasted.current.push(...texts);
    else for (const text of texts) enqueueRef.current([text]);
  }, []);

  /** The terminal's bracketed-paste markers: statements pasted in between form one input. */
  const pasteBoundary = useCallback((name: 'pasteStart' | 'pasteEnd') => {
    if (name === 'pasteStart') {
      pasted.current ??= [];
      return;
    }
    const texts = pasted.current ?? [];
    pasted.current = null;
    if (texts.length > 0) enqueueRef.current(texts);
  }, []);

  return { submit, pasteBoundary };
}
