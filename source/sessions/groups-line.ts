// The one-line summary of who holds the server's connections, for the console's panel: groups by
// application, user and client (largest first), their states, and the headroom (first: a
// narrow screen cuts the end). `\sessions`
// shows the full table; this line is what fits while working.
import type { ConnectionLimits, ServerSession } from '../adapters/adapter.js';
import { ageText } from './age-text.js';
import { groupSessions, headroom, type SessionGroup } from './group-sessions.js';

/** At most this many groups are named; the rest are counted */
const NAMED_GROUPS = 4;

function states(group: SessionGroup): string {
  const parts: string[] = [];
  if (group.active > 0) parts.push(`${group.active} active`);
  if (group.idle > 0) parts.push(`${group.idle} idle`);
  if (group.idleInTransaction > 0) parts.push(`${group.idleInTransaction} idle in tx ${ageText(group.oldestIdleInTransactionMs)}`);
  if (group.other > 0) parts.push(`${group.other} other`);
  return parts.join(', ');
}

function label(group: SessionGroup): string {
  const who = [group.application || '(no app)', group.user || '?'].join(' ');
  return `${who}@${group.client || 'local'}${group.includesSelf ? ' (dsnsh here)' : ''}`;
}

export function groupsLine(sessions: ServerSession[], limits: ConnectionLimits): string {
  const groups = groupSessions(sessions);
  const named = groups.slice(0, NAMED_GROUPS).map((group) => `${label(group)} ${group.total} (${states(group)})`);
  const rest = groups.length > NAMED_GROUPS ? [`+${groups.length - NAMED_GROUPS} more groups`] : [];
  const room = headroom(sessions, limits);
  const free =
    room.free === null
      ? 'headroom unknown (max_connections not readable)'
      : `headroom ${room.free} of ${room.maxConnections} (${room.reserved} reserved)`;
  return `${free} · by app/user/client: ${[...named, ...rest].join(' · ')} · \\sessions for the table`;
}
