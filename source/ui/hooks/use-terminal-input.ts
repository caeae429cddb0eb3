// Keyboard input for the whole console. Ink's own useInput hands a paste to stale handlers when
// input is fast; this hook reads Ink's raw input events, decodes them in order with a pure decoder,
// and always calls the latest handler (kept in a ref). Inside a bracketed paste every piece of text
// is reported as pasted, however the terminal chunks it.
import { useStdin } from 'ink';
import { useEffect, useRef } from 'react';
import { decodeInput } from '../keys/decode-input.js';
import { joinEscapePieces } from '../keys/escape-joiner.js';
import { type KeyEvent, keyEvent } from '../keys/key-event.js';

/** Keys closer than this to pasted lines are machine input (TOOLING.md: people type >10 ms apart) */
const PASTE_GAP_MS = 10;
/** How long a cut escape sequence waits for its rest */
const ESCAPE_WAIT_MS = 100;

export function useTerminalInput(handler: (event: KeyEvent) => void): void {
  const { internal_eventEmitter: emitter, setRawMode, isRawModeSupported } = useStdin();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const inPaste = useRef(false);
  const lastPasteAt = useRef(-Infinity);

  useEffect(() => {
    // A pipe has no raw mode; the console is only started on a TTY, but never crash on one.
    if (!isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isRawModeSupported, setRawMode]);

  useEffect(() => {
    let pending = '';
    let flushTimer: NodeJS.Timeout | undefined;
    const onInput = (raw: string): void => {
      clearTimeout(flushTimer);
      const joined = joinEscapePieces(pending, raw);
      pending = joined.pending;
      // A cut sequence whose rest never comes is given up after a moment.
      if (pending !== '')
        flushTimer = setTimeout(() => {
          const rest = pending;
          pending = '';
          onDecoded(rest);
        }, ESCAPE_WAIT_MS);
      for (const event of joined.events) onDecoded(event);
    };
    const onDecoded = (raw: string): void => {
      for (const event of decodeInput(raw)) {
        // The markers reach the handler too: what a bracketed paste hands over is one input.
        if (event.name === 'pasteStart') {
          inPaste.current = true;
          handlerRef.current(event);
          continue;
        }
        if (event.name === 'pasteEnd') {
          inPaste.current = false;
          handlerRef.current(event);
          continue;
        }
        // Without bracketed paste, a multi-line paste can reach us cut right before a line break:
        // an Enter that follows pasted lines within a few milliseconds is part of the paste.
        if (!inPaste.current && event.name === 'return' && !event.meta && performance.now() - lastPasteAt.current < PASTE_GAP_MS) {
          handlerRef.current(keyEvent('paste', { text: '\r' }));
          continue;
        }
        if (event.name === 'paste') lastPasteAt.current = performance.now();
        if (inPaste.current) {
          // Inside a bracketed paste, Enter and Tab are text.
          const text =
            event.name === 'char' || event.name === 'paste'
              ? event.text
              : event.name === 'return'
                ? '\r'
                : event.name === 'tab'
                  ? '\t'
                  : event.ctrl && event.name === 'j'
                    ? '\n'
                    : '';
          if (text !== '') handlerRef.current(keyEvent('paste', { text }));
          continue;
        }
        handlerRef.current(event);
      }
    };
    emitter.on('input', onInput);
    return () => {
      clearTimeout(flushTimer);
      emitter.off('input', onInput);
    };
  }, [emitter]);
}
