// The connection a DSN yields as the service would use it (`dsn explain --json`'s `effective`),
// and where each value comes from (`sources`), so a script can compare with the service without
// parsing text. Shared by the JSON and the text explanation; what differs between backends comes
// from each backend's descriptor `explain` (adapters/NAME/NAME-explain.ts).
import type { ExplainEffective } from '../adapters/backend-explain.js';
import { descriptorFor } from '../adapters/backend-descriptors.js';
import type { ParsedDsn } from '../dsn/types.js';

export type { EffectiveHost, ExplainEffective, TlsEncrypt, TlsVerify } from '../adapters/backend-explain.js';

export function effectiveConnection(dsn: ParsedDsn): ExplainEffective {
  const { explain } = descriptorFor(dsn);
  const base: ExplainEffective = {
    hosts: [],
    port: null,
    database: null,
    user: null,
    passwordFrom: null,
    sslmode: null,
    tls: null,
    targetSessionAttrs: null,
    foreignKeys: null,
    sessionSql: explain.sessionStatements(dsn),
    startupParameters: {},
    pool: { ...dsn.pool },
  };
  return { ...base, ...explain.effective(dsn) };
}

/** Every effective key's source: the DSN's own record plus the pool keys, then the backend's own. */
export function effectiveSources(dsn: ParsedDsn): Record<string, string> {
  const sources: Record<string, string> = { ...dsn.sources };
  const given = dsn.poolParams ?? {};
  sources.max_conns = given.max_conns !== undefined ? 'dsn' : 'default (Ory: CPU cores × 2)';
  sources.max_idle_conns = given.max_idle_conns !== undefined ? 'dsn' : 'default (Ory: CPU cores)';
  sources.max_conn_lifetime = given.max_conn_lifetime !== undefined ? 'dsn' : 'default (unlimited)';
  sources.max_conn_idle_time = given.max_conn_idle_time !== undefined ? 'dsn' : 'default (unlimited)';
  descriptorFor(dsn).explain.addSources(dsn, sources);
  return sources;
}
