// What dsnsh knows of sqlite:// DSNs and memory, without better-sqlite3. memory is SQLite in
// memory: the same SQL and migration files.
import type { SqliteDsn } from '../../dsn/types.js';
import type { BackendDescriptor } from '../backend-descriptor.js';
import { sqliteExplain } from './sqlite-explain.js';
import { sqliteServer } from './sqlite-server.js';

export const sqliteDescriptor: BackendDescriptor<SqliteDsn> = {
  name: 'sqlite',
  backends: ['sqlite', 'memory'],
  // memory is the whole DSN "memory", not a scheme (dsn/parse-dsn.ts).
  schemes: [
    { scheme: 'sqlite', backend: 'sqlite', defaultPort: null },
    { scheme: 'sqlite3', backend: 'sqlite', defaultPort: null, aliasOf: 'sqlite' },
  ],
  wrongCaseConsequence: (written) => `pop does not strip it, so the service opens a file literally named "${written}://…"`,
  sqlDialect: 'sqlite',
  migrationDialects: { sqlite: 'sqlite3', memory: 'sqlite3' },
  explain: sqliteExplain,
  server: sqliteServer,
  databases: {
    named: () => null,
    change: {
      kind: 'none',
      message: 'SQLite has one database per file: \\c cannot change it.',
      hint: 'Open another file with F2 (profiles) or dsnsh sqlite://PATH.',
    },
  },
};
