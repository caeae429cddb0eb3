// The statements dsnsh sends on every new connection of a DSN, in order, so `dsn explain` shows
// exactly what the adapters run; each backend's descriptor picks its own
// (explain.sessionStatements).
// MySQL: read-only first (when asked), then as the Go driver's connector does: the read of
// max_allowed_packet when maxAllowedPacket <= 0, SET NAMES for the first charset, the DSN's
// session variables as one SET. SQLite: the PRAGMAs. PostgreSQL: the check target_session_attrs
// needs (its settings travel in the startup packet, not as SQL).
import { sessionVariablesStatement } from './mysql-session-value.js';
import type { MysqlDsn, PostgresDsn } from './types.js';

export const MYSQL_READ_ONLY_STATEMENT = 'SET SESSION TRANSACTION READ ONLY';

/** The Go driver: SET NAMES cs, with COLLATE when the DSN names a collation. */
export function setNamesStatement(dsn: MysqlDsn, charset: string): string {
  return dsn.params.collation !== undefined ? `SET NAMES ${charset} COLLATE ${dsn.collation}` : `SET NAMES ${charset}`;
}

export function mysqlSessionStatements(dsn: MysqlDsn, options: { readOnly?: boolean } = {}): string[] {
  const statements: string[] = [];
  if (options.readOnly) statements.push(MYSQL_READ_ONLY_STATEMENT);
  if (dsn.maxAllowedPacket === 0) statements.push('SELECT @@max_allowed_packet');
  const charset = dsn.charsets[0];
  if (charset !== undefined) statements.push(setNamesStatement(dsn, charset));
  const variables = sessionVariablesStatement(dsn.systemVariables);
  if (variables !== null) statements.push(variables);
  return statements;
}

/** pgx's ValidateConnect for target_session_attrs: the query each new connection is checked with. */
export function targetSessionCheck(dsn: PostgresDsn): string | null {
  switch (dsn.targetSessionAttrs) {
    case 'read-write':
    case 'read-only':
      return 'show transaction_read_only';
    case 'primary':
    case 'standby':
    case 'prefer-standby':
      return 'select pg_is_in_recovery()';
    case 'any':
      return null;
  }
}
