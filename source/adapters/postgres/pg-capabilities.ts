// What the PostgreSQL driver family offers, per backend of the family.
import type { PostgresDsn } from '../../dsn/types.js';
import type { Capabilities } from '../adapter.js';

export function postgresCapabilities(dsn: Pick<PostgresDsn, 'backend'>): Capabilities {
  return {
    // Ory runs CockroachDB migrations outside transactions: treat its DDL as non-transactional.
    transactionalDdl: dsn.backend === 'postgres',
    serverSideCancel: true,
    concurrentSessions: true,
    serverCsv: true,
    schemas: true,
  };
}
