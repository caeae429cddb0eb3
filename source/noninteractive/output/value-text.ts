// One value as text, for each kind of output.
import type { Value } from '../../adapters/adapter.js';

/** Plain text of a non-null value (numbers and booleans as SQL would print them). */
export function valueText(value: Exclude<Value, null>): string {
  return typeof value === 'string' ? value : String(value);
}

// C0 controls, DEL and C1 controls (0x9b is a one-byte CSI on some terminals).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Control characters made visible, so a value can never move the cursor or recolour the terminal. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (ch) => NAMED[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
