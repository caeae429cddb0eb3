// Normalises mysql2 values once, per column, so rows reach callers in the contract's shape:
// BIGINT/DECIMAL exact strings (driver options), DATE 'YYYY-MM-DD', DATETIME/TIMESTAMP ISO
// (see mysql-dates.ts), TIME as the server's text, binary strings/BLOB as hex, BIT as the
// unsigned integer in decimal, JSON as text, GEOMETRY as JSON of the driver's parse, NULL null.
import type { FieldPacket } from 'mysql2';
import type { Column, Row, Value } from '../adapter.js';
import { columnTypeName, isBinaryString, typeCode } from './mysql-column-types.js';
import type { DateTimeFormatter } from './mysql-dates.js';

type Convert = (value: unknown) => Value;

const DATETIME_CODES = new Set([0x07, 0x0c]);
const BIT_CODE = 0x10;
const GEOMETRY_CODE = 0xff;

function toHex(value: unknown): Value {
  return Buffer.isBuffer(value) ? value.toString('hex') : fallback(value);
}

function bitToDecimal(value: unknown): Value {
  if (!Buffer.isBuffer(value)) return fallback(value);
  let result = 0n;
  for (const byte of value) result = (result << 8n) | BigInt(byte);
  return result.toString();
}

/** Anything the per-column plan did not foresee still leaves in the contract's shape. */
function fallback(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

function converterFor(field: FieldPacket, formatDateTime: DateTimeFormatter): Convert | null {
  const code = typeCode(field);
  if (DATETIME_CODES.has(code)) return (value) => (typeof value === 'string' ? formatDateTime(value) : fallback(value));
  if (code === BIT_CODE) return bitToDecimal;
  if (code === GEOMETRY_CODE) return fallback;
  if (isBinaryString(field)) return toHex;
  return null;
}

export interface RowNormaliser {
  columns: Column[];
  /** Converts a row in place (rowsAsArray rows are fresh arrays) and returns it. */
  normalise(row: unknown[]): Row;
}

export function makeRowNormaliser(fields: FieldPacket[], formatDateTime: DateTimeFormatter): RowNormaliser {
  const columns = fields.map((field) => ({ name: field.name, type: columnTypeName(field) }));
  // Parallel arrays and an indexed loop: this runs for every row of a million-row export.
  const indexes: number[] = [];
  const converters: Convert[] = [];
  const dateTimeIndexes: number[] = [];
  fields.forEach((field, index) => {
    if (DATETIME_CODES.has(typeCode(field))) {
      dateTimeIndexes.push(index);
      return;
    }
    const convert = converterFor(field, formatDateTime);
    if (convert) {
      indexes.push(index);
      converters.push(convert);
    }
  });
  return {
    columns,
    normalise(row) {
      // DATETIME/TIMESTAMP, the common case, without a wrapping closure per value.
      for (let i = 0; i < dateTimeIndexes.length; i += 1) {
        const index = dateTimeIndexes[i]!;
        const value = row[index];
        if (value !== null) row[index] = typeof value === 'string' ? formatDateTime(value) : fallback(value);
      }
      for (let i = 0; i < indexes.length; i += 1) {
        const index = indexes[i]!;
        const value = row[index];
        if (value !== null) row[index] = converters[i]!(value);
      }
      return row as Row;
    },
  };
}
