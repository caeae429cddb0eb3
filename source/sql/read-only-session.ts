// The statement that makes a session read-only on the server, per SQL dialect (data, not branches
// in callers). CockroachDB accepts PostgreSQL's setting.
import type { Backend } from '../dsn/types.js';
import { dialectOf, type SqlDialect } from './dialect.js';

const READ_ONLY: Record<SqlDialect, string> = {
  postgres: 'SET default_transaction_read_only = on',
  mysql: 'SET SESSION TRANSACTION READ ONLY',
  sqlite: 'PRAGMA query_only = ON',
};

export function readOnlySessionStatement(dialect: Backend | SqlDialect): string {
  return READ_ONLY[dialectOf(dialect)];
}
