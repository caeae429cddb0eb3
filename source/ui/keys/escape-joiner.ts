// Ink hands over a partial escape sequence when the rest arrives in a later read (it waits only
// one event-loop turn): `ESC[20` then `0~select …`. Over SSH or kubectl exec that happens, and a
// bracketed-paste marker must not turn into text. This joins such pieces back. Pure.

/** An escape sequence cut before its final byte */
const INCOMPLETE_CSI = /^\x1b\[[\d;]*$/;
const COMPLETE_CSI_PREFIX = /^(\x1b\[[\d;]*[~A-Za-z])([^]*)$/;

export interface Joined {
  events: string[];
  pending: string;
}

export function joinEscapePieces(pending: string, raw: string): Joined {
  const input = pending + raw;
  if (INCOMPLETE_CSI.test(input)) return { events: [], pending: input };
  if (pending === '') return { events: [input], pending: '' };
  const split = COMPLETE_CSI_PREFIX.exec(input);
  if (split && split[2] !== '') return { events: [split[1] ?? '', split[2] ?? ''], pending: '' };
  return { events: [input], pending: '' };
}
