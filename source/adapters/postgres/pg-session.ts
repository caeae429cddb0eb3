// A dedicated connection: transactions, SET and temporary tables persist between calls. The
// transaction state is the server's own (ReadyForQuery status), not a guess from the SQL text.
// A lost connection is never replaced here: every later statement fails unsent, and held()
// says what was lost with it (the open transaction, session settings).
import type { Client } from 'pg';
import type { PostgresDsn } from '../../dsn/types.js';
import type {
  CopyCsvRunOptions,
  RowStream,
  RunOptions,
  Session,
  SessionHeld,
  StatementResult,
  StreamOptions,
  TransactionState,
} from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import { SessionTracker } from '../session-tracker.js';
import { backendOf, withCancel } from './pg-cancel.js';
import { connectionGone } from './pg-client-state.js';
import { copyCsvCancellable, type CopyChunkWriter } from './pg-copy-csv.js';
import { openCursorStream } from './pg-cursor-stream.js';
import { runStatements, typeNamesFor } from './pg-statement.js';

export interface SessionHost {
  dsn: PostgresDsn;
  typeCache: Map<number, string>;
  release(client: Client, broken: boolean): void;
}

const DEFAULT_CHUNK = 1000;

export class PgSession implements Session {
  private released = false;
  private broken = false;
  /** Streams not yet closed: release() closes them first (see there) */
  private readonly openStreams = new Set<RowStream>();
  private readonly tracker: SessionTracker;

  constructor(
    private readonly host: SessionHost,
    private readonly client: Client,
  ) {
    this.tracker = new SessionTracker(host.dsn.backend);
    client.on('error', () => {
      this.broken = true;
    });
    client.on('end', () => {
      this.broken = true;
    });
  }

  async run(sql: string, options: RunOptions = {}): Promise<StatementResult> {
    const results = await this.runScript(sql, options);
    const last = results[results.length - 1];
    if (!last) return { columns: [], rows: [], affectedRows: null, command: null, elapsedMs: 0 };
    return last;
  }

  async runScript(sql: string, options: RunOptions = {}): Promise<StatementResult[]> {
    this.assertLive();
    const { dsn, typeCache } = this.host;
    try {
      const results = await withCancel(dsn, backendOf(this.client), options.signal, () =>
        runStatements(this.client, sql, options.params, typeNamesFor(this.client, typeCache), options.serverText),
      );
      this.tracker.record(sql, this.transactionState(), { succeeded: true, reapplied: options.reapplied, ownRead: options.ownRead });
      return results;
    } catch (error) {
      if (error instanceof AdapterError && error.kind === 'connect') this.broken = true;
      this.tracker.record(sql, this.transactionState(), { succeeded: false, reapplied: options.reapplied, ownRead: options.ownRead });
      throw error;
    }
  }

  async stream(sql: string, options: StreamOptions = {}): Promise<RowStream> {
    this.assertLive();
    const { dsn, typeCache } = this.host;
    let stream: RowStream | null = null;
    let closed = false;
    stream = await openCursorStream({
      dsn,
      client: this.client,
      sql,
      ...(options.params ? { params: options.params } : {}),
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
      ...(options.signal ? { signal: options.signal } : {}),
      typeNames: typeNamesFor(this.client, typeCache),
      serverText: options.serverText === true,
      onClose: (broken) => {
        closed = true;
        if (stream) this.openStreams.delete(stream);
        if (broken) this.broken = true;
      },
    });
    if (!closed) this.openStreams.add(stream);
    // A cursor's rows leave the transaction state as it was; the statement may still set state.
    this.tracker.record(sql, this.transactionState(), { succeeded: true });
    return stream;
  }

  /** COPY ... TO STDOUT on this session's connection (its settings, transaction and temporary tables apply). */
  async copyCsv(sql: string, write: CopyChunkWriter, options: CopyCsvRunOptions = {}): Promise<{ rows: number }> {
    this.assertLive();
    if (options.params && options.params.length > 0) {
      throw new AdapterError('other', this.host.dsn.backend, 'COPY cannot take statement parameters', {
        hint: 'Write the values into the query, or use run/stream with parameters.',
      });
    }
    try {
      const copied = await copyCsvCancellable(this.host.dsn, this.client, sql, write, options);
      this.tracker.record(sql, this.transactionState(), { succeeded: true });
      return copied;
    } catch (error) {
      if (error instanceof AdapterError && error.kind === 'connect') this.broken = true;
      this.tracker.record(sql, this.transactionState(), { succeeded: false });
      throw error;
    }
  }

  transactionState(): TransactionState {
    const status = this.client.getTransactionStatus?.();
    if (status === 'T') return 'in-transaction';
    if (status === 'E') return 'failed';
    return 'idle';
  }

  held(): SessionHeld {
    return this.tracker.held();
  }

  async release(): Promise<void> {
    if (this.released) return;
    // A stream left open holds its statement's implicit transaction: closing it ends that
    // transaction (Sync), so an INSERT … RETURNING being browsed is committed, not dropped with
    // the connection.
    await Promise.all([...this.openStreams].map((stream) => stream.close().catch(() => undefined)));
    this.released = true;
    if (!this.broken && this.transactionState() !== 'idle') {
      await this.client.query('ROLLBACK').catch(() => {
        this.broken = true;
      });
    }
    this.host.release(this.client, this.broken);
  }

  private assertLive(): void {
    const { dsn } = this.host;
    if (this.released) throw new AdapterError('other', dsn.backend, 'This session was released; open a new one.');
    if (this.broken || connectionGone(this.client)) {
      this.broken = true;
      throw new AdapterError(
        'connect',
        dsn.backend,
        `The connection to ${dsn.host}:${dsn.port} was lost before this statement was sent: the statement did not run.`,
        {
          code: 'connection_lost',
          notSent: true,
          hint: "The server closed the connection (restart, pg_terminate_backend, idle timeout or a network failure); an open transaction was rolled back there, and the session's settings and temporary tables are gone. Open a new session to go on.",
        },
      );
    }
  }
}
