// What dsnsh knows of postgres:// and cockroach:// DSNs and their servers, without pg.
import type { PostgresDsn } from '../../dsn/types.js';
import type { BackendDescriptor } from '../backend-descriptor.js';
import { postgresExplain } from './postgres-explain.js';
import { postgresServer } from './postgres-server.js';
import { withPostgresDatabase } from '../../dsn/with-database.js';

export const postgresDescriptor: BackendDescriptor<PostgresDsn> = {
  name: 'postgres',
  backends: ['postgres', 'cockroach'],
  // pop rewrites cockroach URLs to postgres:// and pgx then defaults the port to 5432. pop
  // lower-cases the dialect name, so the cockroach names work in any case.
  schemes: [
    { scheme: 'postgres', backend: 'postgres', defaultPort: 5432 },
    { scheme: 'postgresql', backend: 'postgres', defaultPort: 5432, aliasOf: 'postgres' },
    { scheme: 'cockroach', backend: 'cockroach', defaultPort: 5432, anyCase: true },
    { scheme: 'cockroachdb', backend: 'cockroach', defaultPort: 5432, aliasOf: 'cockroach', anyCase: true },
    { scheme: 'crdb', backend: 'cockroach', defaultPort: 5432, aliasOf: 'cockroach', anyCase: true },
  ],
  wrongCaseConsequence: (_written, row) =>
    `the service's driver (pgx) only reads URLs starting with ${row.scheme}:// in lower case and fails to parse this DSN`,
  sqlDialect: 'postgres',
  migrationDialects: { postgres: 'postgres', cockroach: 'cockroach' },
  explain: postgresExplain,
  server: postgresServer,
  // A connection is bound to one database: \c opens a new one on the DSN naming the other.
  databases: { named: (dsn) => dsn.database, change: { kind: 'reconnect', dsnNaming: withPostgresDatabase } },
};
