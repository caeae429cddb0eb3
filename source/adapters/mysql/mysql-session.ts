// One dedicated connection: statements run one after another, so transactions, SET and
// temporary tables carry over. A connection that died (server restart) is replaced on the
// next statement; whatever lived on it (an open transaction, temp tables) is gone, as the
// error that reported the loss said.
import type { RowStream, RunOptions, Session, StatementResult, StreamOptions, TransactionState } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import type { MysqlContext } from './mysql-context.js';
import { queryRaw } from './mysql-connect.js';
import { executeQuery, mainResult, type Execution } from './mysql-execute.js';
import type { MysqlPool, PooledConnection } from './mysql-pool.js';
import { openRowStream } from './mysql-stream.js';

export class MysqlSession implements Session {
  private state: TransactionState = 'idle';
  private released = false;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly openStreams = new Set<RowStream>();

  constructor(
    private connection: PooledConnection,
    private readonly pool: MysqlPool,
    private readonly context: MysqlContext,
  ) {}

  /** Runs `work` after everything queued before it, whatever that did. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async live(signal?: AbortSignal): Promise<PooledConnection> {
    if (this.released) throw new AdapterError('other', 'mysql', 'This session was released; open a new one.');
    if (this.connection.dead) {
      this.pool.release(this.connection, true);
      this.state = 'idle';
      this.connection = await this.pool.acquire(signal);
    }
    return this.connection;
  }

  private async execute(sql: string, options: RunOptions): Promise<Execution> {
    const connection = await this.live(options.signal);
    try {
      const execution = await executeQuery(connection, this.context, sql, options);
      if (execution.inTransaction !== null) this.state = execution.inTransaction ? 'in-transaction' : 'idle';
      else await this.refreshState(connection);
      return execution;
    } catch (error) {
      if (connection.dead) this.state = 'idle';
      else await this.refreshState(connection);
      throw error;
    }
  }

  /** A row set carries no status flags we can read; MariaDB can tell us directly. */
  private async refreshState(connection: PooledConnection): Promise<void> {
    if (!this.context.hasInTransactionVariable || connection.dead) return;
    try {
      const rows = (await queryRaw(connection.raw, 'SELECT @@in_transaction')) as unknown[][];
      this.state = Number(rows[0]?.[0]) === 1 ? 'in-transaction' : 'idle';
    } catch {
      // keep the last known state
    }
  }

  run(sql: string, options: RunOptions = {}): Promise<StatementResult> {
    return this.serial(async () => {
      const { results } = await this.execute(sql, options);
      return mainResult(results, sql);
    });
  }

  runScript(sql: string, options: RunOptions = {}): Promise<StatementResult[]> {
    return this.serial(async () => (await this.execute(sql, options)).results);
  }

  stream(sql: string, options: StreamOptions = {}): Promise<RowStream> {
    let streamDone: () => void = () => {};
    const finished = new Promise<void>((resolve) => { streamDone = resolve; });
    const opened = this.serial(async () => {
      const connection = await this.live(options.signal);
      let ended = false;
      let opened: RowStream | null = null;
      // Called when the connection is free again, which can be before the stream ever opened.
      const onDone = (discard: boolean) => {
        ended = true;
        if (discard) connection.dead = true;
        if (opened) this.openStreams.delete(opened);
        streamDone();
      };
      opened = await openRowStream(connection, this.context, sql, options, onDone);
      if (!ended) this.openStreams.add(opened);
      return opened;
    });
    // Later statements wait until the stream has given the connection back.
    this.tail = opened.then(() => finished, () => undefined);
    return opened;
  }

  transactionState(): TransactionState {
    return this.state;
  }

  async release(): Promise<void> {
    // A stream the caller left open would hold the connection forever.
    await Promise.all([...this.openStreams].map((stream) => stream.close()));
    return this.serial(async () => {
      if (this.released) return;
      this.released = true;
      let discard = this.connection.dead;
      if (!discard && this.state !== 'idle') {
        try {
          await queryRaw(this.connection.raw, 'ROLLBACK');
        } catch {
          discard = true;
        }
      }
      this.pool.release(this.connection, discard);
    });
  }
}
