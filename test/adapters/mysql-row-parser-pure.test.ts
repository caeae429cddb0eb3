// The stream's row parser on hand-made text-protocol packets, without a server: length prefixes
// of every size, NULL, integers as mysql2 reads them, DATETIME built from bytes or left to the
// formatter, short ASCII decoding at every length it handles.
import type { FieldPacket } from 'mysql2';
import { describe, expect, it } from 'vitest';
import { makeDateTimeFormatter } from '../../source/adapters/mysql/mysql-dates.js';
import { makeFastRowParser } from '../../source/adapters/mysql/mysql-row-parser.js';
import { SHORT_ASCII_MAX, shortAscii } from '../../source/adapters/mysql/mysql-short-ascii.js';

const UTF8MB4 = 45;
const field = (columnType: number, characterSet = UTF8MB4, encoding = 'utf8') =>
  ({ columnType, characterSet, encoding }) as unknown as FieldPacket;
const INT = field(0x03, 63, 'binary');
const DECIMAL = field(0xf6, 63, 'binary');
const DATETIME = field(0x0c, 63, 'binary');
const VARCHAR = field(0xfd);
const VARBINARY = field(0xfd, 63, 'binary');

/** A row packet's payload: each value length-prefixed as the server does, null as 0xfb. */
function payload(values: (string | Buffer | null)[]): Buffer {
  const parts: Buffer[] = [];
  for (const value of values) {
    if (value === null) {
      parts.push(Buffer.from([0xfb]));
      continue;
    }
    const bytes = typeof value === 'string' ? Buffer.from(value) : value;
    const n = bytes.length;
    if (n < 251) parts.push(Buffer.from([n]));
    else if (n < 0x1_0000) parts.push(Buffer.from([0xfc, n & 0xff, n >> 8]));
    else if (n < 0x100_0000) parts.push(Buffer.from([0xfd, n & 0xff, (n >> 8) & 0xff, n >> 16]));
    else {
      const prefix = Buffer.alloc(9);
      prefix[0] = 0xfe;
      prefix.writeUInt32LE(n, 1);
      parts.push(prefix);
    }
    parts.push(bytes);
  }
  // Some bytes before and after, as in a socket chunk holding several packets.
  return Buffer.concat([Buffer.from('head'), ...parts, Buffer.from('tail')]);
}

function parse(fields: FieldPacket[], values: (string | Buffer | null)[], loc = 'UTC', parseTime = true) {
  const parser = makeFastRowParser(fields, makeDateTimeFormatter(parseTime, loc));
  if (!parser) throw new Error('expected a parser');
  const buffer = payload(values);
  return parser.parse({ buffer, offset: 4, end: buffer.length - 4 });
}

describe('MySQL stream row parser (packets)', () => {
  it('reads integers as mysql2 does, NULL as null, text and hex exactly', () => {
    expect(parse([INT, INT, INT, INT, INT], ['-2147483648', '4294967295', '0', '+5', null])).toEqual([-2147483648, 4294967295, 0, 5, null]);
    expect(
      parse([DECIMAL, VARCHAR, VARCHAR, VARBINARY, VARBINARY], ['-0.50', '', 'NULL', Buffer.from([0, 0xab]), Buffer.alloc(0)]),
    ).toEqual(['-0.50', '', 'NULL', '00ab', '']);
  });

  it('follows 1-, 3-, 4- and 9-byte length prefixes', () => {
    const texts = ['x'.repeat(250), 'y'.repeat(251), 'é'.repeat(40_000), 'z'.repeat(0x100_0000 + 3)];
    expect(parse([VARCHAR, VARCHAR, VARCHAR, VARCHAR, INT], [...texts, '7'])).toEqual([...texts, 7]);
  });

  it('decodes non-ASCII text as UTF-8 at any length', () => {
    expect(parse([VARCHAR, VARCHAR, VARCHAR], ['é', 'naïve café 😀', 'ü'.repeat(20)])).toEqual(['é', 'naïve café 😀', 'ü'.repeat(20)]);
  });

  it.each([
    ['UTC', true, '2024-07-01 12:34:56', '2024-07-01T12:34:56Z'],
    ['UTC', false, '2024-07-01 12:34:56', '2024-07-01T12:34:56'],
    ['Europe/Paris', true, '2024-07-01 12:34:56', '2024-07-01T12:34:56+02:00'],
    ['UTC', true, '2024-07-01 12:34:56.25', '2024-07-01T12:34:56.25Z'],
    ['UTC', true, '0999-12-31 23:59:59', '0999-12-31T23:59:59Z'],
    ['UTC', true, '0000-00-00 00:00:00', '0000-00-00 00:00:00'],
  ])('DATETIME in %s (parseTime %s): %s → %s', (loc, parseTime, text, expected) => {
    expect(parse([DATETIME], [text], loc, parseTime)).toEqual([expected]);
  });

  it('declines a result with a column kind it does not read', () => {
    const format = makeDateTimeFormatter(true, 'UTC');
    expect(makeFastRowParser([INT, field(0x05, 63, 'binary')], format)).toBeNull();
    expect(makeFastRowParser([field(0xfd, 8, 'cp1252')], format)).toBeNull();
    expect(makeFastRowParser([{ ...VARCHAR, extendedFormat: 'json' } as unknown as FieldPacket], format)).toBeNull();
  });
});

describe('shortAscii', () => {
  it('decodes every length it handles, and only ASCII', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const bytes = Buffer.from(`-${text}`);
    for (let length = 1; length <= SHORT_ASCII_MAX; length += 1) {
      expect(shortAscii(bytes, 1, length)).toBe(text.slice(0, length));
      const accented = Buffer.from(`${'a'.repeat(length - 1)}\xe9`, 'latin1');
      expect(shortAscii(accented, 0, length)).toBeNull();
    }
    expect(shortAscii(bytes, 1, 0)).toBeNull();
    expect(shortAscii(bytes, 1, SHORT_ASCII_MAX + 1)).toBeNull();
  });
});
