// Lock waits as text: one paragraph per wait (also used for the console's \locks).
import type { LockWait, ServerSession } from '../adapters/adapter.js';
import { ageText } from './age-text.js';
import { escapeControls } from '../output/value-text.js';

function who(session: ServerSession): string {
  const app = session.application ? `${session.application}, ` : '';
  return `${session.id} (${app}${session.user || '?'}@${session.client || '?'})`;
}

function statement(query: string | null, idle: boolean): string {
  if (query === null || query === '') return idle ? '(idle in its transaction; its last statement is not visible)' : '(not visible)';
  const one = query.replace(/\s+/g, ' ').trim();
  return idle ? `${one}   (its last statement; now idle in its transaction)` : one;
}

export function lockWaitLines(wait: LockWait): string[] {
  const b = wait.blocking;
  const state = b.state === 'other' ? '' : `, ${b.state}${b.stateMs === null ? '' : ` for ${ageText(b.stateMs)}`}`;
  const tx = b.transactionMs === null ? '' : `, transaction open ${ageText(b.transactionMs)}`;
  return [
    `${who(wait.waiting)} waits ${ageText(wait.waiting.waitMs)} for ${who(b)}${state}${tx}`,
    `  waiting:  ${statement(wait.waiting.query, false)}`,
    `  blocking: ${statement(b.query, b.state.startsWith('idle'))}`,
  ];
}

export function formatLockWaits(waits: LockWait[]): string {
  if (waits.length === 0) return 'no session waits for a lock\n';
  return waits
    .flatMap((wait) => lockWaitLines(wait))
    .map((line) => `${escapeControls(line)}\n`)
    .join('');
}
