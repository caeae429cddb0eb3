// PostgreSQL URL parameters that pgx (the driver behind Ory's services) consumes itself instead of
// sending them to the server as settings.

/** pgconn's notRuntimeParams, plus the runtime parameters dsnsh sends in their own fields. */
export const CONNECTION_OPTIONS = new Set([
  'host',
  'port',
  'database',
  'dbname',
  'user',
  'password',
  'passfile',
  'connect_timeout',
  'sslmode',
  'sslkey',
  'sslcert',
  'sslrootcert',
  'sslpassword',
  'sslsni',
  'sslnegotiation',
  'krbspn',
  'krbsrvname',
  'target_session_attrs',
  'service',
  'servicefile',
  'application_name',
  'fallback_application_name',
  'search_path',
  'options',
]);

/** pgx.ParseConfig removes these from the server settings (they configure pgx itself). */
export const PGX_CONSUMED_OPTIONS = new Set(['statement_cache_capacity', 'description_cache_capacity', 'default_query_exec_mode']);

/** Options pgx understands that dsnsh does not apply; shown as a warning. */
export const UNAPPLIED_OPTIONS = new Set([
  'sslpassword',
  'sslsni',
  'sslnegotiation',
  'krbspn',
  'krbsrvname',
  'statement_cache_capacity',
  'description_cache_capacity',
  'default_query_exec_mode',
]);

/** Shown in pg_stat_activity when the DSN names no application (sent as fallback_application_name). */
export const DEFAULT_APPLICATION_NAME = 'dsnsh';
