// Reading server-activity rows, the same for every backend's activity SQL: numbers that may be
// NULL or text, and lock waits as rows of (waiting session id, wait in ms, blocking session id)
// matched to the sessions read beside them.
import type { LockWait, Row, ServerSession, Value } from './adapter.js';

export function numberOrNull(value: Value | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A session the wait names but the session list no longer holds (it ended in between). */
function goneSession(id: string): ServerSession {
  return { id, application: '', user: '', client: '', state: 'other', stateMs: null, transactionMs: null, query: null, self: false };
}

export function lockWaitsFrom(rows: readonly Row[], sessions: readonly ServerSession[]): LockWait[] {
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const find = (value: Value | undefined) => byId.get(String(value)) ?? goneSession(String(value));
  return rows.map((row) => ({ waiting: { ...find(row[0]), waitMs: numberOrNull(row[1]) }, blocking: find(row[2]) }));
}
