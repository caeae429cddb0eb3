// Percent-decoding as Go's net/url does it: %XX escapes, and in query strings `+` means a space.
// A broken escape is a DsnError (code bad_escape) naming where it is; the bad text is quoted only
// when it is not secret.
import { DsnError } from './errors.js';

export interface DecodeContext {
  /** What is being decoded, for the message: 'the password', 'parameter "loc"', ... */
  what: string;
  /** The parameter, when the text belongs to one */
  param?: string | null;
  /** Offset of `text` inside the whole DSN, for the error position */
  offset?: number;
  /** Never quote the text in the error (passwords) */
  secret?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** Decodes %XX escapes (and `+` as space when `plusIsSpace`). */
export function percentDecode(text: string, context: DecodeContext, plusIsSpace = false): string {
  if (!text.includes('%') && !(plusIsSpace && text.includes('+'))) return text;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '%') {
      const escape = text.slice(index, index + 3);
      if (escape.length < 3 || !isHex(escape.charCodeAt(1)) || !isHex(escape.charCodeAt(2))) {
        throw badEscape(context, escape, index);
      }
      bytes.push(parseInt(escape.slice(1), 16));
      index += 3;
    } else if (char === '+' && plusIsSpace) {
      bytes.push(32);
      index += 1;
    } else {
      const codePoint = text.codePointAt(index)!;
      const width = codePoint > 0xffff ? 2 : 1;
      bytes.push(...encoder.encode(text.slice(index, index + width)));
      index += width;
    }
  }
  try {
    return utf8.decode(new Uint8Array(bytes));
  } catch {
    throw new DsnError(
      'bad_escape',
      `${capitalise(context.what)} decodes to bytes that are not valid UTF-8${context.secret ? '' : ` ("${text}")`}.`,
      'Percent-encode the UTF-8 bytes of each character (encodeURIComponent does this).',
      context.param ?? null,
      context.offset ?? null,
    );
  }
}

function badEscape(context: DecodeContext, escape: string, index: number): DsnError {
  const shown = context.secret ? '' : ` "${escape}"`;
  return new DsnError(
    'bad_escape',
    `${capitalise(context.what)} has a broken percent escape${shown}: "%" must be followed by two hex digits.`,
    'Write a literal "%" as %25 (and other reserved characters as %XX, e.g. "/" as %2F).',
    context.param ?? null,
    context.offset === undefined ? null : context.offset + index,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
