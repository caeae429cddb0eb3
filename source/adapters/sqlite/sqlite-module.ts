// SQLite files and the memory database (sqlite://, memory) as one module; better-sqlite3 loads
// on open(), in the worker process or in this one.
import type { SqliteDsn } from '../../dsn/types.js';
import type { BackendModule } from '../backend-module.js';
import { sqliteDescriptor } from './sqlite-descriptor.js';
import { parseSqlite } from '../../dsn/parse-sqlite.js';
import { sqliteCapabilities } from './sqlite-capabilities.js';

export const sqliteModule: BackendModule<SqliteDsn> = {
  ...sqliteDescriptor,
  // memory is not a scheme: dsn/parse-dsn.ts reads the whole DSN `memory` itself.
  parse: (text, _scheme, { bodyOffset, cpuCount, redacted }) => parseSqlite(text, bodyOffset, cpuCount, redacted),
  capabilities: (_dsn, options = {}) => sqliteCapabilities(options.inProcess === true),
  activity: false,
  nameCase: 'caseless',
  async open(dsn, options = {}) {
    const { openSqliteAdapter } = await import('./sqlite-adapter.js');
    return openSqliteAdapter(dsn, options);
  },
  // A file database has no server to probe.
  probe: () => Promise.resolve(null),
};
