// What the Go driver does on every new connection after the handshake: SET NAMES for `charset`
// (first one the server accepts wins), then every unknown DSN parameter as one
// `SET k1 = v1, k2 = v2`, and, for maxAllowedPacket=0, reading the server's limit.
import type { Connection } from 'mysql2';
import type { MysqlDsn } from '../../dsn/types.js';
import { AdapterError } from '../adapter-error.js';
import { collationPlan } from './mysql-collation.js';
import { queryRaw } from './mysql-connect.js';
import { toAdapterError } from './mysql-errors.js';

export function systemVariablesStatement(variables: Record<string, string>): string | null {
  const entries = Object.entries(variables);
  if (entries.length === 0) return null;
  return `SET ${entries.map(([name, value]) => `${name} = ${value}`).join(', ')}`;
}

function setNamesStatement(charset: string, dsn: MysqlDsn): string {
  // An explicit collation of the same character set goes along, as in the Go driver.
  const explicitCollation = dsn.params.collation;
  if (explicitCollation && explicitCollation.toLowerCase().startsWith(`${charset.toLowerCase()}_`)) {
    return `SET NAMES ${charset} COLLATE ${explicitCollation}`;
  }
  return `SET NAMES ${charset}`;
}

const NAME = /^[A-Za-z0-9_]+$/;

async function applyCharsets(connection: Connection, dsn: MysqlDsn): Promise<void> {
  if (dsn.charsets.length === 0) return;
  const invalid = dsn.charsets.find((charset) => !NAME.test(charset));
  if (invalid !== undefined) {
    throw new AdapterError('connect', 'mysql', `?charset= names "${invalid}", which is not a character set name.`, {
      code: 'bad_charset',
      hint: 'Character set names are letters, digits and _, e.g. charset=utf8mb4 (a comma separates fallbacks).',
    });
  }
  let lastError: unknown;
  for (const charset of dsn.charsets) {
    try {
      await queryRaw(connection, setNamesStatement(charset, dsn));
      return;
    } catch (error) {
      lastError = error;
    }
  }
  const cause = toAdapterError(lastError);
  throw new AdapterError('connect', 'mysql', `None of the character sets in ?charset=${dsn.charsets.join(',')} is accepted by the server: ${cause.message}`, {
    code: cause.code,
    hint: 'Name a character set the server has (SHOW CHARACTER SET lists them), e.g. utf8mb4.',
    cause: lastError,
  });
}

async function applySystemVariables(connection: Connection, dsn: MysqlDsn): Promise<void> {
  const statement = systemVariablesStatement(dsn.systemVariables);
  if (!statement) return;
  try {
    await queryRaw(connection, statement);
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
export async function setUpConnection(connection: Connection, dsn: MysqlDsn, readMaxPacket: boolean): Promise<number | null> {
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
  if (!readMaxPacket) return null;
  const rows = (await queryRaw(connection, 'SELECT @@max_allowed_packet')) as unknown[][];
  return Number(rows[0]?.[0] ?? 0) || null;
}
