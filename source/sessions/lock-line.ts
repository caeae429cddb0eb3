// The one-line summary of lock waits for the console's panel: who waits for whom and how long,
// the longest wait first; null when no session waits.
import type { LockWait, ServerSession } from '../adapters/adapter.js';
import { ageText } from './age-text.js';

const who = (session: ServerSession) => `${session.id} (${session.application || session.user || '?'})`;

export function lockLine(waits: LockWait[]): string | null {
  if (waits.length === 0) return null;
  const sorted = [...waits].sort((a, b) => (b.waiting.waitMs ?? 0) - (a.waiting.waitMs ?? 0));
  const first = sorted[0]!;
  const count = new Set(waits.map((wait) => wait.waiting.id)).size;
  const more = sorted.length > 1 ? ` (+${sorted.length - 1} more)` : '';
  return `locks: ${count} session${count === 1 ? '' : 's'} wait${count === 1 ? 's' : ''}: ${who(first.waiting)} for ${who(first.blocking)}, ${ageText(first.waiting.waitMs)}${more} · \\locks for the statements`;
}
