// Value normalisation for PostgreSQL text-format results, as a private type-parser table
// handed to each client (never installed globally on pg.types, which other code may share).
import type { Value } from '../adapter.js';

type TextParser = (text: string) => Value;

const OID = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  oid: 26,
  float4: 700,
  float8: 701,
  numeric: 1700,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

const asText: TextParser = (text) => text;
const asInteger: TextParser = (text) => Number.parseInt(text, 10);
const asFloat: TextParser = (text) => Number.parseFloat(text);
const asBool: TextParser = (text) => text === 't' || text === 'true';

/** `2024-01-02 03:04:05.123+02` → `2024-01-02T03:04:05.123+02:00` (ISO 8601). */
export function isoTimestamp(text: string): string {
  const match = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d(?::?\d\d)?(?::\d\d)?)?( BC)?$/.exec(text);
  if (!match) return text; // infinity, -infinity, or a DateStyle we do not rewrite
  const [, date, time, offset, era] = match;
  let zone = offset ?? '';
  if (/^[+-]\d\d$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${date}T${time}${zone}${era ?? ''}`;
}

/** bytea text output (hex `\x…` or the older escape format) → lowercase hex without prefix. */
export function byteaHex(text: string): string {
  if (text.startsWith('\\x')) return text.slice(2).toLowerCase();
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    if (text[i + 1] === '\\') {
      bytes.push(0x5c);
      i += 1;
      continue;
    }
    bytes.push(Number.parseInt(text.slice(i + 1, i + 4), 8));
    i += 3;
  }
  return Buffer.from(bytes).toString('hex');
}

const textParsers = new Map<number, TextParser>([
  [OID.bool, asBool],
  [OID.bytea, byteaHex],
  [OID.int8, asText],
  [OID.numeric, asText],
  [OID.int2, asInteger],
  [OID.int4, asInteger],
  [OID.oid, asInteger],
  [OID.float4, asFloat],
  [OID.float8, asFloat],
  [OID.timestamp, isoTimestamp],
  [OID.timestamptz, isoTimestamp],
]);

/** Every value as the server's text output: the forms COPY ... CSV prints (RunOptions.serverText). */
export const serverTextTypes = {
  getTypeParser(_oid: number, format?: string): (value: string | Buffer) => Value {
    if (format === 'binary') return (value) => (Buffer.isBuffer(value) ? value.toString('hex') : String(value));
    return (value) => String(value);
  },
};

/** The shape pg expects for `types`: every other type (json, dates, arrays, enums…) stays text. */
export const normalisingTypes = {
  getTypeParser(oid: number, format?: string): (value: string | Buffer) => Value {
    if (format === 'binary') return (value) => (Buffer.isBuffer(value) ? value.toString('hex') : String(value));
    const parser = textParsers.get(oid) ?? asText;
    return (value) => parser(String(value));
  },
};
