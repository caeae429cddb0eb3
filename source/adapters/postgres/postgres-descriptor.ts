// What dsnsh knows of postgres:// and cockroach:// DSNs and their servers, without pg.
import type { PostgresDsn } from '../../dsn/types.js';
import type { BackendDescriptor } from '../backend-descriptor.js';
import { postgresExplain } from './postgres-explain.js';
import { postgresServer } from './postgres-server.js';

export const postgresDescriptor: BackendDescriptor<PostgresDsn> = {
  name: 'postgres',
  backends: ['postgres', 'cockroach'],
  sqlDialect: 'postgres',
  migrationDialects: { postgres: 'postgres', cockroach: 'cockroach' },
  explain: postgresExplain,
  server: postgresServer,
};
