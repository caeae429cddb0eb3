// Text from a database or a user, made safe to print on a terminal: every character that could move
// the cursor, recolour the screen or reorder what follows it is shown as a visible escape.

// C0 controls, DEL, C1 controls (0x9b is a one-byte CSI on some terminals), and the bidirectional
// controls (LRM/RLM/ALM, embeddings, overrides, isolates) that make text display in another order
// than it is stored: `admin\u202Etxt.exe` must not read as something else.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Control and bidirectional-control characters made visible (`\x1b`, `\n`, `\u202e`). */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** escapeControls for multi-line text: every line escaped, the line breaks between them kept. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}
