// Copies text with the OSC 52 escape, which terminals honour through SSH and kubectl exec, and to
// the system clipboard where there is one. OSC 52 goes straight to the terminal, outside Ink's frame.
import { copyToSystemClipboard } from './system-clipboard.js';

export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/** `what`: "cell name of row 3"; the notice says what was copied and through which channels. */
export function copyToClipboard(text: string, what: string, write: (data: string) => void = (data) => process.stdout.write(data)): string {
  write(osc52(text));
  const program = copyToSystemClipboard(text);
  return `copied ${what} (OSC 52${program === null ? '' : ` and ${program}`})`;
}
