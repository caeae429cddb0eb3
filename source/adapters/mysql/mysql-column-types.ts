// Column type names as a user would write them, from the protocol's type code, flags and
// character set (63 = binary tells BLOB from TEXT and VARBINARY from VARCHAR).
import type { FieldPacket } from 'mysql2';

export const BINARY_CHARSET = 63;
const UNSIGNED_FLAG = 32;
const ENUM_FLAG = 256;
const SET_FLAG = 2048;

const NAMES: Record<number, string> = {
  0x00: 'DECIMAL',
  0x01: 'TINYINT',
  0x02: 'SMALLINT',
  0x03: 'INT',
  0x04: 'FLOAT',
  0x05: 'DOUBLE',
  0x06: 'NULL',
  0x07: 'TIMESTAMP',
  0x08: 'BIGINT',
  0x09: 'MEDIUMINT',
  0x0a: 'DATE',
  0x0b: 'TIME',
  0x0c: 'DATETIME',
  0x0d: 'YEAR',
  0x0e: 'DATE',
  0x0f: 'VARCHAR',
  0x10: 'BIT',
  0xf2: 'VECTOR',
  0xf5: 'JSON',
  0xf6: 'DECIMAL',
  0xf7: 'ENUM',
  0xf8: 'SET',
  0xf9: 'TINYTEXT',
  0xfa: 'MEDIUMTEXT',
  0xfb: 'LONGTEXT',
  0xfc: 'TEXT',
  0xfd: 'VARCHAR',
  0xfe: 'CHAR',
  0xff: 'GEOMETRY',
};
const BINARY_NAMES: Record<number, string> = {
  0x0f: 'VARBINARY',
  0xf9: 'TINYBLOB',
  0xfa: 'MEDIUMBLOB',
  0xfb: 'LONGBLOB',
  0xfc: 'BLOB',
  0xfd: 'VARBINARY',
  0xfe: 'BINARY',
};
const INTEGER_CODES = new Set([0x01, 0x02, 0x03, 0x08, 0x09]);

export const STRING_LIKE_CODES = new Set([0x0f, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]);

interface FieldShape {
  columnType?: number;
  type?: number;
  flags?: number | string[];
  characterSet?: number;
  extendedTypeName?: string;
}

export function typeCode(field: FieldPacket): number {
  const shape = field as unknown as FieldShape;
  return shape.columnType ?? shape.type ?? -1;
}

function flagsOf(field: FieldPacket): number {
  const flags = (field as unknown as FieldShape).flags;
  return typeof flags === 'number' ? flags : 0;
}

export function isBinaryString(field: FieldPacket): boolean {
  return STRING_LIKE_CODES.has(typeCode(field)) && (field as unknown as FieldShape).characterSet === BINARY_CHARSET;
}

export function columnTypeName(field: FieldPacket): string {
  const code = typeCode(field);
  const flags = flagsOf(field);
  const extended = (field as unknown as FieldShape).extendedTypeName;
  if (extended) return extended.toUpperCase();
  if (flags & ENUM_FLAG) return 'ENUM';
  if (flags & SET_FLAG) return 'SET';
  const name = (isBinaryString(field) ? BINARY_NAMES[code] : undefined) ?? NAMES[code] ?? '';
  return INTEGER_CODES.has(code) && flags & UNSIGNED_FLAG ? `${name} UNSIGNED` : name;
}
