// What every documented parameter means and what applies when it is absent, one table per
// backend; each backend module hands `dsn explain` its own (adapters/NAME/NAME-explain.ts).
// Effective defaults are computed from the parsed DSN (pool sizes follow the CPU count).
import { DEFAULT_BUSY_TIMEOUT_MS, SQLITE_OTHER_PARAMS } from './sqlite-pragmas.js';
import { formatPoolLimit } from './pool-text.js';
import { MYSQL_DEFAULTS } from './mysql-params.js';
import { CONNECTION_OPTIONS, PGX_CONSUMED_OPTIONS, UNAPPLIED_OPTIONS } from './postgres-params.js';
import type { ParsedDsn } from './types.js';

export interface ParamDoc {
  name: string;
  aliases?: readonly string[];
  meaning: string;
  /** What applies when the parameter is absent */
  defaultText: (dsn: ParsedDsn) => string;
  /** SQLite: the PRAGMA this parameter sets (an explicit _pragma= may set it instead) */
  pragma?: string;
}

const fixed = (text: string) => () => text;

export const POOL_PARAM_DOCS: readonly ParamDoc[] = [
  {
    name: 'max_conns',
    meaning: 'maximum open connections in the pool (0 or less: unlimited)',
    defaultText: (dsn) => `${formatPoolLimit(dsn.pool.maxConns)} (CPU cores × 2)`,
  },
  {
    name: 'max_idle_conns',
    meaning: "maximum idle connections kept in the pool (0: database/sql's default 2; negative: none)",
    defaultText: (dsn) => `${dsn.pool.maxIdleConns} (CPU cores)`,
  },
  {
    name: 'max_conn_lifetime',
    meaning: 'longest time a connection is reused (Go duration: 30s, 5m, 1h)',
    defaultText: fixed('0 (unlimited)'),
  },
  { name: 'max_conn_idle_time', meaning: 'longest time a connection may sit idle (Go duration)', defaultText: fixed('0 (unlimited)') },
];

export const POSTGRES_PARAM_DOCS: readonly ParamDoc[] = [
  {
    name: 'sslmode',
    meaning:
      'TLS: disable, allow (plaintext, then TLS), prefer (TLS, then plaintext), require (no verification), verify-ca (chain), verify-full (chain and host name)',
    defaultText: fixed("prefer (the service's driver default; Ory's documentation says require)"),
  },
  {
    name: 'target_session_attrs',
    meaning: 'which of several hosts to use: any, read-write, read-only, primary, standby, prefer-standby',
    defaultText: fixed('any'),
  },
  {
    name: 'sslrootcert',
    meaning:
      'PEM file of the CA that signs the server certificate (with require: verify the chain); system = the trusted roots, which implies verify-full',
    defaultText: fixed('~/.postgresql/root.crt when it exists, else none'),
  },
  { name: 'sslcert', meaning: 'PEM file of the client certificate', defaultText: fixed('none') },
  { name: 'sslkey', meaning: "PEM file of the client certificate's key", defaultText: fixed('none') },
  { name: 'connect_timeout', meaning: 'maximum wait for a connection, in seconds', defaultText: fixed('0 (wait indefinitely)') },
  {
    name: 'application_name',
    meaning: 'application name the server shows for this session',
    defaultText: fixed('the fallback_application_name, else none'),
  },
  { name: 'fallback_application_name', meaning: 'application name used when application_name is not given', defaultText: fixed('none') },
  { name: 'search_path', meaning: 'schemas searched for unqualified names', defaultText: fixed('the server\'s ("$user", public)') },
  { name: 'options', meaning: 'command-line options sent at connection start (e.g. -c geqo=off)', defaultText: fixed('none') },
  {
    name: 'passfile',
    meaning: 'password file read when no password is given (host:port:database:user:password lines)',
    defaultText: fixed('~/.pgpass'),
  },
  { name: 'service', meaning: "section of the service file whose settings apply under the DSN's", defaultText: fixed('none (PGSERVICE)') },
];

const bool = (meaning: string, fallback: boolean) => ({ meaning, defaultText: fixed(String(fallback)) });

export const MYSQL_PARAM_DOCS: readonly ParamDoc[] = [
  {
    name: 'collation',
    meaning: 'connection collation (an unknown collation fails the connection)',
    defaultText: fixed(MYSQL_DEFAULTS.collation),
  },
  {
    name: 'charset',
    meaning: 'character set sent with SET NAMES (under Ory a comma list fails: the comma is re-encoded)',
    defaultText: fixed('none (the collation decides)'),
  },
  {
    name: 'loc',
    meaning: "time zone for DATE/DATETIME values (does not change the server's time_zone)",
    defaultText: fixed(MYSQL_DEFAULTS.loc),
  },
  {
    name: 'maxAllowedPacket',
    meaning: 'largest packet in bytes; 0 or less = read max_allowed_packet from the server',
    defaultText: fixed(`${MYSQL_DEFAULTS.maxAllowedPacket} (64 MiB, go-sql-driver/mysql v1.9; the seed\'s 4 MiB is the old driver\'s)`),
  },
  { name: 'timeout', meaning: 'dial timeout (Go duration)', defaultText: fixed("0 (the system's)") },
  { name: 'readTimeout', meaning: 'I/O read timeout (Go duration)', defaultText: fixed('0 (none)') },
  { name: 'writeTimeout', meaning: 'I/O write timeout (Go duration)', defaultText: fixed('0 (none)') },
  {
    name: 'tls',
    meaning: 'TLS: true (verify), skip-verify, preferred (TLS if offered, no verification), false',
    defaultText: fixed('false'),
  },
  { name: 'parseTime', meaning: 'DATE/DATETIME as time values (Ory forces true)', defaultText: fixed('true (forced by Ory)') },
  { name: 'multiStatements', meaning: 'several statements in one query (Ory forces true)', defaultText: fixed('true (forced by Ory)') },
  {
    name: 'clientFoundRows',
    meaning: 'UPDATE reports matched rather than changed rows (Ory forces true)',
    defaultText: fixed('true (forced by Ory)'),
  },
  { name: 'interpolateParams', ...bool('placeholders interpolated client-side', false) },
  { name: 'allowNativePasswords', ...bool('allow the mysql_native_password method', true) },
  { name: 'allowCleartextPasswords', ...bool('allow the cleartext password method', false) },
  { name: 'allowOldPasswords', ...bool('allow the insecure old password method', false) },
  { name: 'allowFallbackToPlaintext', ...bool('fall back to plaintext when the server refuses TLS', false) },
  { name: 'allowAllFiles', ...bool('allow LOAD DATA LOCAL INFILE of any file', false) },
  { name: 'checkConnLiveness', ...bool('check a pooled connection before use', true) },
  { name: 'columnsWithAlias', ...bool('prefix column names with their table alias', false) },
  { name: 'compress', ...bool('compress the protocol', false) },
  { name: 'rejectReadOnly', ...bool('drop connections to a read-only server', false) },
  { name: 'serverPubKey', meaning: 'registered server public key for sha256 passwords', defaultText: fixed('none') },
  { name: 'timeTruncate', meaning: 'truncate time values to this precision (Go duration)', defaultText: fixed('0 (no truncation)') },
  { name: 'connectionAttributes', meaning: 'connection attributes sent to the server (key:value,…)', defaultText: fixed('none') },
];

const pragma = (name: string, alias: string | undefined, meaning: string, fallback: string): ParamDoc => ({
  name,
  ...(/^PRAGMA \w+/.test(meaning) ? { pragma: meaning.split(/[ :]/)[1]! } : {}),
  ...(alias ? { aliases: [alias] } : {}),
  meaning,
  defaultText: fixed(fallback),
});

export const SQLITE_PARAM_DOCS: readonly ParamDoc[] = [
  pragma(
    '_foreign_keys',
    '_fk',
    'PRAGMA foreign_keys: enforce foreign keys',
    'on (the service adds _fk=true and logs a warning asking for it)',
  ),
  pragma('_journal_mode', '_journal', 'PRAGMA journal_mode: DELETE, TRUNCATE, PERSIST, MEMORY, WAL, OFF', "DELETE (SQLite's)"),
  pragma('_busy_timeout', '_timeout', 'PRAGMA busy_timeout: milliseconds to wait for a lock', String(DEFAULT_BUSY_TIMEOUT_MS)),
  pragma('_synchronous', '_sync', 'PRAGMA synchronous: OFF, NORMAL, FULL, EXTRA', 'NORMAL (mattn/go-sqlite3 sets it)'),
  pragma('_auto_vacuum', '_vacuum', 'PRAGMA auto_vacuum: none, full, incremental', "NONE (SQLite's)"),
  pragma('_case_sensitive_like', '_cslike', 'PRAGMA case_sensitive_like', 'off'),
  pragma('_defer_foreign_keys', '_defer_fk', 'PRAGMA defer_foreign_keys: check foreign keys at commit', 'off'),
  pragma('_recursive_triggers', '_rt', 'PRAGMA recursive_triggers', 'off'),
  pragma('_ignore_check_constraints', undefined, 'PRAGMA ignore_check_constraints', 'off'),
  pragma('_query_only', undefined, 'PRAGMA query_only: refuse writes', 'off'),
  pragma('_writable_schema', undefined, 'PRAGMA writable_schema', 'off'),
  pragma('_secure_delete', undefined, 'PRAGMA secure_delete: overwrite deleted content (bool or FAST)', "off (SQLite's build default)"),
  pragma('_cache_size', undefined, 'PRAGMA cache_size: pages, or KiB when negative', "-2000 (SQLite's)"),
  pragma('_locking_mode', '_locking', 'PRAGMA locking_mode: NORMAL, EXCLUSIVE', 'NORMAL'),
  pragma('_pragma', undefined, "PRAGMA name(value) for newer Ory (pop with modernc.org/sqlite); ignored by the release's driver", 'none'),
  pragma('_txlock', undefined, 'BEGIN flavour for transactions: deferred, immediate, exclusive', 'deferred'),
  pragma('mode', undefined, 'SQLite URI open mode (file: paths): ro, rw, rwc, memory', 'rwc'),
  pragma('cache', undefined, 'SQLite URI cache (file: paths): shared, private', 'private'),
  pragma('immutable', undefined, 'SQLite URI: the file cannot change (file: paths)', 'false'),
];

/** What PostgreSQL (pgx) does with a parameter no table lists. */
export function postgresMeaningOfUnlisted(name: string): string {
  if (UNAPPLIED_OPTIONS.has(name)) return "connection option of the service's driver (pgx); not applied by dsnsh";
  if (PGX_CONSUMED_OPTIONS.has(name)) return "option of the service's driver (pgx) itself; not sent to the server";
  return CONNECTION_OPTIONS.has(name) ? 'connection option (overrides the URL part)' : 'server setting sent at connection start';
}

/** What the Go SQLite drivers do with a parameter no table lists. */
export function sqliteMeaningOfUnlisted(name: string): string {
  if (name === '_loc' || name === '_mutex' || name === 'vfs') return 'checked as the Go SQLite driver checks it';
  return SQLITE_OTHER_PARAMS.has(name)
    ? 'understood by the Go SQLite driver; not applied by dsnsh'
    : 'ignored (unknown to the SQLite drivers)';
}
