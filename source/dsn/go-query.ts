// Go's net/url query handling, which Ory's services apply to every DSN before any driver sees it
// (ory/x sqlcon ParseConnectionOptions and FinalizeDSN): the DSN is cut at its FIRST `?`, the rest
// is read with url.ParseQuery and written back with url.Values.Encode. Modelled here exactly,
// because the re-encoding decides what the drivers then read.
import { DsnError } from './errors.js';

export interface GoQueryPair {
  key: string;
  value: string;
  /** Offset of the pair inside the whole DSN */
  position: number;
}

export interface DroppedPair {
  /** The raw text of the pair, for messages about parameters (never credentials) */
  segment: string;
  reason: string;
  code: 'bad_param' | 'bad_escape';
  position: number;
}

export interface GoQuery {
  /** Decoded pairs in DSN order, as url.ParseQuery keeps them */
  pairs: GoQueryPair[];
  /** Pairs url.ParseQuery skips (a `;` in the pair, a broken escape) */
  dropped: DroppedPair[];
  /** url.ParseQuery's error (the first), which makes Ory keep the DSN unchanged */
  error: string | null;
}

/** url.ParseQuery: `&`-separated pairs, `+` is a space, `%XX` escapes; bad pairs skipped with an error. */
export function goParseQuery(raw: string, offset: number): GoQuery {
  const pairs: GoQueryPair[] = [];
  const dropped: DroppedPair[] = [];
  let error: string | null = null;
  let position = offset;
  for (const segment of raw.split('&')) {
    const segmentPosition = position;
    position += segment.length + 1;
    if (segment === '') continue;
    if (segment.includes(';')) {
      dropped.push({
        segment,
        reason: 'it contains ";", which Go\'s URL query parser rejects',
        code: 'bad_param',
        position: segmentPosition,
      });
      error ??= 'invalid semicolon separator in query';
      continue;
    }
    const equals = segment.indexOf('=');
    const key = goQueryUnescape(equals === -1 ? segment : segment.slice(0, equals));
    const value = goQueryUnescape(equals === -1 ? '' : segment.slice(equals + 1));
    if (key === null || value === null) {
      dropped.push({
        segment,
        reason: 'it has a broken percent escape ("%" must be followed by two hex digits)',
        code: 'bad_escape',
        position: segmentPosition,
      });
      error ??= 'invalid URL escape';
      continue;
    }
    pairs.push({ key, value, position: segmentPosition });
  }
  return { pairs, dropped, error };
}

/** The first value of every key, in order of first appearance (Go's Values.Get). */
export function firstValues(pairs: readonly GoQueryPair[]): Map<string, GoQueryPair> {
  const first = new Map<string, GoQueryPair>();
  for (const pair of pairs) if (!first.has(pair.key)) first.set(pair.key, pair);
  return first;
}

/** url.Values.Encode: keys sorted, each key's values in order, QueryEscape on both sides. */
export function goEncode(pairs: readonly GoQueryPair[]): string {
  const byKey = new Map<string, string[]>();
  for (const { key, value } of pairs) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  const keys = [...byKey.keys()].sort(compareBytes);
  return keys.flatMap((key) => byKey.get(key)!.map((value) => `${goQueryEscape(key)}=${goQueryEscape(value)}`)).join('&');
}

/** Go sorts strings by bytes; for UTF-8 that is code point order. */
function compareBytes(a: string, b: string): number {
  const left = [...a].map((ch) => ch.codePointAt(0)!);
  const right = [...b].map((ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) return left[i]! - right[i]!;
  return left.length - right.length;
}

/** url.QueryEscape: only A-Z a-z 0-9 - _ . ~ stay, a space becomes `+`, every other byte %XX. */
export function goQueryEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** True when Ory's re-encoding leaves the text as it was (the only values raw-reading driver code keeps intact). */
export function survivesReencoding(value: string): boolean {
  return goQueryEscape(value) === value;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** url.QueryUnescape; null on a broken escape. Bytes that are not UTF-8 are reported by the caller. */
export function goQueryUnescape(text: string): string | null {
  if (!text.includes('%') && !text.includes('+')) return text;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let index = 0; index < text.length;) {
    const ch = text[index]!;
    if (ch === '%') {
      const hex = text.slice(index + 1, index + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      index += 3;
    } else if (ch === '+') {
      bytes.push(0x20);
      index += 1;
    } else {
      const width = text.codePointAt(index)! > 0xffff ? 2 : 1;
      bytes.push(...encoder.encode(text.slice(index, index + width)));
      index += width;
    }
  }
  try {
    return utf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** A parameter name that is empty after decoding cannot be meant; every driver would fail on it. */
export function rejectEmptyKeys(pairs: readonly GoQueryPair[]): void {
  const empty = pairs.find((pair) => pair.key === '');
  if (empty)
    throw new DsnError(
      'bad_param',
      'A parameter has an empty name (a pair starting with "=").',
      'Write parameters as name=value, separated by "&".',
      null,
      empty.position,
    );
}

/** Parameters whose values are secrets: never quoted, redacted in output. */
export function isSecretParam(key: string): boolean {
  return /pass(word|wd)?$/i.test(key);
}
