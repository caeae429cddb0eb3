// The PostgreSQL driver family (postgres://, cockroach://) as one module; `pg` loads on open().
import type { PostgresDsn } from '../../dsn/types.js';
import type { BackendModule } from '../backend-module.js';
import { postgresDescriptor } from './postgres-descriptor.js';
import { parsePostgres } from '../../dsn/parse-postgres.js';
import { postgresCapabilities } from './pg-capabilities.js';

export const postgresModule: BackendModule<PostgresDsn> = {
  ...postgresDescriptor,
  parse: (text, scheme, { bodyOffset, cpuCount, redacted, environment }) =>
    parsePostgres(text, scheme, bodyOffset, cpuCount, redacted, environment()),
  capabilities: postgresCapabilities,
  activity: true,
  nameCase: 'folded',
  async open(dsn) {
    const { openPostgresAdapter } = await import('./postgres-adapter.js');
    return openPostgresAdapter(dsn);
  },
  async probe(dsn, timeoutMs) {
    const { probePostgres } = await import('./pg-probe.js');
    return probePostgres(dsn, timeoutMs);
  },
};
