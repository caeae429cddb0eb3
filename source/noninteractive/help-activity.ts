// --help texts of the commands that read server activity and Ory schemas.

const TARGET_LINE = `TARGET as for every command (a DSN or profile; --dsn, --pid PID, --config FILE; see dsnsh --help).`;

export function sessionsHelp(): string {
  return `Usage: dsnsh sessions [TARGET] [--replicas N] [--json]

Who holds the server's connections: sessions grouped by application name, user and client
address (PostgreSQL pg_stat_activity, MySQL/MariaDB processlist with InnoDB transactions,
CockroachDB crdb_internal.cluster_sessions), with how many are active, idle, and idle in a
transaction (with the oldest transaction's age); the headroom against max_connections minus the
reserved slots (superuser_reserved_connections, reserved_connections on PostgreSQL 16+).
The connection budget of the service: N replicas × the DSN's effective max_conns (Ory's default,
2 × CPU cores, where the DSN sets none) + 1 migration job, against the slots left; a warning when
the service can exhaust the server. The service's own sessions are those of the DSN's user (and
application_name when the DSN sets one).

${TARGET_LINE}

Options:
  --replicas N   replicas of the service (default: the profile's replicas setting, else 1)
  --json         machine-readable report
`;
}

export function locksHelp(): string {
  return `Usage: dsnsh locks [TARGET] [--json]

Who blocks whom: every session waiting for a lock, with how long it has waited and its
statement, and the session holding it: its state, its transaction's age and its statement (on
PostgreSQL the last statement it ran, when it sits idle in a transaction). PostgreSQL:
pg_blocking_pids; MySQL/MariaDB: InnoDB lock waits (information_schema.INNODB_LOCK_WAITS, or
performance_schema.data_lock_waits on MySQL 8); CockroachDB: crdb_internal.cluster_locks.
Exit 0 whether or not anything waits.

${TARGET_LINE}
`;
}

export function oryHelp(): string {
  return `Usage: dsnsh ory status [TARGET] [--json] [--exact] [cleanup options]

Recognises a Kratos, Hydra or Keto schema (several may share a database) and shows its tables
with their rows and size, the applied migration version (schema_migration), and a preview of
what the services' own cleanup would delete, by the criteria of their code: Kratos \`cleanup sql\`
(expired sessions, continuity containers, login/recovery/registration/settings/verification flows
and session token exchangers of the service's network; one batch per table per run) and Hydra
\`janitor --tokens --requests --grants\` (access and refresh tokens past their lifespan, unhandled
or rejected login/consent requests, expired trusted JWT grant issuers). It counts the rows and
prints the batched DELETE statements the service would run; it runs them never (the session is
read-only on the server). Keto has no cleanup of its own.

${TARGET_LINE}

Options:
  --json                           machine-readable report
  --exact                          count every table's rows (default: the server's estimates)
  --keep-last DURATION             keep rows younger than this (Kratos --keep-last, Hydra --keep-if-younger; 0)
  --batch-size N                   rows per DELETE (Kratos -b, Hydra --batch-size; 100)
  --limit N                        Hydra: rows per run (10000)
  --access-lifespan DURATION       Hydra ttl.access_token (1h)
  --refresh-lifespan DURATION      Hydra ttl.refresh_token (720h)
  --consent-request-lifespan D     Hydra ttl.login_consent_request (30m)
`;
}
