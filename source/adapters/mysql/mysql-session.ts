// One dedicated connection: statements run one after another, so transactions, SET and
// temporary tables carry over. A connection that died (server restart, KILL, wait_timeout) is
// never replaced here: a statement on a new connection would run outside the open transaction,
// in autocommit, without read-only or the user's SET/USE. Every statement after the loss fails
// unsent; the caller decides whether a new session may go on (held() says what was lost).
import type { RowStream, RunOptions, Session, SessionHeld, StatementResult, StreamOptions, TransactionState } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import { SessionTracker } from '../session-tracker.js';
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
  private readonly tracker = new SessionTracker('mysql');

  constructor(
    private readonly connection: PooledConnection,
    private readonly pool: MysqlPool,
    private readonly context: MysqlContext,
  ) {}

  /** Runs `work` after everything queued before it, whatever that did. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private live(): PooledConnection {
    if (this.released) throw new AdapterError('other', 'mysql', 'This session was released; open a new one.');
    if (this.connection.dead) throw lostBeforeSending(this.context);
    return this.connection;
  }

  private async execute(sql: string, options: RunOptions): Promise<Execution> {
    const connection = this.live();
    try {
      const execution = await executeQuery(connection, this.context, sql, options);
      if (execution.inTransaction !== null) this.state = execution.inTransaction ? 'in-transaction' : 'idle';
      else await this.refreshState(connection);
      this.tracker.record(sql, this.state, { succeeded: true, reapplied: options.reapplied, ownRead: options.ownRead });
      return execution;
    } catch (error) {
      // A lost connection keeps the last known state: the transaction it had is what was lost.
      if (!connection.dead) await this.refreshState(connection);
      this.tracker.record(sql, this.state, { succeeded: false, reapplied: options.reapplied, ownRead: options.ownRead });
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
    const finished = new Promise<void>((resolve) => {
      streamDone = resolve;
    });
    const opened = this.serial(async () => {
      const connection = this.live();
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
      // A row set leaves the transaction state as it was; it can still set session state (INTO @v).
      this.tracker.record(sql, this.state, { succeeded: true });
      return opened;
    });
    // Later statements wait until the stream has given the connection back.
    this.tail = opened.then(
      () => finished,
      () => undefined,
    );
    return opened;
  }

  transactionState(): TransactionState {
    return this.state;
  }

  held(): SessionHeld {
    return this.tracker.held();
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

function lostBeforeSending(context: MysqlContext): AdapterError {
  const where = context.errorContext.address ? ` (${context.errorContext.address})` : '';
  return new AdapterError(
    'connect',
    'mysql',
    `The connection to the server was lost before this statement was sent${where}: the statement did not run.`,
    {
      code: 'connection_lost',
      notSent: true,
      hint: "The server closed the connection (restart, KILL, wait_timeout or a network failure); an open transaction was rolled back there, and the session's settings and temporary tables are gone. Open a new session to go on.",
    },
  );
}
