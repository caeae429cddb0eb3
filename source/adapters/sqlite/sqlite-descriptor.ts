// What dsnsh knows of sqlite:// DSNs and memory, without better-sqlite3. memory is SQLite in
// memory: the same SQL and migration files.
import type { SqliteDsn } from '../../dsn/types.js';
import type { BackendDescriptor } from '../backend-descriptor.js';
import { sqliteExplain } from './sqlite-explain.js';
import { sqliteServer } from './sqlite-server.js';

export const sqliteDescriptor: BackendDescriptor<SqliteDsn> = {
  name: 'sqlite',
  backends: ['sqlite', 'memory'],
  sqlDialect: 'sqlite',
  migrationDialects: { sqlite: 'sqlite3', memory: 'sqlite3' },
  explain: sqliteExplain,
  server: sqliteServer,
};
