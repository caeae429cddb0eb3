// The MySQL/MariaDB adapter on mysql2. Loaded only by its module (mysql-module.ts), so mysql2 is imported
// only when a mysql:// DSN is used.
import { DsnError } from '../../dsn/errors.js';
import { turnsReadOnlyOff } from '../../dsn/mysql-session-value.js';
import type { MysqlDsn } from '../../dsn/types.js';
import type { Adapter, RowStream, RunOptions, StatementResult, StreamOptions } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import { MYSQL_CAPABILITIES } from './mysql-capabilities.js';
import { closeGracefully, hardClose, type MysqlContext } from './mysql-context.js';
import { openConnection, queryRaw, type OpenedConnection } from './mysql-connect.js';
import { connectionOptions, serverAddress } from './mysql-connection-options.js';
import { checkZone, makeDateTimeFormatter, resolveZone } from './mysql-dates.js';
import { toAdapterError } from './mysql-errors.js';
import { executeQuery, mainResult } from './mysql-execute.js';
import { mysqlActivity } from './mysql-activity.js';
import { mysqlIntrospector } from './mysql-introspector.js';
import { createMysqlPool } from './mysql-pool.js';
import { productOf, readServerFacts } from './mysql-server-facts.js';
import { MysqlSession } from './mysql-session.js';
import { setUpConnection } from './mysql-session-setup.js';
import { openRowStream } from './mysql-stream.js';
import { tlsPlan } from './mysql-tls.js';

function dateFormatterFor(dsn: MysqlDsn) {
  try {
    checkZone(resolveZone(dsn.loc));
  } catch (error) {
    throw new AdapterError('other', 'mysql', `?loc=${dsn.loc} is not a time zone this system knows.`, {
      code: 'bad_loc',
      hint: 'Use an IANA zone name such as UTC, Local or Europe/Paris (escaped: Europe%2FParis).',
      cause: error,
    });
  }
  return makeDateTimeFormatter(dsn.parseTime, dsn.loc);
}

export interface MysqlOpenOptions {
  /** Every connection is read-only before the DSN's session variables are applied */
  readOnly?: boolean;
}

/** Under read-only, a DSN variable that switches the session back to read-write is refused. */
function refuseReadWriteVariables(dsn: MysqlDsn): void {
  const name = Object.keys(dsn.systemVariables).find(turnsReadOnlyOff);
  if (name === undefined) return;
  throw new DsnError(
    'bad_param',
    `The DSN sets ${name}, which would undo read-only on every connection.`,
    `Remove ${name} from the DSN, or drop --read-only.`,
    name,
  );
}

export async function openMysqlAdapter(dsn: MysqlDsn, openOptions: MysqlOpenOptions = {}): Promise<Adapter> {
  const readOnly = openOptions.readOnly === true;
  if (readOnly) refuseReadWriteVariables(dsn);
  const options = connectionOptions(dsn);
  const plan = tlsPlan(dsn.tls, dsn.protocol, dsn.host);
  const errorContext = {
    password: dsn.password,
    address: serverAddress(dsn),
    mayBePlaintext: plan.ssl === undefined || plan.fallBackToPlaintext,
  };
  const connect = async (): Promise<OpenedConnection> => {
    try {
      return await openConnection(options, plan);
    } catch (error) {
      throw toAdapterError(error, errorContext);
    }
  };
  const context: MysqlContext = {
    dsn,
    formatDateTime: dateFormatterFor(dsn),
    maxAllowedPacket: dsn.maxAllowedPacket,
    errorContext,
    hasInTransactionVariable: false,
    tlsVerifies: plan.verifies,
    async killQuery(threadId) {
      const killer = await connect();
      try {
        await queryRaw(killer.raw, `KILL QUERY ${Number(threadId)}`);
      } finally {
        void closeGracefully(killer.raw);
      }
    },
  };
  const pool = createMysqlPool(dsn.pool, async () => {
    const opened = await connect();
    try {
      const serverMax = await setUpConnection(opened.raw, dsn, {
        readOnly,
        readMaxPacket: dsn.maxAllowedPacket === 0 && context.maxAllowedPacket === 0,
      });
      if (serverMax) context.maxAllowedPacket = serverMax;
    } catch (error) {
      hardClose(opened.raw);
      throw toAdapterError(error, errorContext);
    }
    return opened;
  });

  // Check one connection now, so connect/auth/TLS problems surface when the adapter opens.
  try {
    const first = await pool.acquire();
    try {
      const rows = (await queryRaw(first.raw, 'SELECT VERSION()')) as unknown[][];
      context.hasInTransactionVariable = productOf(String(rows[0]?.[0] ?? '')) === 'MariaDB';
    } finally {
      pool.release(first);
    }
  } catch (error) {
    await pool.close();
    throw toAdapterError(error, errorContext);
  }

  const runAll = async (sql: string, runOptions: RunOptions = {}): Promise<StatementResult[]> => {
    const connection = await pool.acquire(runOptions.signal, runOptions.ifConnectionFree === true);
    try {
      return (await executeQuery(connection, context, sql, runOptions)).results;
    } finally {
      pool.release(connection);
    }
  };
  const run = async (sql: string, runOptions: RunOptions = {}): Promise<StatementResult> => {
    const results = await runAll(sql, runOptions);
    return mainResult(results, sql);
  };

  return {
    backend: 'mysql',
    dsn,
    capabilities: MYSQL_CAPABILITIES,
    run,
    runScript: runAll,
    async stream(sql: string, streamOptions: StreamOptions = {}): Promise<RowStream> {
      const connection = await pool.acquire(streamOptions.signal, streamOptions.ifConnectionFree === true);
      // The stream hands the connection back when it ends, fails or is closed.
      return openRowStream(connection, context, sql, streamOptions, (discard) => pool.release(connection, discard));
    },
    async session(sessionOptions = {}) {
      return new MysqlSession(await pool.acquire(sessionOptions.signal), pool, context);
    },
    poolSnapshot: () => pool.snapshot(),
    async serverFacts(factOptions: RunOptions = {}) {
      const connection = await pool.acquire(factOptions.signal, factOptions.ifConnectionFree === true);
      try {
        return await readServerFacts(connection, context);
      } catch (error) {
        throw toAdapterError(error, errorContext);
      } finally {
        pool.release(connection);
      }
    },
    introspect: mysqlIntrospector(run),
    activity: mysqlActivity(run),
    close: () => pool.close(), // idempotent
  };
}
