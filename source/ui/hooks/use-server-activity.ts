// Polls who holds the server's connections and who waits for whose locks, for the panel's lines
// (its own timer, separate from the live panels). Every 10 s when idle, every 2 s while a
// statement of the user's runs (a statement waiting for a lock is the moment to show it), so an
// idle console adds few queries. Read only when the pool has a connection to spare, never with
// max_conns=1 or while a transaction holds the only connection, and with ifConnectionFree, so it
// never queues ahead of the user's statement; a round that could not read retries after 1 s.
import { useEffect, useRef, useState } from 'react';
import type { Adapter, PoolSnapshot } from '../../adapters/adapter.js';
import { groupsLine } from '../../sessions/groups-line.js';
import { lockLine } from '../../sessions/lock-line.js';

const IDLE_PERIOD_MS = 10_000;
const RUNNING_PERIOD_MS = 2000;
const RETRY_MS = 1000;

export interface ServerActivityLines {
  /** Who waits for whom; null when nobody waits */
  locks: string | null;
  /** Sessions grouped by application, user and client, with the headroom */
  groups: string | null;
}

const NONE: ServerActivityLines = { locks: null, groups: null };

/** A connection is free or can be opened, and the pool is not the single one the session needs. */
function spare(pool: PoolSnapshot | undefined): boolean {
  if (!pool || pool.maxConns === 1) return false;
  return pool.idle > 0 || pool.maxConns === 0 || pool.open < pool.maxConns;
}

export function useServerActivity(
  adapter: Adapter | null,
  othersMustWait: boolean,
  pool: PoolSnapshot | undefined,
  running: boolean,
): ServerActivityLines {
  const [lines, setLines] = useState<ServerActivityLines>(NONE);
  const last = useRef('');
  const state = useRef({ paused: true, running });
  state.current = { paused: othersMustWait || !spare(pool), running };
  const activity = adapter?.activity ?? null;
  const kick = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (activity === null) return;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    /** A timer is set and has not fired (a round in flight schedules the next one itself) */
    let waiting = false;
    const schedule = (ms: number) => {
      waiting = true;
      timer = setTimeout(() => {
        waiting = false;
        void tick();
      }, ms);
    };
    const tick = async (): Promise<void> => {
      let next = RETRY_MS;
      if (!state.current.paused) {
        try {
          // ifConnectionFree: between the snapshot and the read the connection may have been taken.
          const waits = await activity.lockWaits({ ifConnectionFree: true });
          const { sessions, limits } = await activity.sessions({ ifConnectionFree: true });
          const read = { locks: lockLine(waits), groups: groupsLine(sessions, limits) };
          const serialised = JSON.stringify(read);
          if (!stopped && serialised !== last.current) {
            last.current = serialised;
            setLines(read);
          }
          next = state.current.running ? RUNNING_PERIOD_MS : IDLE_PERIOD_MS;
        } catch {
          // Busy or failed: the last lines stay; try again soon.
        }
      }
      if (!stopped) schedule(next);
    };
    // A statement starts: read within the running period, not at the end of an idle one.
    kick.current = () => {
      if (waiting) {
        clearTimeout(timer);
        schedule(RUNNING_PERIOD_MS);
      }
    };
    void tick();
    return () => {
      stopped = true;
      kick.current = null;
      if (timer) clearTimeout(timer);
    };
  }, [activity]);
  useEffect(() => {
    if (running) kick.current?.();
  }, [running]);
  return activity ? lines : NONE;
}
