// Server sessions and lock waits on PostgreSQL (pg_stat_activity, pg_blocking_pids) and on
// CockroachDB (crdb_internal's cluster tables). Run through the adapter's own `run`.
import type { PostgresDsn } from '../../dsn/types.js';
import { AdapterError } from '../adapter-error.js';
import type { ConnectionLimits, LockWait, RunOptions, ServerActivity, ServerSession, StatementResult, Value } from '../adapter.js';
import { lockWaitsFrom, numberOrNull } from '../activity-rows.js';

type Run = (sql: string, options?: RunOptions) => Promise<StatementResult>;

const ms = (column: string) => `(extract(epoch FROM clock_timestamp() - ${column}) * 1000)::bigint`;
const client = (a: string) =>
  `CASE WHEN ${a}.client_addr IS NOT NULL THEN host(${a}.client_addr) WHEN ${a}.client_port = -1 THEN 'local' ELSE '' END`;
const sessionColumns = (a: string) => `${a}.pid::text, coalesce(${a}.application_name, ''), coalesce(${a}.usename, ''), ${client(a)},
  coalesce(${a}.state, ''), ${ms(`${a}.state_change`)}, ${ms(`${a}.xact_start`)}, left(${a}.query, 300), ${a}.pid = pg_backend_pid()`;

export const PG_SESSIONS_SQL = `SELECT ${sessionColumns('a')} FROM pg_stat_activity a WHERE a.backend_type = 'client backend' ORDER BY a.backend_start`;
// reserved_connections exists from PostgreSQL 16 on (missing_ok: NULL before).
export const PG_LIMITS_SQL = `SELECT current_setting('max_connections'), current_setting('superuser_reserved_connections'), current_setting('reserved_connections', true)`;
export const PG_LOCK_WAITS_SQL = `SELECT ${sessionColumns('w')}, ${ms('w.query_start')}, ${sessionColumns('b')}
  FROM pg_stat_activity w CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS blocker(pid)
  JOIN pg_stat_activity b ON b.pid = blocker.pid
  ORDER BY 10 DESC`;

// CockroachDB: sessions of the whole cluster; a session is in a transaction when kv_txn is set.
export const CRDB_SESSIONS_SQL = `SELECT s.session_id, s.application_name, s.user_name, split_part(s.client_address, ':', 1),
  CASE WHEN s.active_queries <> '' THEN 'active' WHEN s.kv_txn IS NOT NULL THEN 'idle in transaction' ELSE 'idle' END,
  NULL, (SELECT (extract(epoch FROM now() - t.start) * 1000)::INT8 FROM crdb_internal.cluster_transactions t WHERE t.id = s.kv_txn),
  CASE WHEN s.active_queries <> '' THEN s.active_queries ELSE s.last_active_query END, s.session_id = (SELECT session_id FROM [SHOW session_id])
  FROM crdb_internal.cluster_sessions s ORDER BY s.session_start`;
export const CRDB_LIMITS_SQL = `SHOW CLUSTER SETTING server.max_connections_per_gateway`;
// Lock waiters (granted = false) and holders of the same key, with the holders' transactions.
export const CRDB_LOCK_WAITS_SQL = `SELECT wt.session_id, (extract(epoch FROM now() - w.ts::TIMESTAMPTZ) * 1000)::INT8, ht.session_id
  FROM crdb_internal.cluster_locks w JOIN crdb_internal.cluster_locks h ON h.range_id = w.range_id AND h.lock_key = w.lock_key AND h.granted
  JOIN crdb_internal.cluster_transactions wt ON wt.id = w.txn_id JOIN crdb_internal.cluster_transactions ht ON ht.id = h.txn_id
  WHERE NOT w.granted`;

const STATES = new Set(['active', 'idle', 'idle in transaction', 'idle in transaction (aborted)']);

export function sessionFrom(row: Value[], at = 0): ServerSession {
  const text = (i: number) => (row[at + i] === null || row[at + i] === undefined ? '' : String(row[at + i]));
  const state = text(4);
  return {
    id: text(0),
    application: text(1),
    user: text(2),
    client: text(3),
    state: STATES.has(state) ? (state as ServerSession['state']) : 'other',
    stateMs: numberOrNull(row[at + 5]),
    transactionMs: numberOrNull(row[at + 6]),
    query: row[at + 7] === null || row[at + 7] === undefined ? null : text(7),
    self: row[at + 8] === true || row[at + 8] === 't',
  };
}

export function postgresActivity(dsn: PostgresDsn, run: Run): ServerActivity {
  if (dsn.backend === 'cockroach') return cockroachActivity(run);
  return {
    async sessions(options) {
      // One after the other: in parallel they would take a second connection and count it.
      const sessions = await run(PG_SESSIONS_SQL, options);
      const limits = await run(PG_LIMITS_SQL, options);
      const [max, superuser, reserved] = limits.rows[0] ?? [];
      const superuserSlots = numberOrNull(superuser) ?? 0;
      const reservedSlots = numberOrNull(reserved);
      const detail =
        reservedSlots === null
          ? `superuser_reserved_connections ${superuserSlots}`
          : `superuser_reserved_connections ${superuserSlots} + reserved_connections ${reservedSlots}`;
      const connectionLimits: ConnectionLimits = {
        maxConnections: numberOrNull(max),
        reserved: superuserSlots + (reservedSlots ?? 0),
        reservedDetail: detail,
      };
      return { sessions: sessions.rows.map((row) => sessionFrom(row)), limits: connectionLimits };
    },
    async lockWaits(options) {
      const result = await run(PG_LOCK_WAITS_SQL, options);
      return result.rows.map((row): LockWait => ({
        waiting: { ...sessionFrom(row), waitMs: numberOrNull(row[9]) },
        blocking: sessionFrom(row, 10),
      }));
    },
  };
}

/** crdb_internal exists only on CockroachDB: a cockroach:// DSN at PostgreSQL fails here, said plainly. */
function crdbRun(run: Run): Run {
  return async (sql, options) => {
    try {
      return await run(sql, options);
    } catch (error) {
      if (!(error instanceof AdapterError) || error.kind === 'connect' || error.kind === 'cancelled') throw error;
      throw new AdapterError('other', 'cockroach', `reading CockroachDB's crdb_internal tables failed: ${error.message}`, {
        code: error.code,
        cause: error,
        hint: "crdb_internal is CockroachDB's; `dsnsh doctor` checks that the server really is CockroachDB (a PostgreSQL server needs a postgres:// DSN)",
      });
    }
  };
}

function cockroachActivity(plainRun: Run): ServerActivity {
  const run = crdbRun(plainRun);
  const sessions = async (options?: RunOptions) => {
    const result = await run(CRDB_SESSIONS_SQL, options);
    let maxConnections: number | null = null;
    try {
      const max = numberOrNull((await run(CRDB_LIMITS_SQL, options)).rows[0]?.[0]);
      maxConnections = max !== null && max >= 0 ? max : null;
    } catch {
      // Reading cluster settings needs VIEWCLUSTERSETTING: the limit stays unknown.
    }
    return {
      sessions: result.rows.map((row) => sessionFrom(row)),
      limits: { maxConnections, reserved: 0, reservedDetail: 'server.max_connections_per_gateway (per node; -1 = unlimited)' },
    };
  };
  return {
    sessions,
    async lockWaits(options) {
      const waits = await run(CRDB_LOCK_WAITS_SQL, options);
      return lockWaitsFrom(waits.rows, (await sessions(options)).sessions);
    },
  };
}
