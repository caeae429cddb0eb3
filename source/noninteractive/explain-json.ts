// The `dsn explain --json` object: the issue-2 fields, then `effective` (the connection as the
// service would use it) and `sources` (where each effective value comes from). Never contains
// the password.
import type { ParsedDsn, PoolSettings } from '../dsn/types.js';
import { isPgSocket, pgSocketPath } from '../dsn/pg-socket.js';
import { effectiveConnection, effectiveSources, type ExplainEffective } from './explain-effective.js';

export interface ExplainJson {
  backend: ParsedDsn['backend'];
  dsn: string;
  host: string | null;
  port: number | null;
  socket: string | null;
  path: string | null;
  database: string | null;
  user: string | null;
  pool: PoolSettings;
  params: Record<string, string>;
  warnings: string[];
  effective: ExplainEffective;
  sources: Record<string, string>;
}

export function explainJson(dsn: ParsedDsn): ExplainJson {
  const target = explainTarget(dsn);
  return {
    backend: dsn.backend,
    dsn: dsn.redacted,
    ...target,
    pool: { ...dsn.pool },
    params: { ...dsn.params },
    warnings: [...dsn.warnings],
    effective: effectiveConnection(dsn),
    sources: effectiveSources(dsn),
  };
}

export type ExplainTarget = Pick<ExplainJson, 'host' | 'port' | 'socket' | 'path' | 'database' | 'user'>;

export function explainTarget(dsn: ParsedDsn): ExplainTarget {
  switch (dsn.backend) {
    case 'postgres':
    case 'cockroach': {
      // A host starting with "/" is the directory of a Unix socket (libpq convention).
      const isSocket = isPgSocket(dsn.host);
      return {
        host: isSocket ? null : dsn.host,
        port: dsn.port,
        socket: isSocket ? pgSocketPath(dsn.host, dsn.port) : null,
        path: null,
        database: dsn.database,
        user: dsn.user,
      };
    }
    case 'mysql':
      return { host: dsn.host, port: dsn.port, socket: dsn.socket, path: null, database: dsn.database, user: dsn.user };
    case 'sqlite':
    case 'memory':
      return { host: null, port: null, socket: null, path: dsn.path, database: null, user: null };
  }
}
