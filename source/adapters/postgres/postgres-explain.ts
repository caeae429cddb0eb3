// How `dsn explain` describes a postgres:// or cockroach:// DSN: hosts tried in order, pgx's TLS
// behaviour for each sslmode, the startup parameters, the target_session_attrs check on connect.
import { POSTGRES_PARAM_DOCS, postgresMeaningOfUnlisted } from '../../dsn/param-docs.js';
import { isPgSocket, pgSocketPath } from '../../dsn/pg-socket.js';
import { DEFAULT_APPLICATION_NAME } from '../../dsn/postgres-params.js';
import { targetSessionCheck } from '../../dsn/session-statements.js';
import type { PostgresDsn } from '../../dsn/types.js';
import type { EffectiveHost, ExplainEffective, ExplainKnowledge } from '../backend-explain.js';
import { serverTargetText } from '../server-target-text.js';

export const postgresExplain: ExplainKnowledge<PostgresDsn> = {
  titles: { postgres: 'postgres (PostgreSQL)', cockroach: 'cockroach (CockroachDB, PostgreSQL protocol)' },
  paramDocs: () => POSTGRES_PARAM_DOCS,
  meaningOfUnlisted: postgresMeaningOfUnlisted,
  valueInEffect: (_name, value) => value,
  target(dsn) {
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
  },
  targetText(dsn, target) {
    const password =
      dsn.passwordFrom === null
        ? null
        : dsn.passwordFrom === 'dsn'
          ? 'password given (hidden)'
          : `password from ${dsn.passwordFrom} (hidden)`;
    return serverTargetText(target, password);
  },
  effective(dsn) {
    return {
      hosts: dsn.hosts.map(({ host, port }) => pgHost(host, port)),
      port: dsn.port,
      database: dsn.database,
      user: dsn.user,
      passwordFrom: dsn.passwordFrom,
      sslmode: dsn.ssl.mode,
      tls: dsn.hosts.every(({ host }) => isPgSocket(host)) ? { encrypt: 'never', verify: 'none' } : pgTls(dsn),
      targetSessionAttrs: dsn.targetSessionAttrs,
      startupParameters: pgStartupParameters(dsn),
    };
  },
  addSources: () => {},
  sessionStatements(dsn) {
    // Its settings travel in the startup packet, not as SQL: only pgx's check of the server.
    const check = targetSessionCheck(dsn);
    return check === null ? [] : [check];
  },
  onConnectNotes: [],
};

function pgHost(host: string, port: number): EffectiveHost {
  return isPgSocket(host) ? { host: null, port, socket: pgSocketPath(host, port) } : { host, port, socket: null };
}

/** pgx configTLS: allow and prefer never verify; require verifies the chain only with sslrootcert. */
function pgTls(dsn: PostgresDsn): ExplainEffective['tls'] {
  const { mode, rootCert } = dsn.ssl;
  switch (mode) {
    case 'disable':
      return { encrypt: 'never', verify: 'none' };
    case 'allow':
      return { encrypt: 'if-required', verify: 'none' };
    case 'prefer':
      return { encrypt: 'if-offered', verify: 'none' };
    case 'require':
      return { encrypt: 'always', verify: rootCert !== null ? 'chain' : 'none' };
    case 'verify-ca':
      return { encrypt: 'always', verify: 'chain' };
    case 'verify-full':
      return { encrypt: 'always', verify: 'chain-and-host-name' };
  }
}

function pgStartupParameters(dsn: PostgresDsn): Record<string, string> {
  const parameters: Record<string, string> = {};
  parameters.application_name = dsn.applicationName ?? dsn.fallbackApplicationName ?? DEFAULT_APPLICATION_NAME;
  if (dsn.searchPath !== null) parameters.search_path = dsn.searchPath;
  if (dsn.startupOptions) parameters.options = dsn.startupOptions;
  return { ...parameters, ...dsn.serverSettings };
}
