// better-sqlite3 is an optional native add-on: loading it may fail where it could not be built.
// Both the worker process and the in-process connection load it the same way.
import type BetterSqlite3 from 'better-sqlite3';
import { WorkerFailure } from './worker-database.js';

export async function loadDriver(): Promise<typeof BetterSqlite3> {
  try {
    return (await import('better-sqlite3')).default;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new WorkerFailure({ code: null, message, driverUnavailable: true });
  }
}
