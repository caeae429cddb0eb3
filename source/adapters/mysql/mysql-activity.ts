// Server sessions and InnoDB lock waits on MySQL and MariaDB: information_schema.PROCESSLIST with
// INNODB_TRX for open transactions; the program_name (else _client_name) connection attribute as
// the application when performance_schema keeps them (MariaDB has it off by default). Lock waits:
// information_schema.INNODB_LOCK_WAITS (MariaDB, MySQL 5.7), else performance_schema.data_lock_waits
// (MySQL 8).
import type { ConnectionLimits, RunOptions, ServerActivity, ServerSession, StatementResult, Value } from '../adapter.js';
import { lockWaitsFrom, numberOrNull } from '../activity-rows.js';

type Run = (sql: string, options?: RunOptions) => Promise<StatementResult>;

const SYSTEM = `p.COMMAND NOT IN ('Daemon', 'Binlog Dump', 'Binlog Dump GTID') AND p.USER NOT IN ('system user', 'event_scheduler')`;
const ELAPSED = (column: string) => `FLOOR(TIMESTAMPDIFF(MICROSECOND, ${column}, NOW(6)) / 1000)`;

export const MYSQL_SESSIONS_SQL = `SELECT p.ID, p.USER, p.HOST, p.COMMAND, p.TIME, LEFT(p.INFO, 300), p.ID = CONNECTION_ID(), ${ELAPSED('t.trx_started')}, t.trx_query
  FROM information_schema.PROCESSLIST p LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID
  WHERE ${SYSTEM} ORDER BY p.ID`;
// Without the PROCESS privilege INNODB_TRX is refused: the sessions without their transactions.
export const MYSQL_SESSIONS_PLAIN_SQL = `SELECT p.ID, p.USER, p.HOST, p.COMMAND, p.TIME, LEFT(p.INFO, 300), p.ID = CONNECTION_ID(), NULL, NULL
  FROM information_schema.PROCESSLIST p WHERE ${SYSTEM} ORDER BY p.ID`;
export const MYSQL_PROGRAM_NAMES_SQL = `SELECT PROCESSLIST_ID, ATTR_NAME, ATTR_VALUE FROM performance_schema.session_connect_attrs WHERE ATTR_NAME IN ('program_name', '_client_name')`;
export const MYSQL_LIMITS_SQL = 'SELECT @@max_connections';
export const INNODB_LOCK_WAITS_SQL = `SELECT r.trx_mysql_thread_id, ${ELAPSED('r.trx_wait_started')}, b.trx_mysql_thread_id
  FROM information_schema.INNODB_LOCK_WAITS w
  JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id
  JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id ORDER BY 2 DESC`;
export const DATA_LOCK_WAITS_SQL = `SELECT r.trx_mysql_thread_id, ${ELAPSED('r.trx_wait_started')}, b.trx_mysql_thread_id
  FROM performance_schema.data_lock_waits w
  JOIN information_schema.INNODB_TRX r ON r.trx_id = w.REQUESTING_ENGINE_TRANSACTION_ID
  JOIN information_schema.INNODB_TRX b ON b.trx_id = w.BLOCKING_ENGINE_TRANSACTION_ID ORDER BY 2 DESC`;

function withoutPort(host: string): string {
  if (host === 'localhost' || host === '') return host === 'localhost' ? 'local' : '';
  const bracket = /^\[(.*)\](?::\d+)?$/.exec(host);
  if (bracket) return bracket[1]!;
  return host.includes(':') && host.split(':').length === 2 ? host.slice(0, host.lastIndexOf(':')) : host;
}

function sessionFrom(row: Value[], programs: Map<string, string>): ServerSession {
  const id = String(row[0]);
  const command = String(row[3] ?? '');
  const inTransaction = row[7] !== null && row[7] !== undefined;
  const state: ServerSession['state'] =
    command === 'Sleep'
      ? inTransaction
        ? 'idle in transaction'
        : 'idle'
      : command === 'Query' || command === 'Execute'
        ? 'active'
        : 'other';
  const seconds = numberOrNull(row[4]);
  const info = row[5] === null || row[5] === undefined ? null : String(row[5]);
  return {
    id,
    application: programs.get(id) ?? '',
    user: String(row[1] ?? ''),
    client: withoutPort(String(row[2] ?? '')),
    state,
    stateMs: seconds === null ? null : seconds * 1000,
    transactionMs: numberOrNull(row[7]),
    query: info ?? (row[8] === null || row[8] === undefined ? null : String(row[8])),
    self: row[6] === 1 || row[6] === '1' || row[6] === true,
  };
}

async function programNames(run: Run, options?: RunOptions): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const rows = (await run(MYSQL_PROGRAM_NAMES_SQL, options)).rows;
    for (const wanted of ['_client_name', 'program_name']) {
      for (const row of rows) if (row[1] === wanted) names.set(String(row[0]), String(row[2] ?? ''));
    }
  } catch {
    // performance_schema absent or not readable: no application names.
  }
  return names;
}

export function mysqlActivity(run: Run): ServerActivity {
  const sessions = async (options?: RunOptions) => {
    let result: StatementResult;
    try {
      result = await run(MYSQL_SESSIONS_SQL, options);
    } catch {
      result = await run(MYSQL_SESSIONS_PLAIN_SQL, options);
    }
    const programs = await programNames(run, options);
    const max = numberOrNull((await run(MYSQL_LIMITS_SQL, options)).rows[0]?.[0]);
    const limits: ConnectionLimits = {
      maxConnections: max,
      reserved: 0,
      reservedDetail: 'none within max_connections (one more connection is kept for a SUPER / CONNECTION_ADMIN user)',
    };
    return { sessions: result.rows.map((row) => sessionFrom(row, programs)), limits };
  };
  return {
    sessions,
    async lockWaits(options) {
      let waits: StatementResult;
      try {
        waits = await run(INNODB_LOCK_WAITS_SQL, options);
      } catch {
        waits = await run(DATA_LOCK_WAITS_SQL, options);
      }
      if (waits.rows.length === 0) return [];
      return lockWaitsFrom(waits.rows, (await sessions(options)).sessions);
    },
  };
}
