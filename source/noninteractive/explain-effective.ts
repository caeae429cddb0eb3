// The connection a DSN yields as the service would use it (`dsn explain --json`'s `effective`),
// and where each value comes from (`sources`), so a script can compare with the service without
// parsing text. Shared by the JSON and the text explanation.
import { isPgSocket, pgSocketPath } from '../dsn/pg-socket.js';
import { DEFAULT_APPLICATION_NAME } from '../dsn/postgres-params.js';
import { sessionStatements } from '../dsn/session-statements.js';
import type { MysqlDsn, ParsedDsn, PoolSettings, PostgresDsn } from '../dsn/types.js';

export type TlsEncrypt = 'always' | 'if-offered' | 'if-required' | 'never';
export type TlsVerify = 'none' | 'chain' | 'chain-and-host-name';

export interface EffectiveHost {
  host: string | null;
  port: number | null;
  /** A Unix socket path (PostgreSQL: DIR/.s.PGSQL.PORT) */
  socket: string | null;
}

export interface ExplainEffective {
  /** Every server, in the order connections try them (one for MySQL; none for SQLite) */
  hosts: EffectiveHost[];
  port: number | null;
  database: string | null;
  user: string | null;
  /** `dsn`, `environment PGPASSWORD`, `passfile /path`, … (never the password); null = none */
  passwordFrom: string | null;
  sslmode: string | null;
  tls: { encrypt: TlsEncrypt; verify: TlsVerify } | null;
  targetSessionAttrs: string | null;
  foreignKeys: boolean | null;
  /** Statements sent on every new connection, in order */
  sessionSql: string[];
  /** PostgreSQL: settings sent in the startup packet */
  startupParameters: Record<string, string>;
  /** maxConns 0 = unlimited; maxIdleConns 0 = none kept; durations 0 = unlimited */
  pool: PoolSettings;
}

export function effectiveConnection(dsn: ParsedDsn): ExplainEffective {
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
    sessionSql: sessionStatements(dsn),
    startupParameters: {},
    pool: { ...dsn.pool },
  };
  switch (dsn.backend) {
    case 'postgres':
    case 'cockroach':
      return {
        ...base,
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
    case 'mysql':
      return {
        ...base,
        hosts: [
          dsn.protocol === 'unix' ? { host: null, port: null, socket: dsn.socket } : { host: dsn.host, port: dsn.port, socket: null },
        ],
        port: dsn.port,
        database: dsn.database,
        user: dsn.user,
        passwordFrom: dsn.password === null || dsn.password === '' ? null : 'dsn',
        tls: mysqlTls(dsn),
      };
    case 'sqlite':
    case 'memory':
      return { ...base, foreignKeys: dsn.pragmas.find((pragma) => pragma.name === 'foreign_keys')?.value === '1' };
  }
}

/** Every effective key's source: the DSN's own record plus the pool keys. */
export function effectiveSources(dsn: ParsedDsn): Record<string, string> {
  const sources: Record<string, string> = { ...dsn.sources };
  const given = dsn.poolParams ?? {};
  sources.max_conns = given.max_conns !== undefined ? 'dsn' : 'default (Ory: CPU cores × 2)';
  sources.max_idle_conns = given.max_idle_conns !== undefined ? 'dsn' : 'default (Ory: CPU cores)';
  sources.max_conn_lifetime = given.max_conn_lifetime !== undefined ? 'dsn' : 'default (unlimited)';
  sources.max_conn_idle_time = given.max_conn_idle_time !== undefined ? 'dsn' : 'default (unlimited)';
  if (dsn.backend === 'mysql') {
    for (const key of Object.keys(dsn.params)) sources[key] ??= 'dsn';
    for (const flag of ['parseTime', 'multiStatements', 'clientFoundRows']) sources[flag] = 'service (Ory forces true)';
    sources.maxAllowedPacket ??= 'default (go-sql-driver/mysql: 64 MiB)';
  }
  if (dsn.backend === 'sqlite') for (const key of Object.keys(dsn.params)) sources[key] ??= 'dsn';
  return sources;
}

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

function mysqlTls(dsn: MysqlDsn): ExplainEffective['tls'] {
  switch (dsn.tls) {
    case 'false':
      return { encrypt: 'never', verify: 'none' };
    case 'true':
      return { encrypt: 'always', verify: 'chain-and-host-name' };
    case 'skip-verify':
      return { encrypt: 'always', verify: 'none' };
    case 'preferred':
      return dsn.protocol === 'unix' ? { encrypt: 'never', verify: 'none' } : { encrypt: 'if-offered', verify: 'none' };
  }
}

function pgStartupParameters(dsn: PostgresDsn): Record<string, string> {
  const parameters: Record<string, string> = {};
  parameters.application_name = dsn.applicationName ?? dsn.fallbackApplicationName ?? DEFAULT_APPLICATION_NAME;
  if (dsn.searchPath !== null) parameters.search_path = dsn.searchPath;
  if (dsn.startupOptions) parameters.options = dsn.startupOptions;
  return { ...parameters, ...dsn.serverSettings };
}
