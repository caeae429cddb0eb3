// The parsed, typed description of an Ory-style DSN. Adapters turn these into driver
// options without re-reading strings; `dsn explain` prints them.

export type Backend = 'memory' | 'sqlite' | 'postgres' | 'cockroach' | 'mysql';

/** Pool settings in force after Ory's defaulting (invalid values fall back with a warning). */
export interface PoolSettings {
  /** 0 = unlimited (database/sql: max_conns=0 or negative) */
  maxConns: number;
  /** 0 = no idle connection is kept */
  maxIdleConns: number;
  /** 0 = unlimited */
  maxConnLifetimeMs: number;
  /** 0 = unlimited */
  maxConnIdleTimeMs: number;
}

interface DsnCommon {
  /** The DSN with the password replaced by `***`. Safe to print. */
  redacted: string;
  pool: PoolSettings;
  /** Every parameter other than the four pool keys, percent-decoded, in DSN order. */
  params: Record<string, string>;
  /** Human-readable warnings (missing _fk, ignored pool values, overridden params, ...). */
  warnings: string[];
  /** The pool keys as given in the DSN (decoded), before defaulting; absent keys are left out. */
  poolParams?: Record<string, string>;
  /**
   * Where each effective value comes from: `dsn`, `default`, `environment PGHOST`,
   * `passfile /path`, `service file /path [name]`, `service (…)` for what Ory or pop add.
   */
  sources: Record<string, string>;
}

export type PgSslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export type PgTargetSessionAttrs = 'any' | 'read-write' | 'read-only' | 'primary' | 'standby' | 'prefer-standby';

/** One host of a PostgreSQL DSN; a host starting with "/" is a Unix socket directory. */
export interface PgHost {
  host: string;
  port: number;
}

export interface PostgresDsn extends DsnCommon {
  backend: 'postgres' | 'cockroach';
  /** The first of `hosts` */
  host: string;
  port: number;
  /** Every host in the order pgx tries them (`h1,h2:5433`, `?host=a,b`) */
  hosts: PgHost[];
  /** Which server of `hosts` is acceptable (pgx: checked on every new connection) */
  targetSessionAttrs: PgTargetSessionAttrs;
  /** null = the driver's default (the user name) */
  database: string | null;
  user: string | null;
  /** Never print this. */
  password: string | null;
  /** Where the password came from (`dsn`, `environment PGPASSWORD`, `passfile PATH`, ...); null = none */
  passwordFrom: string | null;
  ssl: {
    mode: PgSslMode;
    /** true when no sslmode was given anywhere and pgx's default `prefer` applies */
    modeDefaulted: boolean;
    cert: string | null;
    key: string | null;
    /** a PEM file, or `system` for the platform's trusted roots (which implies verify-full) */
    rootCert: string | null;
  };
  /** 0 = wait indefinitely */
  connectTimeoutMs: number;
  applicationName: string | null;
  fallbackApplicationName: string | null;
  searchPath: string | null;
  /** Every other parameter: a server setting sent at connection start (pgx behaviour). */
  serverSettings: Record<string, string>;
  /** libpq `options` (e.g. `-c geqo=off`), passed through as the startup `options`; null = absent */
  startupOptions?: string | null;
}

export type MysqlTls = 'true' | 'false' | 'skip-verify' | 'preferred';

export interface MysqlDsn extends DsnCommon {
  backend: 'mysql';
  protocol: 'tcp' | 'unix';
  /** tcp only */
  host: string | null;
  port: number | null;
  /** unix only */
  socket: string | null;
  /** null = no default database */
  database: string | null;
  user: string | null;
  /** Never print this. */
  password: string | null;
  /** true when given as URL-style `user@host:port/db` instead of `tcp(host:port)` */
  urlStyle: boolean;
  collation: string;
  /** `charset` list (first available wins); empty = not given */
  charsets: string[];
  /** IANA zone or 'UTC' / 'Local' */
  loc: string;
  /** bytes; 0 = read from the server */
  maxAllowedPacket: number;
  /** 0 = none */
  timeoutMs: number;
  readTimeoutMs: number;
  writeTimeoutMs: number;
  tls: MysqlTls;
  /** Ory forces parseTime, multiStatements and clientFoundRows to true. */
  parseTime: boolean;
  multiStatements: boolean;
  clientFoundRows: boolean;
  /** Other Go driver flags given (interpolateParams, allowNativePasswords, ...), decoded. */
  driverFlags: Record<string, string>;
  /**
   * Unknown parameters: session system variables applied after connect as
   * `SET name = value, ...`, in the order Ory's rewriting leaves them (sorted). Values are SQL
   * text exactly as given (quotes included), each checked to be one value.
   */
  systemVariables: Record<string, string>;
  /** The query string the driver reads after Ory's rewriting (pool keys removed, flags forced). */
  driverQuery: string;
}

export interface SqlitePragma {
  /** PRAGMA name, e.g. foreign_keys */
  name: string;
  /** normalised value, e.g. '1', 'WAL', '5000' */
  value: string;
}

export interface SqliteDsn extends DsnCommon {
  backend: 'sqlite' | 'memory';
  /** File path as the driver should open it; ':memory:' for in-memory databases. */
  path: string;
  inMemory: boolean;
  /** PRAGMAs to run on every new connection, in order, after precedence is resolved. */
  pragmas: SqlitePragma[];
  /** BEGIN flavour for transactions */
  txlock: 'deferred' | 'immediate' | 'exclusive';
  /** SQLite URI parameters (meaningful with file: paths) */
  mode: 'ro' | 'rw' | 'rwc' | 'memory' | null;
  cache: 'shared' | 'private' | null;
  immutable: boolean;
}

export type ParsedDsn = PostgresDsn | MysqlDsn | SqliteDsn;
