// Server sessions grouped by application name, user and client address, with their states, and
// the headroom against max_connections minus the reserved slots.
import type { ConnectionLimits, ServerSession } from '../adapters/adapter.js';

export interface SessionGroup {
  application: string;
  user: string;
  client: string;
  total: number;
  active: number;
  idle: number;
  idleInTransaction: number;
  other: number;
  /** The longest-open transaction among the group's idle-in-transaction sessions */
  oldestIdleInTransactionMs: number | null;
  /** This group holds dsnsh's own session */
  includesSelf: boolean;
}

export interface Headroom {
  maxConnections: number | null;
  reserved: number;
  reservedDetail: string;
  /** Client sessions open now (dsnsh's own included) */
  open: number;
  /** Slots an ordinary user can still take: max_connections − reserved − open; null when the limit is unknown */
  free: number | null;
}

export function groupSessions(sessions: ServerSession[]): SessionGroup[] {
  const groups = new Map<string, SessionGroup>();
  for (const session of sessions) {
    const key = JSON.stringify([session.application, session.user, session.client]);
    let group = groups.get(key);
    if (!group) {
      group = {
        application: session.application,
        user: session.user,
        client: session.client,
        total: 0,
        active: 0,
        idle: 0,
        idleInTransaction: 0,
        other: 0,
        oldestIdleInTransactionMs: null,
        includesSelf: false,
      };
      groups.set(key, group);
    }
    group.total += 1;
    if (session.self) group.includesSelf = true;
    if (session.state === 'active') group.active += 1;
    else if (session.state === 'idle') group.idle += 1;
    else if (session.state.startsWith('idle in transaction')) {
      group.idleInTransaction += 1;
      const age = session.transactionMs ?? session.stateMs;
      if (age !== null && (group.oldestIdleInTransactionMs === null || age > group.oldestIdleInTransactionMs))
        group.oldestIdleInTransactionMs = age;
    } else group.other += 1;
  }
  return [...groups.values()].sort(
    (a, b) => b.total - a.total || a.application.localeCompare(b.application) || a.user.localeCompare(b.user),
  );
}

export function headroom(sessions: ServerSession[], limits: ConnectionLimits): Headroom {
  const open = sessions.length;
  const free = limits.maxConnections === null ? null : limits.maxConnections - limits.reserved - open;
  return { maxConnections: limits.maxConnections, reserved: limits.reserved, reservedDetail: limits.reservedDetail, open, free };
}
