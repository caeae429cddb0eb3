// A dedicated connection: transactions, SET and temporary tables persist between calls. The
// transaction state is the server's own (ReadyForQuery status), not a guess from the SQL text.
import type { PoolClient } from 'pg';
import type { PostgresDsn } from '../../dsn/types.js';
import type { RowStream, RunOptions, Session, StatementResult, StreamOptions, TransactionState } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import { backendOf, withCancel } from './pg-cancel.js';
import { openCursorStream } from './pg-cursor-stream.js';
import { runStatements, typeNamesFor } from './pg-statement.js';

export interface SessionHost {
  dsn: PostgresDsn;
  typeCache: Map<number, string>;
  release(client: PoolClient, broken: boolean): void;
}

const DEFAULT_CHUNK = 1000;

export class PgSession implements Session {
  private released = false;
  private broken = false;

  constructor(private readonly host: SessionHost, private readonly client: PoolClient) {
    client.on('error', () => { this.broken = true; });
    client.on('end', () => { this.broken = true; });
  }

  async run(sql: string, options: RunOptions = {}): Promise<StatementResult> {
    const results = await this.runScript(sql, options);
    const last = results[results.length - 1];
    if (!last) return { columns: [], rows: [], affectedRows: null, command: null, elapsedMs: 0 };
    return last;
  }

  async runScript(sql: string, options: RunOptions = {}): Promise<StatementResult[]> {
    this.assertOpen();
    const { dsn, typeCache } = this.host;
    try {
      return await withCancel(dsn, backendOf(this.client), options.signal, () =>
        runStatements(this.client, sql, options.params, typeNamesFor(this.client, typeCache)));
    } catch (error) {
      if (error instanceof AdapterError && error.kind === 'connect') this.broken = true;
      throw error;
    }
  }

  async stream(sql: string, options: StreamOptions = {}): Promise<RowStream> {
    this.assertOpen();
    const { dsn, typeCache } = this.host;
    return openCursorStream({
      dsn,
      client: this.client,
      sql,
      ...(options.params ? { params: options.params } : {}),
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
      ...(options.signal ? { signal: options.signal } : {}),
      typeNames: typeNamesFor(this.client, typeCache),
      onClose: (broken) => { if (broken) this.broken = true; },
    });
  }

  transactionState(): TransactionState {
    const status = this.client.getTransactionStatus?.();
    if (status === 'T') return 'in-transaction';
    if (status === 'E') return 'failed';
    return 'idle';
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (!this.broken && this.transactionState() !== 'idle') {
      await this.client.query('ROLLBACK').catch(() => { this.broken = true; });
    }
    this.host.release(this.client, this.broken);
  }

  private assertOpen(): void {
    if (this.released) throw new AdapterError('other', this.host.dsn.backend, 'This session was released; open a new one.');
  }
}
