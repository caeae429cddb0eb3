// The value viewer's lines: every value of one row in full, wrapped to the screen, its real line
// breaks kept and JSON (a json/jsonb column, or text holding an object or array) pretty-printed.
import type { Column, Value } from '../../adapters/adapter.js';
import { cellText, escapeControl } from '../format/cell-text.js';
import { wallClockText } from '../../output/wall-clock-text.js';
import { wrapText } from '../format/wrap-columns.js';

const JSON_TYPES = /^jsonb?$/i;

/** The value pretty-printed when it is JSON, else null. */
export function prettyJson(value: Value, column: Column): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!JSON_TYPES.test(column.type) && !/^[[{]/.test(text)) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!JSON_TYPES.test(column.type) && (parsed === null || typeof parsed !== 'object')) return null;
    return JSON.stringify(parsed, null, 2);
  } catch {
    return null;
  }
}

/** One heading line per column (`name · type`), then its value's lines. */
export function valueLines(columns: Column[], row: readonly Value[], width: number): Array<{ text: string; heading: boolean }> {
  const lines: Array<{ text: string; heading: boolean }> = [];
  columns.forEach((column, index) => {
    const value = row[index] ?? null;
    lines.push({ text: escapeControl(column.type ? `${column.name} · ${column.type}` : column.name), heading: true });
    const text =
      prettyJson(value, column) ?? (typeof value === 'string' ? wallClockText(value, column.type).replace(/\r\n/g, '\n') : cellText(value));
    // Line breaks are kept as breaks; every other control character stays escaped.
    for (const line of wrapText(text.split('\n').map(escapeControl).join('\n'), width - 2))
      lines.push({ text: `  ${line}`, heading: false });
  });
  return lines;
}
