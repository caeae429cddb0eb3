// The console's \sessions, \locks and \ory: the same reports as `dsnsh sessions`, `dsnsh locks`
// and `dsnsh ory status`, as lines, read through the console's own adapter.
import type { Adapter, ServerActivity } from '../adapters/adapter.js';
import { serviceIdentity, serviceMaxConns } from './service-identity.js';
import { lockWaitLines } from './locks-text.js';
import { oryStatusLines } from '../ory/ory-text.js';
import { formatSessions } from './sessions-text.js';
import { DEFAULT_CLEANUP } from '../ory/cleanup-criteria.js';
import { readOryStatus } from '../ory/ory-status.js';
import { parseTarget } from '../profiles/resolve-target.js';
import type { ResolvedTarget } from '../profiles/target.js';
import { connectionBudget } from './connection-budget.js';
import { groupSessions, headroom } from './group-sessions.js';

export class NoServerSessions extends Error {
  constructor(backend: string) {
    super(`${backend} has no server sessions (its database lives in this process or a file it opens)`);
  }
}

function activityOf(adapter: Adapter): ServerActivity {
  if (!adapter.activity) throw new NoServerSessions(adapter.backend);
  return adapter.activity;
}

/** `replicas`: given with the command; else the profile's setting; else 1. */
export async function sessionsReportLines(
  adapter: Adapter,
  target: ResolvedTarget,
  replicas: number | null,
  signal: AbortSignal,
): Promise<string[]> {
  const { sessions, limits } = await activityOf(adapter).sessions({ signal });
  const dsn = parseTarget(target);
  const room = headroom(sessions, limits);
  const count = replicas ?? target.settings.replicas ?? 1;
  const text = formatSessions({
    target: target.redacted,
    limits: room,
    groups: groupSessions(sessions),
    sessions,
    budget: connectionBudget({ replicas: count, maxConns: serviceMaxConns(dsn), ...serviceIdentity(dsn) }, sessions, room),
    replicasFrom: replicas !== null ? 'option' : target.settings.replicas !== undefined ? 'profile' : 'default',
  });
  // The console names the replica count as \sessions N, not the CLI's option.
  return text.replace("give --replicas N for the Deployment's count", "\\sessions N for the Deployment's count").split('\n').slice(1, -1);
}

export async function lockReportLines(adapter: Adapter, signal: AbortSignal): Promise<string[]> {
  const waits = await activityOf(adapter).lockWaits({ signal });
  return waits.length === 0 ? ['no session waits for a lock'] : waits.flatMap((wait) => lockWaitLines(wait));
}

/** Read-only on the server (readOryStatus sets the session read-only): the cleanup is shown, never run. */
/** `exact`: COUNT(*) each table instead of the server's row estimate (as `ory status --exact`). */
export async function oryReportLines(adapter: Adapter, target: ResolvedTarget, exact: boolean): Promise<string[]> {
  const settings = { ...DEFAULT_CLEANUP, now: new Date() };
  const status = await readOryStatus(adapter, settings, { exactCounts: exact });
  return oryStatusLines({
    target: target.redacted,
    backend: adapter.backend,
    settings: { ...settings, now: settings.now.toISOString() },
    ...status,
  });
}
