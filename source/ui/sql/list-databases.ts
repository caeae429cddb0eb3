// The statement behind `\l`, per SQL dialect (data, not branches in callers).
import type { SqlDialect } from '../../sql/dialect.js';

const LIST_DATABASES: Record<SqlDialect, string> = {
  postgres:
    'SELECT datname AS database, pg_catalog.pg_get_userbyid(datdba) AS owner, pg_catalog.pg_encoding_to_char(encoding) AS encoding FROM pg_catalog.pg_database WHERE NOT datistemplate ORDER BY 1',
  mysql:
    'SELECT schema_name AS `database`, default_character_set_name AS charset, default_collation_name AS collation FROM information_schema.schemata ORDER BY 1',
  sqlite: 'PRAGMA database_list',
};

export function listDatabasesStatement(dialect: SqlDialect): string {
  return LIST_DATABASES[dialect];
}
