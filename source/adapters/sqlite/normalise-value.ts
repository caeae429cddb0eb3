// SQLite values → the contract's Value: integers beyond 2^53 as exact strings (the database is
// read with safeIntegers, so they arrive as BigInt), REAL as numbers, BLOB as lowercase hex.
import type { Value } from '../adapter.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

export function normaliseValue(value: unknown): Value {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'bigint':
      return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
    case 'number':
    case 'string':
      return value;
    case 'boolean':
      return value;
    default:
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
      return String(value);
  }
}

/** Parameters for better-sqlite3, which rejects booleans. */
export function bindableParam(value: Value): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
