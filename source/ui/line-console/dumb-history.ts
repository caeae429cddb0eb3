// Up / Down history on a dumb terminal: Node's readline edits only the plain line when TERM=dumb
// (no history keys), so the line console recalls entries itself, redrawing the line with a
// carriage return and spaces (no cursor-movement sequences, which a dumb terminal lacks).
import type { Interface } from 'node:readline';

interface EditableLine {
  line: string;
  cursor: number;
}

export function dumbHistory(rl: Interface, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, entries: string[]): void {
  /** Position while browsing; null = at a new line (the caller adds entries after 'line') */
  let index: number | null = null;
  const editable = rl as unknown as EditableLine;
  const show = (text: string) => {
    const old = editable.line;
    const prompt = rl.getPrompt();
    output.write(`\r${prompt}${' '.repeat(Math.max(old.length, text.length))}\r${prompt}${text}`);
    editable.line = text;
    editable.cursor = text.length;
  };
  rl.on('line', () => {
    index = null;
  });
  input.on('keypress', (_text: string | undefined, key: { name?: string } | undefined) => {
    const at = index ?? entries.length;
    if (key?.name === 'up' && at > 0) {
      index = at - 1;
      show(entries[index] ?? '');
    } else if (key?.name === 'down' && at < entries.length) {
      index = at + 1;
      show(entries[index] ?? '');
    }
  });
}
