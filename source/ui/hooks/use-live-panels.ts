// Live figures for the pool and migration panels: the client pool about once a second, server
// facts and migration status a little less often. The reads take a connection only when one is
// free (backgroundReader): with max_conns=1, or every connection held, they pause and say so
// instead of queueing behind the user's session. On a backend with a single connection (SQLite)
// they also pause while the user's statement or stream holds it.
import { useCallback, useMemo, useRef } from 'react';
import type { Adapter, PoolSnapshot, ServerFacts } from '../../adapters/adapter.js';
import { backgroundReader, isBusy } from '../../adapters/background-reader.js';
import { readMigrationSummary, type MigrationSummary } from '../../migrations/index.js';
import type { ConsoleSession } from '../query/console-session.js';
import { useIntervalValue } from './use-interval-value.js';

/** `paused`: the read did not happen because no connection was free; the server is not in doubt. */
export type Reading<T> = { ok: true; value: T; staleBecause?: string; paused?: boolean } | { ok: false; reason: string; paused?: boolean };

class Busy extends Error {}

async function reading<T>(read: () => Promise<T> | T): Promise<Reading<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof Busy) throw error;
    return { ok: false, reason: error instanceof Error ? error.message : String(error), ...(isBusy(error) ? { paused: true } : {}) };
  }
}

/** A summary whose database read found no free connection is a pause, not a migration problem. */
function pausedSummary(result: Reading<MigrationSummary>): Reading<MigrationSummary> {
  const cause = result.ok ? result.value.problem?.cause : undefined;
  return isBusy(cause) ? { ok: false, reason: (cause as Error).message, paused: true } : result;
}

/** After a failed read (server gone), keep showing the last good figures, marked stale. */
function useKeepLastGood<T>(reading: Reading<T> | undefined): Reading<T> | undefined {
  const lastGood = useRef<T | undefined>(undefined);
  if (reading?.ok) {
    lastGood.current = reading.value;
    return reading;
  }
  if (reading && lastGood.current !== undefined)
    return { ok: true, value: lastGood.current, staleBecause: reading.reason, ...(reading.paused ? { paused: true } : {}) };
  return reading;
}

export interface LivePanels {
  pool: PoolSnapshot | undefined;
  facts: Reading<ServerFacts> | undefined;
  migrations: Reading<MigrationSummary> | undefined;
}

export function useLivePanels(adapter: Adapter | null, session: ConsoleSession | null, migrationsDir: string | undefined): LivePanels {
  const background = useMemo(() => (adapter ? backgroundReader(adapter) : null), [adapter]);
  const guard = useCallback(() => {
    if (session?.othersMustWait) throw new Busy();
  }, [session]);
  const readPool = useCallback(() => (adapter ? adapter.poolSnapshot() : undefined), [adapter]);
  const readFacts = useCallback(async () => {
    guard();
    return reading(() => background!.serverFacts());
  }, [background, guard]);
  const readMigrations = useCallback(async () => {
    guard();
    return pausedSummary(await reading(() => readMigrationSummary(background!, { dir: migrationsDir ?? null })));
  }, [background, guard, migrationsDir]);
  return {
    pool: useIntervalValue(adapter ? readPool : null, 1000),
    facts: useKeepLastGood(useIntervalValue(adapter ? readFacts : null, 2000)),
    migrations: useKeepLastGood(useIntervalValue(adapter ? readMigrations : null, 3000)),
  };
}
