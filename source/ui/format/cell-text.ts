// A value as one line of grid text: the shared table cell rule (source/output/table-cells.ts) with
// the console's mark for NULL, distinct from the text 'NULL'.
import type { Value } from '../../adapters/adapter.js';
import { escapeControls } from '../../text/escape-controls.js';
import { tableCellText } from '../../output/table-cells.js';

export { isNumeric } from '../../output/table-cells.js';

/** Shown for SQL NULL (the text 'NULL' is shown as NULL) */
export const NULL_MARK = '∅';

/** Control and bidirectional-control characters shown escaped (one rule for every output). */
export const escapeControl = escapeControls;

/** `columnType` (Column.type) lets a zone-less date-time show as the server wrote it. */
export function cellText(value: Value, columnType?: string): string {
  return tableCellText(value, NULL_MARK, columnType);
}
