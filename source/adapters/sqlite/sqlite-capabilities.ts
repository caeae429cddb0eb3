// What SQLite (and memory) offers: in its worker process, or in this process.
import type { Capabilities } from '../adapter.js';

const IN_WORKER: Capabilities = {
  transactionalDdl: true,
  // A running statement can be stopped (the worker is killed and the file reopened); an open
  // transaction is rolled back by it, which the cancelled error says.
  serverSideCancel: true,
  concurrentSessions: false,
  serverCsv: false,
  schemas: false,
};

// In this process a running statement cannot be stopped (only the whole process can end).
const IN_PROCESS: Capabilities = { ...IN_WORKER, serverSideCancel: false };

export function sqliteCapabilities(inProcess: boolean): Capabilities {
  return inProcess ? IN_PROCESS : IN_WORKER;
}
