// What every part of the contract suite gets: the backend, its SQL, a shared adapter, unique
// table names (dropped after the suite), and a way to open extra adapters.
import type { Adapter } from '../../../source/adapters/adapter.js';
import { AdapterError } from '../../../source/adapters/adapter-error.js';
import { openAdapter } from '../../../source/adapters/open-adapter.js';
import { parseDsn } from '../../../source/dsn/parse-dsn.js';
import { BACKEND_SQL, type BackendSql } from './backend-sql.js';
import type { ContractBackend } from './backends.js';

const RUN_ID = `${process.pid}_${Date.now().toString(36)}`;

export interface ContractContext {
  backend: ContractBackend;
  sql: BackendSql;
  /** Opened before the suite's tests, closed after */
  adapter(): Adapter;
  /** A table name unique to this backend and run; dropped after the suite */
  table(purpose: string): string;
  /** Another adapter on the same backend; the caller closes it */
  open(pool?: Record<string, string>): Promise<Adapter>;
}

export function createContractContext(backend: ContractBackend): ContractContext & { setUp(): Promise<void>; tearDown(): Promise<void> } {
  let shared: Adapter | null = null;
  const tables: string[] = [];
  const slug = backend.label.replace(/\W+/g, '_');
  return {
    backend,
    sql: BACKEND_SQL[backend.dialect],
    adapter: () => {
      if (!shared) throw new Error('the contract adapter is not open');
      return shared;
    },
    table: (purpose) => {
      const name = `contract_${slug}_${purpose}_${RUN_ID}`;
      tables.push(name);
      return name;
    },
    open: async (pool) => openAdapter(parseDsn(backend.dsn(pool)), backend.openOptions),
    async setUp() {
      shared = await openAdapter(parseDsn(backend.dsn()), backend.openOptions);
    },
    async tearDown() {
      if (!shared) return;
      for (const table of tables) await shared.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      await shared.close();
      backend.cleanUp?.();
    },
  };
}

/** The AdapterError a promise rejects with (fails the test if it resolves or throws something else). */
export async function adapterRejection(promise: Promise<unknown>): Promise<AdapterError> {
  const outcome = await promise.then(
    () => new Error('expected the statement to fail, but it succeeded'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof AdapterError)) throw outcome;
  return outcome;
}

/** Values compared as text: backends may report small integers as numbers or strings. */
export const asText = (value: unknown): string | null => (value === null ? null : String(value));
