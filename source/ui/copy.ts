// Copies the focused row as tab-separated text with the OSC 52 escape, which terminals honour
// through SSH and kubectl exec. Writes straight to the terminal, outside Ink's frame.
import { cellText } from './format/cell-text.js';
import type { Outcome } from './query/outcome.js';

export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

export function copyToClipboard(outcome: Outcome | null, focused: number, write: (data: string) => void = (data) => process.stdout.write(data)): string {
  if (outcome?.kind !== 'rows') return 'nothing to copy';
  const row = outcome.source.rows.get(focused);
  if (row === undefined || row === 'released') return 'nothing to copy';
  write(osc52(row.map((value) => (value === null ? '' : cellText(value))).join('\t')));
  return `copied row ${focused + 1} (OSC 52)`;
}
