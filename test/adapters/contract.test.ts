// One adapter contract for every backend: memory, SQLite file, PostgreSQL, MariaDB, and the
// cockroach dialect against the PostgreSQL server (no real CockroachDB is available here).
import { describe } from 'vitest';
import { CONTRACT_BACKENDS } from './contract/backends.js';
import { runContractSuite } from './contract/run-contract-suite.js';

for (const backend of CONTRACT_BACKENDS) {
  const title = `adapter contract: ${backend.label}${backend.note ? ` (${backend.note})` : ''}`;
  describe.skipIf(!backend.available())(title, () => runContractSuite(backend));
}
