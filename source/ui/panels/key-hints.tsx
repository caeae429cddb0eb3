// The one-line key-hint bar, from the effective key table (keys.json applied), for the focused part.
import { Text } from 'ink';
import { keyLabel, keysOf, type KeyCommandId } from '../keys/key-bindings.js';
import { theme } from '../theme.js';

const hintsFor: Record<'prompt' | 'results' | 'migrations', Array<[KeyCommandId, string]>> = {
  prompt: [
    ['prompt.submit', 'run'],
    ['prompt.newline', 'newline'],
    ['prompt.complete', 'complete'],
    ['app.focusNext', 'results'],
    ['app.help', 'help'],
    ['app.quit', 'quit'],
  ],
  results: [
    ['scroll.pageDown', 'page'],
    ['scroll.bottom', 'end'],
    ['scroll.right', 'columns'],
    ['results.record', 'record'],
    ['results.viewValue', 'value'],
    ['results.back', 'prompt'],
    ['app.help', 'help'],
  ],
  migrations: [
    ['app.focusNext', 'prompt'],
    ['app.help', 'help'],
  ],
};

function firstKey(id: KeyCommandId): string {
  const first = keysOf(id)[0];
  return first === undefined ? '' : keyLabel(first);
}

export function hintText(focus: 'prompt' | 'results' | 'migrations'): string {
  return hintsFor[focus].map(([id, label]) => `${firstKey(id)} ${label}`).join(' · ');
}

export function KeyHints({ focus }: { focus: 'prompt' | 'results' | 'migrations' }) {
  return (
    <Text wrap="truncate-end" color={theme.muted}>
      {hintText(focus)}
    </Text>
  );
}
