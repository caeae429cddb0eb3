// The connection attempts pgx makes for one new connection, in order: every host of the DSN, and
// on each host the transports sslmode allows (prefer: TLS then plaintext; allow: plaintext then
// TLS; a Unix socket: plaintext only). The next attempt follows any failure except a wrong
// password, a missing database or a missing CONNECT privilege, which stop at once (pgx's
// connectPreferred). target_session_attrs then decides whether a connected server is acceptable.
import type { PostgresDsn } from '../../dsn/types.js';
import { isPgSocket, pgSocketPath } from '../../dsn/pg-socket.js';
import type { SslPlan, TlsChoice } from './pg-ssl-options.js';

export interface ConnectAttempt {
  host: string;
  port: number;
  tls: TlsChoice;
}

export function connectAttempts(dsn: PostgresDsn, plan: SslPlan): ConnectAttempt[] {
  return dsn.hosts.flatMap(({ host, port }) => {
    if (isPgSocket(host)) return [{ host, port, tls: false as const }];
    const transports = plan.fallback === null ? [plan.first] : [plan.first, plan.fallback];
    return transports.map((tls) => ({ host, port, tls }));
  });
}

/** SQLSTATEs after which pgx tries no further host: 28P01 (password), 3D000 (database), 42501 (privilege). */
export function stopsFurtherAttempts(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '28P01' || code === '3D000' || code === '42501';
}

export function describeAttempt(attempt: ConnectAttempt): string {
  const where = isPgSocket(attempt.host)
    ? pgSocketPath(attempt.host, attempt.port)
    : `${attempt.host.includes(':') ? `[${attempt.host}]` : attempt.host}:${attempt.port}`;
  return `${where} ${attempt.tls === false ? 'without TLS' : 'with TLS'}`;
}
