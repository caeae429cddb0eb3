// vi's motions over the prompt's text: where h l 0 ^ $ w b e W B E f F t T land. Pure; indexes are
// UTF-16 offsets on code-point boundaries, as in text-motion.ts.
import { lineEnd, lineStart, nextCodePoint, previousCodePoint } from './text-motion.js';

export type FindKind = 'f' | 'F' | 't' | 'T';
export interface LastFind {
  kind: FindKind;
  char: string;
}

/** Where a motion lands, and whether the character there belongs to an operator's range. */
export interface Landing {
  to: number;
  inclusive: boolean;
}

/** 0 blank, 1 word (letters, digits, _), 2 other; a WORD motion (big) knows only blank and not. */
function classAt(text: string, index: number, big: boolean): number {
  const char = String.fromCodePoint(text.codePointAt(index) ?? 32);
  if (/\s/u.test(char)) return 0;
  if (big) return 1;
  return /[\p{L}\p{N}_]/u.test(char) ? 1 : 2;
}

export function nextWordStart(text: string, index: number, big: boolean): number {
  let at = index;
  if (at >= text.length) return text.length;
  const start = classAt(text, at, big);
  if (start !== 0) while (at < text.length && classAt(text, at, big) === start) at = nextCodePoint(text, at);
  while (at < text.length && classAt(text, at, big) === 0) at = nextCodePoint(text, at);
  return at;
}

export function wordEnd(text: string, index: number, big: boolean): number {
  let at = nextCodePoint(text, index);
  while (at < text.length && classAt(text, at, big) === 0) at = nextCodePoint(text, at);
  if (at >= text.length) return previousCodePoint(text, text.length);
  const kind = classAt(text, at, big);
  for (let next = nextCodePoint(text, at); next < text.length && classAt(text, next, big) === kind; next = nextCodePoint(text, next))
    at = next;
  return at;
}

export function previousWordStart(text: string, index: number, big: boolean): number {
  let at = previousCodePoint(text, index);
  while (at > 0 && classAt(text, at, big) === 0) at = previousCodePoint(text, at);
  const kind = classAt(text, at, big);
  while (at > 0 && classAt(text, previousCodePoint(text, at), big) === kind) at = previousCodePoint(text, at);
  return at;
}

export function firstNonBlank(text: string, index: number): number {
  let at = lineStart(text, index);
  const end = lineEnd(text, index);
  while (at < end && /[ \t]/.test(text[at] ?? '')) at += 1;
  return at;
}

/** The character f/F/t/T looks for, on the cursor's line; null when it is not there. */
export function findOnLine(text: string, index: number, find: LastFind, count: number, repeat = false): Landing | null {
  const start = lineStart(text, index);
  const end = lineEnd(text, index);
  const forward = find.kind === 'f' || find.kind === 't';
  const till = find.kind === 't' || find.kind === 'T';
  let at = index;
  for (let found = 0; found < count; found += 1) {
    // ; after t must not stay stuck on the character just before the match.
    let from = forward ? nextCodePoint(text, at) : previousCodePoint(text, at);
    if (till && repeat && found === 0) from = forward ? nextCodePoint(text, from) : previousCodePoint(text, from);
    let hit = -1;
    if (forward) {
      const next = text.indexOf(find.char, from);
      hit = next !== -1 && next < end ? next : -1;
    } else if (from >= start && at > start) {
      const before = text.lastIndexOf(find.char, from);
      hit = before >= start ? before : -1;
    }
    if (hit === -1) return null;
    at = hit;
  }
  if (till) at = forward ? previousCodePoint(text, at) : nextCodePoint(text, at);
  return { to: at, inclusive: forward };
}

export function reverseFind(find: LastFind): LastFind {
  const reversed: Record<FindKind, FindKind> = { f: 'F', F: 'f', t: 'T', T: 't' };
  return { kind: reversed[find.kind], char: find.char };
}

function repeatMotion(text: string, index: number, count: number, step: (text: string, at: number) => number): number {
  let at = index;
  for (let done = 0; done < count; done += 1) at = step(text, at);
  return at;
}

/** h l 0 ^ $ w W b B e E as a landing; null for a key that is no such motion. */
export function simpleMotion(text: string, index: number, motion: string, count: number): Landing | null {
  const start = lineStart(text, index);
  const end = lineEnd(text, index);
  switch (motion) {
    case 'h':
      return { to: Math.max(start, repeatMotion(text, index, count, previousCodePoint)), inclusive: false };
    case 'l':
      return { to: Math.min(end, repeatMotion(text, index, count, nextCodePoint)), inclusive: false };
    case '0':
      return { to: start, inclusive: false };
    case '^':
      return { to: firstNonBlank(text, index), inclusive: false };
    case '$': {
      // 2$ is the end of the next line
      let at = index;
      for (let line = 1; line < count && lineEnd(text, at) < text.length; line += 1) at = lineEnd(text, at) + 1;
      const last = lineEnd(text, at);
      return { to: last > lineStart(text, at) ? previousCodePoint(text, last) : last, inclusive: last > lineStart(text, at) };
    }
    case 'w':
    case 'W':
      return { to: repeatMotion(text, index, count, (t, at) => nextWordStart(t, at, motion === 'W')), inclusive: false };
    case 'b':
    case 'B':
      return { to: repeatMotion(text, index, count, (t, at) => previousWordStart(t, at, motion === 'B')), inclusive: false };
    case 'e':
    case 'E':
      return { to: repeatMotion(text, index, count, (t, at) => wordEnd(t, at, motion === 'E')), inclusive: true };
    default:
      return null;
  }
}
