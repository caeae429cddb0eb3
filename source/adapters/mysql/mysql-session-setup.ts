// What happens on every new connection after the handshake: read-only first when the target is
// read-only (so nothing the DSN sets can run on a writable session), then as the Go driver does:
// the collation when the handshake could not carry it, SET NAMES for `charset` (first one the
// server accepts wins), every unknown DSN parameter as one `SET k1 = v1, k2 = v2`, and, for
// maxAllowedPacket <= 0, reading the server's limit. The DSN's SET goes as a prepared statement,
// which the server runs as exactly one statement whatever multi-statement mode the connection has.
import type { Connection } from 'mysql2';
import { sessionVariablesStatement } from '../../dsn/mysql-session-value.js';
import { MYSQL_READ_ONLY_STATEMENT, setNamesStatement } from '../../dsn/session-statements.js';
import type { MysqlDsn } from '../../dsn/types.js';
import { AdapterError } from '../adapter-error.js';
import { collationPlan } from './mysql-collation.js';
import { queryRaw } from './mysql-connect.js';
import { toAdapterError } from './mysql-errors.js';

export { sessionVariablesStatement as systemVariablesStatement } from '../../dsn/mysql-session-value.js';

export interface SetupOptions {
  /** The target is read-only: SET SESSION TRANSACTION READ ONLY before anything from the DSN */
  readOnly: boolean;
  /** Read max_allowed_packet from the server (maxAllowedPacket <= 0, first connection) */
  readMaxPacket: boolean;
}

const NAME = /^[A-Za-z0-9_]+$/;

async function applyCharsets(connection: Connection, dsn: MysqlDsn): Promise<void> {
  if (dsn.charsets.length === 0) return;
  const invalid = dsn.charsets.find((charset) => !NAME.test(charset));
  if (invalid !== undefined) {
    const reencoded = invalid.includes('%2C')
      ? ' (Ory\'s DSN rewriting turned the "," of a charset list into %2C; the service fails here too)'
      : '';
    throw new AdapterError('connect', 'mysql', `?charset= names "${invalid}", which is not a character set name${reencoded}.`, {
      code: 'bad_charset',
      hint: 'Give one character set name, letters, digits and _ (charset=utf8mb4).',
    });
  }
  let lastError: unknown;
  for (const charset of dsn.charsets) {
    try {
      await queryRaw(connection, setNamesStatement(dsn, charset));
      return;
    } catch (error) {
      lastError = error;
    }
  }
  const cause = toAdapterError(lastError);
  throw new AdapterError(
    'connect',
    'mysql',
    `None of the character sets in ?charset=${dsn.charsets.join(',')} is accepted by the server: ${cause.message}`,
    {
      code: cause.code,
      hint: 'Name a character set the server has (SHOW CHARACTER SET lists them), e.g. utf8mb4.',
      cause: lastError,
    },
  );
}

/** One statement, prepared: the server refuses a second one inside it ("near DELETE ..."). */
function executeOne(connection: Connection, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    connection.execute({ sql, rowsAsArray: true }, [], (error) => {
      connection.unprepare(sql);
      if (error) reject(error);
      else resolve();
    });
  });
}

async function applySystemVariables(connection: Connection, dsn: MysqlDsn): Promise<void> {
  const statement = sessionVariablesStatement(dsn.systemVariables);
  if (!statement) return;
  try {
    await executeOne(connection, statement);
  } catch (error) {
    const cause = toAdapterError(error);
    const names = Object.keys(dsn.systemVariables).join(', ');
    throw new AdapterError('connect', 'mysql', `Setting the DSN's session variables (${names}) failed: ${cause.message}`, {
      code: cause.code,
      hint: 'Every DSN parameter the driver does not know is sent as a session variable; fix or remove the one the server rejects (string values need quotes, e.g. time_zone=%27%2B00%3A00%27).',
      cause: error,
    });
  }
}

/** Runs the per-connection setup; returns the server's max_allowed_packet when it was read. */
export async function setUpConnection(connection: Connection, dsn: MysqlDsn, options: SetupOptions): Promise<number | null> {
  if (options.readOnly) await queryRaw(connection, MYSQL_READ_ONLY_STATEMENT);
  let serverMax: number | null = null;
  if (options.readMaxPacket) {
    const rows = (await queryRaw(connection, 'SELECT @@max_allowed_packet')) as unknown[][];
    serverMax = Number(rows[0]?.[0] ?? 0) || null;
  }
  const collationStatement = collationPlan(dsn.collation).afterConnect;
  if (collationStatement) {
    try {
      await queryRaw(connection, collationStatement);
    } catch (error) {
      const cause = toAdapterError(error);
      throw new AdapterError('connect', 'mysql', `The server does not accept ?collation=${dsn.collation}: ${cause.message}`, {
        code: cause.code,
        hint: 'Set ?collation= to a collation the server has (SHOW COLLATION lists them), e.g. utf8mb4_general_ci.',
        cause: error,
      });
    }
  }
  await applyCharsets(connection, dsn);
  await applySystemVariables(connection, dsn);
  return serverMax;
}
