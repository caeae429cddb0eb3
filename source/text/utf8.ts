// Strict UTF-8 for SQL input: a byte that is not UTF-8 is an error naming where it is, never a
// U+FFFD silently stored in the database (which is what decoding with replacement does).
import { isUtf8 } from 'node:buffer';

export interface InvalidUtf8 {
  /** Offset of the first byte of the bad sequence */
  offset: number;
  /** 1-based line and column (in bytes) of that byte */
  line: number;
  column: number;
  byte: number;
}

/** Length of a sequence led by `lead`, or 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The allowed range of the byte after `lead` (excluding overlong forms, surrogates, > U+10FFFF). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/**
 * Where `bytes` first breaks UTF-8: the offset of the bad sequence, `-1` when all of it is valid.
 * With `partialEnd`, a sequence cut off by the end of `bytes` (more may follow) is not an error:
 * `incompleteFrom` is where it starts.
 */
export function checkUtf8(bytes: Uint8Array, partialEnd = false): { invalidAt: number; incompleteFrom: number } {
  if (isUtf8(bytes)) return { invalidAt: -1, incompleteFrom: bytes.length };
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    if (length === 0) return { invalidAt: i, incompleteFrom: bytes.length };
    if (length === 1) {
      i += 1;
      continue;
    }
    for (let k = 1; k < length; k += 1) {
      if (i + k >= bytes.length) {
        return partialEnd ? { invalidAt: -1, incompleteFrom: i } : { invalidAt: i, incompleteFrom: bytes.length };
      }
      const [low, high] = k === 1 ? secondByteRange(lead) : [0x80, 0xbf];
      const next = bytes[i + k]!;
      if (next < low || next > high) return { invalidAt: i, incompleteFrom: bytes.length };
    }
    i += length;
  }
  return { invalidAt: -1, incompleteFrom: bytes.length };
}

/** Line and column of `offset`, counting lines already passed (`lineBefore`, 1-based) and the bytes before it. */
export function locate(bytes: Uint8Array, offset: number, lineBefore = 1, columnBefore = 0): InvalidUtf8 {
  let line = lineBefore;
  let lineStart = -1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line += 1;
    lineStart = i;
  }
  const column = lineStart === -1 ? columnBefore + offset + 1 : offset - lineStart;
  return { offset, line, column, byte: bytes[offset]! };
}

/** `byte 0xff at column 12` */
export function describeInvalid(where: InvalidUtf8): string {
  return `byte 0x${where.byte.toString(16).padStart(2, '0')} at column ${where.column}`;
}
