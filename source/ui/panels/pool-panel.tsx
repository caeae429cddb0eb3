// Client pool against the DSN's limits, and server-side sessions; unreadable figures are named
// in place instead of failing the panel.
import { formatPoolLimit } from '../../dsn/pool-text.js';
import { Text } from 'ink';
import type { Figure, PoolSnapshot, ServerFacts } from '../../adapters/adapter.js';
import type { Reading } from '../hooks/use-live-panels.js';
import { theme } from '../theme.js';

function duration(ms: number): string {
  if (ms === 0) return '∞';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function figure(value: Figure<number> | undefined): string {
  if (value === undefined) return '…';
  return value.ok ? String(value.value) : 'not available';
}

export function poolLine(pool: PoolSnapshot | undefined): string {
  if (!pool) return 'pool …';
  return `pool open ${pool.open}/${formatPoolLimit(pool.maxConns)} · idle ${pool.idle}/${pool.maxIdleConns} · in use ${pool.inUse} · waiting ${pool.waiting} · lifetime ${duration(pool.maxConnLifetimeMs)} · idle time ${duration(pool.maxConnIdleTimeMs)}`;
}

/**
 * "this console": the server sessions this console holds, which are its pool's open connections
 * (the server's own count by application name would include every other dsnsh, or every replica
 * of the service whose application_name the DSN borrows).
 */
export function serverLine(facts: Reading<ServerFacts> | undefined, pool: PoolSnapshot | undefined): string {
  if (facts === undefined) return 'server …';
  if (!facts.ok) return `server figures not available: ${facts.reason}`;
  const value = facts.value;
  const stale = facts.staleBecause ? ` (stale: ${facts.staleBecause})` : '';
  if (!value.appSessions.ok && !value.totalSessions.ok && !value.maxConnections.ok) {
    return `server sessions not available (${value.appSessions.ok ? '' : value.appSessions.reason})${stale}`;
  }
  return `server sessions: this console ${pool ? pool.open : '…'} · all ${figure(value.totalSessions)} · max ${figure(value.maxConnections)}${stale}`;
}

/**
 * `locks`: a lock wait on the server, said first on the server line. `groups`: who holds the
 * server's connections, on a line of its own where the server has sessions (undefined: no line).
 */
export function PoolPanel({
  pool,
  facts,
  locks = null,
  groups,
}: {
  pool: PoolSnapshot | undefined;
  facts: Reading<ServerFacts> | undefined;
  locks?: string | null;
  groups?: string | null;
}) {
  return (
    <>
      <Text wrap="truncate-end">
        <Text color={theme.accent}>▌</Text>
        {poolLine(pool)}
      </Text>
      <Text wrap="truncate-end">
        <Text color={theme.accent}>▌</Text>
        {locks ? <Text color={theme.warning}>{`${locks} · `}</Text> : null}
        {serverLine(facts, pool)}
      </Text>
      {groups === undefined ? null : (
        <Text wrap="truncate-end">
          <Text color={theme.accent}>▌</Text>
          {groups ?? 'by app/user/client: … (read when a connection is free)'}
        </Text>
      )}
    </>
  );
}
