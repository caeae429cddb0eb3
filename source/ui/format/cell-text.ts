// A value as one line of cell text: NULL distinct from the text 'NULL', control characters escaped
// so data can never move the cursor or change colours.
import type { Value } from '../../adapters/adapter.js';

/** Shown for SQL NULL (the text 'NULL' is shown as NULL) */
export const NULL_MARK = '∅';

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => named[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function cellText(value: Value): string {
  if (value === null) return NULL_MARK;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return escapeControl(value);
}

export function isNumeric(value: Value): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
}
