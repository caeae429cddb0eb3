// The help overlay's text, generated from the effective key table (keys.json applied), the vi-mode
// keys and the backslash commands.
import { keyCommands, keyLabel, keysOf, type KeyContext } from './key-bindings.js';
import { viKeyHelp, viNotes } from './vi-keys.js';
import { focusHint } from './key-notices.js';
import { backslashHelp } from '../sql/backslash-commands.js';
import { NULL_MARK } from '../format/cell-text.js';
import { DEFAULT_HEAD_LIMIT, DEFAULT_RETAIN_LIMIT } from '../state/row-store.js';

const sectionTitles = (): Record<KeyContext, string> => ({ global: 'Anywhere', prompt: 'Prompt', results: `Results (${focusHint()})` });

export function helpLines(): string[] {
  const lines: string[] = [];
  for (const context of ['global', 'prompt', 'results'] as const) {
    lines.push(sectionTitles()[context]);
    for (const command of keyCommands.filter((entry) => entry.context === context)) {
      const keys = keysOf(command.id).map(keyLabel).join(', ') || '(no key)';
      lines.push(`  ${keys.padEnd(26)} ${command.description}`);
    }
  }
  lines.push('Prompt in vi mode (\\set vi on, or "vi": true in keys.json)');
  for (const [keys, description] of viKeyHelp) lines.push(`  ${keys.padEnd(26)} ${description}`);
  for (const note of viNotes) lines.push(`  ${note}`);
  lines.push('Commands');
  for (const [command, description] of backslashHelp) lines.push(`  ${command.padEnd(26)} ${description}`);
  lines.push('Results');
  lines.push(`  ${NULL_MARK} is SQL NULL; control characters are shown escaped (\\n, \\x1b).`);
  lines.push(
    `  Rows stream in as you scroll; the first ${DEFAULT_HEAD_LIMIT.toLocaleString('en-US')} and the newest ${DEFAULT_RETAIN_LIMIT.toLocaleString('en-US')} rows read are kept,`,
  );
  lines.push('  rows in between are released to bound memory (re-run the statement to see them).');
  return lines;
}
