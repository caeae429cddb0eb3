// A SQLite file or the memory database has no server: no protocol, no TLS, no connect timeout,
// no service identity on a server. Doctor says so instead of borrowing another backend's answers.
import type { SqliteDsn } from '../../dsn/types.js';
import type { ServerKnowledge } from '../backend-server.js';

export const sqliteServer: ServerKnowledge<SqliteDsn> = {
  wire: null,
  schemes: { sqlite: 'sqlite://', memory: 'memory' },
  address: (dsn) => dsn.redacted,
  connectTimeoutMs: () => 0,
  withConnectTimeout: (dsn) => dsn,
  refusedHint: () => '',
  serviceIdentity: () => ({ serviceUser: null, serviceApplication: null }),
  tls: null,
  requirements: null,
};
