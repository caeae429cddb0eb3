// Sorting loaded rows by one column, client-side: numbers (and exact numeric strings) by value,
// text by a numeric-aware collation ("item2" before "item10"), NULLs last either way; ties keep
// the server's order.
import type { Row, Value } from '../../adapters/adapter.js';

export type SortDirection = 'ascending' | 'descending';

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+$/;
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'variant' });

function compareNumbers(left: number | string, right: number | string): number {
  // Exact 64-bit integers arrive as strings: compared exactly, past what a double holds.
  if (typeof left === 'string' && typeof right === 'string' && INTEGER.test(left) && INTEGER.test(right)) {
    const a = BigInt(left);
    const b = BigInt(right);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return Number(left) - Number(right);
}

const isNumberLike = (value: Value): value is number | string =>
  typeof value === 'number' || (typeof value === 'string' && NUMERIC.test(value.trim()));

/** Non-null values, ascending. */
export function compareValues(left: Exclude<Value, null>, right: Exclude<Value, null>): number {
  if (isNumberLike(left) && isNumberLike(right)) {
    const order = compareNumbers(left, right);
    if (order !== 0 && !Number.isNaN(order)) return order;
  }
  return collator.compare(String(left), String(right));
}

export function sortRows(rows: readonly Row[], column: number, direction: SortDirection): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = a[column] ?? null;
    const right = b[column] ?? null;
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    return sign * compareValues(left, right);
  });
}
