// One value as text, for each kind of output.
import type { Value } from '../adapters/adapter.js';

export { escapeControls } from '../text/escape-controls.js';

/** Plain text of a non-null value (numbers and booleans as SQL would print them). */
export function valueText(value: Exclude<Value, null>): string {
  return typeof value === 'string' ? value : String(value);
}
