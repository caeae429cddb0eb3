// How `dsn explain` describes a sqlite:// DSN or memory: a file (or an in-memory database), the
// PRAGMAs sent on connect, foreign keys on or off. `memory` takes no parameters.
import { SQLITE_PARAM_DOCS, sqliteMeaningOfUnlisted } from '../../dsn/param-docs.js';
import type { SqliteDsn } from '../../dsn/types.js';
import type { ExplainKnowledge } from '../backend-explain.js';

export const sqliteExplain: ExplainKnowledge<SqliteDsn> = {
  titles: { memory: 'memory (SQLite in memory, ephemeral)', sqlite: 'sqlite' },
  paramDocs: (backend) => (backend === 'memory' ? [] : SQLITE_PARAM_DOCS),
  meaningOfUnlisted: sqliteMeaningOfUnlisted,
  valueInEffect: (_name, value) => value,
  target: (dsn) => ({ host: null, port: null, socket: null, path: dsn.path, database: null, user: null }),
  targetText(dsn, target) {
    if (dsn.backend === 'memory') return 'in-memory database (foreign keys on; gone when dsnsh exits)';
    return dsn.inMemory ? 'in-memory SQLite database' : `file ${target.path}`;
  },
  effective: (dsn) => ({ foreignKeys: dsn.pragmas.find((pragma) => pragma.name === 'foreign_keys')?.value === '1' }),
  addSources(dsn, sources) {
    if (dsn.backend === 'sqlite') for (const key of Object.keys(dsn.params)) sources[key] ??= 'dsn';
  },
  sessionStatements: (dsn) => dsn.pragmas.map(({ name, value }) => `PRAGMA ${name} = ${value}`),
  onConnectNotes: [],
};
