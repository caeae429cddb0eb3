// PostgreSQL URL parameters that pgx (the driver behind Ory's services) consumes itself instead of
// sending them to the server as settings.

/** Connection options pgx consumes itself; they are never sent to the server as settings. */
export const CONNECTION_OPTIONS = new Set([
  'host', 'port', 'database', 'dbname', 'user', 'password', 'passfile', 'connect_timeout',
  'sslmode', 'sslkey', 'sslcert', 'sslrootcert', 'sslpassword', 'sslsni', 'sslnegotiation',
  'krbspn', 'krbsrvname', 'target_session_attrs', 'service', 'servicefile',
  'statement_cache_capacity', 'description_cache_capacity', 'default_query_exec_mode',
  'application_name', 'fallback_application_name', 'search_path', 'options',
]);

/** Options pgx understands that dsnsh does not apply (yet); shown as a warning. */
export const UNAPPLIED_OPTIONS = new Set([
  'passfile', 'sslpassword', 'sslsni', 'sslnegotiation', 'krbspn', 'krbsrvname', 'target_session_attrs',
  'service', 'servicefile', 'statement_cache_capacity', 'description_cache_capacity', 'default_query_exec_mode',
]);
