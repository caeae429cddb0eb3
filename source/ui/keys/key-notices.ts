// Notices that name a key say the key in force (keys.json can move any of them), never a fixed
// "Ctrl+C" that may no longer do anything.
import { keyLabel, keysOf, type KeyCommandId } from './key-bindings.js';

/** "Ctrl+D", "F5 or F9", or "no key (unbound in keys.json)" */
export function keyNames(id: KeyCommandId): string {
  const keys = keysOf(id);
  return keys.length === 0 ? `no key (${id} is unbound in keys.json)` : keys.map(keyLabel).join(' or ');
}

export const quitNotice = (): string => `${keyNames('app.quit')} or \\q quits`;

export const cancellingNotice = (): string => `cancelling… (${keyNames('app.interrupt')} again quits)`;

export const runningHint = (): string => `${keyNames('app.interrupt')} cancels`;

export function explainNotice(promptIsEmpty: boolean): string {
  const keys = keyNames('prompt.explain');
  return promptIsEmpty ? `${keys} explains the statement in the prompt: type one first` : `${keys} explains SQL, not a backslash command`;
}

export const focusHint = (): string => `focus with ${keyNames('app.focusNext')}`;
