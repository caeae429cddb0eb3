// A Session on the single connection (sessions queue for it in the runtime wrapper: SQLite has
// one writer, and dsnsh keeps one connection per database) until released.
import type { RowStream, RunOptions, Session, StatementResult, StreamOptions, TransactionState } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import { openSqliteRowStream } from './sqlite-row-stream.js';
import type { SqliteConnection } from './sqlite-connection.js';

export function runStatement(worker: SqliteConnection, sql: string, options: RunOptions = {}): Promise<StatementResult> {
  return worker.request<StatementResult>({ op: 'run', sql, params: options.params ?? [] }, options.signal);
}

export function runScript(worker: SqliteConnection, sql: string, options: RunOptions = {}): Promise<StatementResult[]> {
  return worker.request<StatementResult[]>({ op: 'script', sql, params: options.params ?? [] }, options.signal);
}

/** The runtime wrapper holds the connection's turn for the session until release(). */
export function createSqliteSession(worker: SqliteConnection): Session {
  let released = false;
  let openStream: RowStream | null = null;
  const usable = () => {
    if (released) throw new AdapterError('other', worker.backend, 'This session was released; open a new one.');
  };
  return {
    async run(sql, options) {
      usable();
      return runStatement(worker, sql, options);
    },
    async runScript(sql, options) {
      usable();
      return runScript(worker, sql, options);
    },
    async stream(sql: string, options: StreamOptions = {}) {
      usable();
      const tracked: { stream?: RowStream; done?: boolean } = {};
      const stream = await openSqliteRowStream(worker, sql, options, () => {
        tracked.done = true;
        if (openStream === tracked.stream) openStream = null;
      });
      tracked.stream = stream;
      if (!tracked.done) openStream = stream;
      return stream;
    },
    transactionState(): TransactionState {
      return worker.inTransaction ? 'in-transaction' : 'idle';
    },
    async release() {
      if (released) return;
      released = true;
      await openStream?.close();
      if (worker.inTransaction) await runStatement(worker, 'ROLLBACK').catch(() => undefined);
    },
  };
}
