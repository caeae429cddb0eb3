// What a backend folder knows about its DSNs and servers, as data and pure functions: the SQL it
// speaks, its migration files, what `dsn explain` and doctor say about it. A descriptor imports
// neither a driver nor its folder's adapter, not even lazily: code that must stay small (the SQLite
// worker's CommonJS bundle, where esbuild inlines every dynamic import) looks backends up in
// backend-descriptors.ts; its module (backend-module.ts) adds open() and probe().
import type { SchemeRow } from '../dsn/schemes.js';
import type { ParsedDsn } from '../dsn/types.js';
import type { MigrationDialect } from '../migrations/migration-dialect.js';
import type { SqlDialect } from '../sql/dialect.js';
import type { ExplainKnowledge } from './backend-explain.js';
import type { ServerKnowledge } from './backend-server.js';
import type { DatabaseKnowledge } from './backend-databases.js';

export interface BackendDescriptor<D extends ParsedDsn = ParsedDsn> {
  /** The folder's name (postgres, mysql, sqlite) */
  readonly name: string;
  /** The DSN backends it serves: CockroachDB is an alias of PostgreSQL's, memory of SQLite's */
  readonly backends: readonly D['backend'][];
  /** The DSN schemes that select its backends, exactly as the service requires them (aliases are rows) */
  readonly schemes: readonly (SchemeRow & { backend: D['backend'] })[];
  /** What the service does with one of its schemes written in another case (null: nothing to say) */
  wrongCaseConsequence(written: string, row: SchemeRow): string | null;
  /** The SQL its servers speak: lexical rules and statement classification (sql/dialect.ts) */
  readonly sqlDialect: SqlDialect;
  /** Which migration files each of its backends runs (pop's dialect names) */
  readonly migrationDialects: Readonly<Record<D['backend'], MigrationDialect>>;
  /** What `dsn explain` says about its DSNs */
  readonly explain: ExplainKnowledge<D>;
  /** What doctor, the diagnosis of a failed connection and the activity commands know of its servers */
  readonly server: ServerKnowledge<D>;
  /** Which database a DSN names, and how the console's \c moves to another */
  readonly databases: DatabaseKnowledge<D>;
}

/** A descriptor as the list holds it: each describes only DSNs of its own backends. */
export type AnyBackendDescriptor = ParsedDsn extends infer D ? (D extends ParsedDsn ? BackendDescriptor<D> : never) : never;
