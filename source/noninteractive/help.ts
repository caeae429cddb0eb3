// --help texts. Kept next to each other so the command surface reads as one page.

const TARGET = `TARGET is a DSN (memory, sqlite:///path.db, postgres://user@host/db, mysql://user@tcp(host:3306)/db,
cockroach://…) or a profile name. First match wins: TARGET, --dsn, --pid, the DSN environment
variable, --config, the default profile, the built-in "memory" profile.
  --pid PID        the DSN a running Ory service uses: DSN in its environment, else the dsn key of
                   its -c/--config files (read through /proc/PID/root); its PG* variables come along
  --config FILE    the dsn key of an Ory config file (.yaml, .yml, .json, .toml; repeatable, the last
                   wins); DSN in the environment beats it, as in Ory's services`;

const EXIT_CODES = `Exit codes: 0 ok, 1 a statement failed or its output could not be written (disk full),
2 usage, DSN or profile error, SQL input that is not UTF-8, 3 cannot connect,
130 interrupted (Ctrl+C cancels the running statement on the server first), 143 / 129 / 131 the
same for SIGTERM / SIGHUP / SIGQUIT.`;

export function sessionHelp(): string {
  return `Usage: dsnsh [TARGET] [options]              console on a terminal; otherwise SQL from stdin
       dsnsh [TARGET] -c SQL [-c SQL]... [-f FILE]...
       dsnsh <command> [args] [--help]

Commands:
  dsn explain DSN [--json]          parse, validate and explain a DSN (password redacted)
  doctor [TARGET] [--json] [--timeout D]  connect and check TLS, version, latency, pool, migrations
  profile add|list|show|rm|rename|default …    saved DSNs (see dsnsh profile --help)
  migrate status|up|down [TARGET]   Ory-style SQL migrations (see dsnsh migrate --help)
  sessions [TARGET] [--replicas N]  who holds the server's connections; the service's connection budget
  locks [TARGET]                    who blocks whom, with the statements and their ages
  ory status [TARGET]               Kratos/Hydra/Keto schema: tables, migration version, cleanup preview

${TARGET}

Options:
  -c, --command SQL       run SQL (repeatable; statements separated by ;)
  -f, --file FILE         run the statements in FILE (repeatable; - reads stdin)
      --dsn DSN           the DSN to use when no TARGET is given
      --format FORMAT     table | csv | tsv | json | ndjson (default: table on a terminal, tsv otherwise)
      --no-header         no header line (table, csv, tsv)
      --null TEXT         how NULL is written (default: NULL in table, empty in csv, \\N in tsv)
      --continue-on-error run the remaining statements after one fails (exit code stays 1);
                          after a lost connection, reconnect (up to 30 s) unless a
                          transaction was open
      --read-only         the session cannot write (set on the server)
      --plain             line-mode console, as TERM=dumb gives: a sql> prompt, results
                          printed as tables, no full screen
  -h, --help              this help
  -V, --version           the version

Without -c or -f, statements are read from stdin when it is not a terminal:
  echo 'select 1' | dsnsh memory
  kubectl exec -i pod -- dsnsh < script.sql      (uses the pod's DSN variable)

Formats: csv follows RFC 4180 quoting with LF line ends (an empty string is "" and NULL is empty);
tsv escapes tab, newline, carriage return and backslash as \\t \\n \\r \\\\; json writes one array of
objects per statement that returns rows; ndjson one object per line. When the whole input is one
PostgreSQL query, csv is written by the server itself (COPY, much faster; values in PostgreSQL's
text forms, e.g. t/f). NO_COLOR and TERM=dumb turn colours off.

${EXIT_CODES}
`;
}

export function doctorHelp(): string {
  return `Usage: dsnsh doctor [TARGET] [--dsn DSN | --pid PID | --config FILE] [--json] [--timeout DURATION]

Parses the DSN (showing the same warnings as dsn explain), connects and reports: TLS in use and
whether the certificate was verified, server version, round-trip latency, the pool settings in force,
foreign keys (SQLite), sql_mode and time zone (MySQL), and the migration table with its latest version.
Usable as a readiness check: exits 0 when the target is usable.

Before connecting it probes the server in its own protocol, whatever the DSN says (no password is
sent): which protocol it speaks, whether it offers TLS, whether its certificate verifies (with the
DSN's sslrootcert or the default CA store) and names the host, whether plaintext is refused
(PostgreSQL: pg_hba.conf hostssl; MySQL: require_secure_transport). A failed connection gets a
cause and a fix: dns, refused, timeout, unreachable, wrong-protocol, too-many-clients, blocked-host,
tls-required, tls-not-offered, tls-unverifiable, tls-host-mismatch, tls-client-certificate,
missing-database, auth. On MySQL/MariaDB it checks the migrations of Kratos, Hydra and Keto that
need more of the server (strict sql_mode on MariaDB, CAST … AS JSON, MySQL 8's CHECK names).
A MySQL probe is one interrupted handshake (it counts toward max_connect_errors until the next
successful connection, which doctor then makes).

${TARGET}

Options:
  --json        machine-readable report
  --dsn DSN     the DSN to use when no TARGET is given
  --timeout D   how long to wait for the server, to connect and then for the checks (a Go duration
                such as 5s, or seconds); default: the DSN's connect_timeout / timeout, else 10 s

${EXIT_CODES}
`;
}

export function profileHelp(): string {
  return `Usage: dsnsh profile <subcommand>

  add NAME DSN [--migrations DIR] [--read-only] [--production] [--note TEXT] [--replicas N] [--replace]
      [--confirm-destructive | --no-confirm-destructive]
                              the console asks before DROP, TRUNCATE, ALTER … DROP and DELETE or
                              UPDATE without WHERE (default: on for --production profiles only);
                              --replicas N: the service's replica count (dsnsh sessions' budget)
  list [--json]               every profile, passwords redacted ("*" marks the default)
  show NAME [--json]          one profile, password redacted
  rm NAME                     remove a profile
  rename OLD NEW              rename a profile
  default [NAME | --clear]    show, set or clear the default profile

Names may contain letters, digits, "_", "." and "-" (prod.eu-1). The built-in "memory" profile
(SQLite in memory, gone when dsnsh exits) always exists and cannot be changed.
A DSN may refer to environment variables as \${NAME}, expanded only when connecting, so no password
needs to be stored: dsnsh profile add prod 'postgres://app:\${APP_DB_PASSWORD}@db:5432/app'
Profiles are kept in $DSNSH_CONFIG_DIR/profiles.json, by default ~/.config/dsnsh/profiles.json
(following XDG_CONFIG_HOME), with mode 0600.
`;
}
