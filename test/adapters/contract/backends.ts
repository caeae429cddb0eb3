// Every backend the contract suite runs against, with its DSN and whether it can run here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CRDB_DSN, MYSQL_DSN, PG_DSN, availability } from '../../helpers/servers.js';
import type { OpenAdapterOptions } from '../../../source/adapters/open-adapter.js';
import type { SqlDialect } from './backend-sql.js';

export interface ContractBackend {
  /** Label in test names */
  label: string;
  dialect: SqlDialect;
  /** The DSN, optionally with pool parameters added */
  dsn(pool?: Record<string, string>): string;
  available(): boolean;
  /** Extra words for the suite title */
  note?: string;
  /** Removes files the backend created, after its suite */
  cleanUp?(): void;
  /** Passed to openAdapter (SQLite in this process, as the one-shot CLI opens it) */
  openOptions?: OpenAdapterOptions;
}

function withParams(dsn: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  if (query === '') return dsn;
  return `${dsn}${dsn.includes('?') ? '&' : '?'}${query}`;
}

let sqliteDir: string | null = null;
function sqliteFile(name = 'contract.sqlite'): string {
  sqliteDir ??= mkdtempSync(join(tmpdir(), 'dsnsh-contract-'));
  return join(sqliteDir, name);
}

function removeSqliteDir(): void {
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
  sqliteDir = null;
}

export const CONTRACT_BACKENDS: ContractBackend[] = [
  // `memory` takes no parameters: its pool is the default one.
  { label: 'memory', dialect: 'sqlite', dsn: () => 'memory', available: () => true },
  {
    label: 'sqlite file',
    dialect: 'sqlite',
    dsn: (pool) => withParams(`sqlite://${sqliteFile()}?_fk=true`, pool),
    available: () => true,
    cleanUp: removeSqliteDir,
  },
  { label: 'memory in process', dialect: 'sqlite', dsn: () => 'memory', available: () => true, openOptions: { inProcess: true } },
  {
    label: 'sqlite file in process',
    dialect: 'sqlite',
    dsn: (pool) => withParams(`sqlite://${sqliteFile('in-process.sqlite')}?_fk=true`, pool),
    available: () => true,
    cleanUp: removeSqliteDir,
    openOptions: { inProcess: true },
  },
  { label: 'postgres', dialect: 'postgres', dsn: (pool) => withParams(PG_DSN, pool), available: () => availability().postgres },
  { label: 'mariadb', dialect: 'mysql', dsn: (pool) => withParams(MYSQL_DSN, pool), available: () => availability().mysql },
  {
    label: 'cockroach dialect',
    dialect: 'postgres',
    dsn: (pool) => withParams(CRDB_DSN, pool),
    available: () => availability().postgres,
    note: 'against the PostgreSQL server (wire-compatible; no real CockroachDB is available here)',
  },
];
