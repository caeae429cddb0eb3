// Live figures for the pool and migration panels: the client pool about once a second, server
// facts and migration status a little less often. On a backend with a single connection the
// reads pause while the user's statement or stream holds it.
import { useCallback, useRef } from 'react';
import type { Adapter, PoolSnapshot, ServerFacts } from '../../adapters/adapter.js';
import { readMigrationSummary, type MigrationSummary } from '../../migrations/index.js';
import type { ConsoleSession } from '../query/console-session.js';
import { useIntervalValue } from './use-interval-value.js';

export type Reading<T> = { ok: true; value: T; staleBecause?: string } | { ok: false; reason: string };

class Busy extends Error {}

async function reading<T>(read: () => Promise<T> | T): Promise<Reading<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof Busy) throw error;
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** After a failed read (server gone), keep showing the last good figures, marked stale. */
function useKeepLastGood<T>(reading: Reading<T> | undefined): Reading<T> | undefined {
  const lastGood = useRef<T | undefined>(undefined);
  if (reading?.ok) { lastGood.current = reading.value; return reading; }
  if (reading && lastGood.current !== undefined) return { ok: true, value: lastGood.current, staleBecause: reading.reason };
  return reading;
}

export interface LivePanels {
  pool: PoolSnapshot | undefined;
  facts: Reading<ServerFacts> | undefined;
  migrations: Reading<MigrationSummary> | undefined;
}

export function useLivePanels(adapter: Adapter | null, session: ConsoleSession | null, migrationsDir: string | undefined): LivePanels {
  const guard = useCallback(() => { if (session?.othersMustWait) throw new Busy(); }, [session]);
  const readPool = useCallback(() => (adapter ? adapter.poolSnapshot() : undefined), [adapter]);
  const readFacts = useCallback(async () => {
    guard();
    return reading(() => adapter!.serverFacts());
  }, [adapter, guard]);
  const readMigrations = useCallback(async () => {
    guard();
    return reading(() => readMigrationSummary(adapter!, { dir: migrationsDir ?? null }));
  }, [adapter, guard, migrationsDir]);
  return {
    pool: useIntervalValue(adapter ? readPool : null, 1000),
    facts: useKeepLastGood(useIntervalValue(adapter ? readFacts : null, 2000)),
    migrations: useKeepLastGood(useIntervalValue(adapter ? readMigrations : null, 3000)),
  };
}
