// Opens the target's adapter (and, where connections are concurrent, the session for the user's
// statements). A bad DSN or an unreachable server leaves the console open with the error.
import { useEffect, useState } from 'react';
import type { Adapter } from '../../adapters/adapter.js';
import { openSessionTarget } from '../../session/open-session-target.js';
import { DsnError } from '../../dsn/errors.js';
import { AdapterError } from '../../adapters/adapter-error.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { ConsoleSession } from '../query/console-session.js';
import { describeError } from '../../session/report-error.js';

export type Connection =
  | { status: 'connecting' }
  | { status: 'connected'; adapter: Adapter; session: ConsoleSession }
  /** retry: worth retrying (network, server starting); pickProfile: the target itself is wrong (bad DSN, password) */
  | { status: 'down'; error: string; hint: string | null; retry: boolean; pickProfile: boolean; badDsn: boolean };

/** The first line the console shows for a connection that is down. */
export function downHeadline(connection: Extract<Connection, { status: 'down' }>): string {
  return `${connection.badDsn ? 'Bad DSN' : 'Cannot connect'}: ${connection.error}`;
}

export function useConnection(target: ResolvedTarget, readOnly: boolean, attempt: number): Connection {
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' });
  useEffect(() => {
    let cancelled = false;
    let opened: Adapter | null = null;
    let session: ConsoleSession | null = null;
    setConnection({ status: 'connecting' });
    void (async () => {
      try {
        // Read-only: SQLite opens the file read-only (never created, no DSN pragma that writes).
        opened = (await openSessionTarget(target, { readOnly, use: 'console' })).adapter;
        session = new ConsoleSession(opened, readOnly);
        if (opened.capabilities.concurrentSessions) await session.acquire();
        if (cancelled) {
          // Unmounted while connecting (quit early): nothing else will close these.
          await session.close();
          await opened.close().catch(() => undefined);
          return;
        }
        setConnection({ status: 'connected', adapter: opened, session });
      } catch (error) {
        if (cancelled) return;
        const { message, hint } = describeError(error);
        const targetIsWrong =
          error instanceof DsnError || (error instanceof AdapterError && ['auth', 'tls', 'driver-unavailable'].includes(error.kind));
        setConnection({
          status: 'down',
          error: message,
          hint,
          retry: !targetIsWrong,
          pickProfile: targetIsWrong,
          badDsn: error instanceof DsnError,
        });
        await opened?.close().catch(() => undefined);
      }
    })();
    return () => {
      cancelled = true;
      void (async () => {
        await session?.close();
        await opened?.close().catch(() => undefined);
      })();
    };
  }, [target, readOnly, attempt]);
  return connection;
}
