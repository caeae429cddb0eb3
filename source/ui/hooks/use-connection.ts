// Opens the target's adapter and one session for the user's statements (so transactions, SET and
// temporary tables persist between statements). A bad DSN or an unreachable server leaves the
// console open with the error instead of crashing.
import { useEffect, useState } from 'react';
import type { Adapter, Session } from '../../adapters/adapter.js';
import { openAdapter } from '../../adapters/open-adapter.js';
import { parseDsn } from '../../dsn/parse-dsn.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { describeFailure } from '../query/describe-failure.js';

export type Connection =
  | { status: 'connecting' }
  | { status: 'connected'; adapter: Adapter; session: Session }
  | { status: 'down'; error: string; hint: string | null };

export function useConnection(target: ResolvedTarget, attempt: number): Connection {
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' });
  useEffect(() => {
    let cancelled = false;
    let opened: Adapter | null = null;
    let session: Session | null = null;
    setConnection({ status: 'connecting' });
    (async () => {
      try {
        opened = await openAdapter(parseDsn(target.dsn));
        session = await opened.session();
        if (cancelled) return;
        setConnection({ status: 'connected', adapter: opened, session });
      } catch (error) {
        if (cancelled) return;
        const { message, hint } = describeFailure(error);
        setConnection({ status: 'down', error: message, hint });
        await opened?.close().catch(() => undefined);
      }
    })();
    return () => {
      cancelled = true;
      void (async () => {
        await session?.release().catch(() => undefined);
        await opened?.close().catch(() => undefined);
      })();
    };
  }, [target, attempt]);
  return connection;
}
