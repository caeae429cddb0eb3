// Where the SQLite worker process's code is at run time (see source/workers/worker-file.ts).
import { workerFile, type WorkerEntry } from '../../workers/worker-file.js';

const SQLITE_WORKER: WorkerEntry = { path: 'adapters/sqlite/sqlite-worker', external: ['better-sqlite3'] };

export function sqliteWorkerPath(): Promise<string> {
  return workerFile(SQLITE_WORKER);
}
