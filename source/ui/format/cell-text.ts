// A value as one line of cell text: NULL distinct from the text 'NULL', control characters escaped
// so data can never move the cursor or change colours.
import type { Value } from '../../adapters/adapter.js';
import { escapeControls } from '../../text/escape-controls.js';

/** Shown for SQL NULL (the text 'NULL' is shown as NULL) */
export const NULL_MARK = '∅';

/** Control and bidirectional-control characters shown escaped (one rule for every output). */
export const escapeControl = escapeControls;

export function cellText(value: Value): string {
  if (value === null) return NULL_MARK;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return escapeControl(value);
}

export function isNumeric(value: Value): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
}
