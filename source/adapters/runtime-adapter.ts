// The one runtime wrapper every backend's adapter is opened through (kysely's RuntimeDriver idea):
// it adds, in this one place, what no backend implements for itself:
// - lazy open: the module's open() runs on first use (or ready()); concurrent first uses share
//   one open, and a failed open is tried again by the next use;
// - idempotent close: close twice, close while opening (the adapter it yields is closed at once),
//   use after close: an AdapterError saying so, never a hang;
// - error wrapping: anything a driver throws that is not an AdapterError becomes one (kind
//   'other', the original as its cause, the password and DSN secrets redacted from the message);
// - the single-connection lock when `capabilities.concurrentSessions` is false: every call that
//   touches the connection (run, stream until it ends, a session until released, introspection,
//   server facts) takes the one turn; callers queue for it (the snapshot's `waiting`).
import { redactDsn, scrubPassword } from '../dsn/redact.js';
import type { Backend, ParsedDsn } from '../dsn/types.js';
import type { Adapter, Capabilities, Introspector, PoolSnapshot, RowStream, RunOptions, ServerActivity, Session } from './adapter.js';
import { AdapterError, closedError } from './adapter-error.js';
import { ConnectionPool, type PoolDriver } from './connection-pool.js';

export interface RuntimeTarget {
  readonly dsn: ParsedDsn;
  readonly capabilities: Capabilities;
  /** The opened adapter has `activity` (a server with sessions) */
  readonly activity: boolean;
  readonly nameCase: Introspector['nameCase'];
  /** Opens the backend's own adapter (its pool, its driver) */
  open(): Promise<Adapter>;
}

export interface RuntimeAdapter extends Adapter {
  /** Opens now instead of on first use; rejects with the open's AdapterError (connect, auth, tls, …). */
  ready(): Promise<void>;
}

/** A turn at the one connection (no concurrent sessions). */
type Turn = Record<string, never>;
type Lock = { signal?: AbortSignal | undefined; ifConnectionFree?: boolean | undefined };
const NO_TURN = (): void => undefined;

export function runtimeAdapter(target: RuntimeTarget): RuntimeAdapter {
  return new Runtime(target);
}

/** A driver's own error as the one error type, keeping it as the cause; no secret in the message. */
export function asAdapterError(error: unknown, dsn: ParsedDsn): AdapterError {
  if (error instanceof AdapterError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const scrubbed = scrubPassword(text, 'password' in dsn ? dsn.password : null);
  return new AdapterError('other', dsn.backend, redactDsn(scrubbed) || 'The database driver failed without a message.', { cause: error });
}

class Runtime implements RuntimeAdapter {
  readonly backend: Backend;
  readonly dsn: ParsedDsn;
  readonly capabilities: Capabilities;
  readonly introspect: Introspector;
  readonly activity?: ServerActivity;
  readonly copyCsv?: Adapter['copyCsv'];
  private opened: Adapter | null = null;
  private opening: Promise<Adapter> | null = null;
  private closing: Promise<void> | null = null;
  private readonly turns: ConnectionPool<Turn> | null;

  constructor(private readonly target: RuntimeTarget) {
    this.dsn = target.dsn;
    this.backend = target.dsn.backend;
    this.capabilities = target.capabilities;
    this.turns = target.capabilities.concurrentSessions ? null : oneTurnAtATime(this.backend, () => this.closedError());
    this.introspect = this.wrapIntrospector();
    if (target.activity) {
      this.activity = {
        sessions: (options) => this.use(options, (adapter) => requireActivity(adapter).sessions(options)),
        lockWaits: (options) => this.use(options, (adapter) => requireActivity(adapter).lockWaits(options)),
      };
    }
    if (target.capabilities.serverCsv) {
      this.copyCsv = (sql, sink, options) => this.use(options, (adapter) => requireCopy(adapter)(sql, sink, options));
    }
  }

  ready(): Promise<void> {
    return this.adapter().then(() => undefined);
  }

  run(sql: string, options?: RunOptions) {
    return this.use(options, (adapter) => adapter.run(sql, options));
  }

  runScript(sql: string, options?: RunOptions) {
    return this.use(options, (adapter) => adapter.runScript(sql, options));
  }

  serverFacts(options?: RunOptions) {
    return this.use(options, (adapter) => adapter.serverFacts(options));
  }

  /** The stream holds the turn (if any) until it ends, fails or is closed. */
  async stream(sql: string, options?: Parameters<Adapter['stream']>[1]): Promise<RowStream> {
    const adapter = this.opened !== null && this.closing === null ? this.opened : await this.adapter();
    const done = this.turns === null ? NO_TURN : await this.takeTurn(this.turns, options);
    try {
      return this.wrapStream(await adapter.stream(sql, options), done);
    } catch (error) {
      done();
      throw asAdapterError(error, this.dsn);
    }
  }

  /** The session holds the turn (if any) until it is released. */
  async session(options: { signal?: AbortSignal } = {}): Promise<Session> {
    const adapter = this.opened !== null && this.closing === null ? this.opened : await this.adapter();
    const done = this.turns === null ? NO_TURN : await this.takeTurn(this.turns, options);
    try {
      return this.wrapSession(await adapter.session(options), done);
    } catch (error) {
      done();
      throw asAdapterError(error, this.dsn);
    }
  }

  poolSnapshot(): PoolSnapshot {
    const { pool } = this.dsn;
    const inner = this.opened?.poolSnapshot() ?? {
      ...{ open: 0, idle: 0, inUse: 0, waiting: 0 },
      ...{ maxConns: pool.maxConns, maxIdleConns: pool.maxIdleConns },
      ...{ maxConnLifetimeMs: pool.maxConnLifetimeMs, maxConnIdleTimeMs: pool.maxConnIdleTimeMs },
    };
    if (this.turns === null) return inner;
    // One connection lent by turns: in use while a turn is held, the queue is the turns'.
    const turns = this.turns.snapshot();
    const inUse = turns.inUse > 0 ? inner.open : 0;
    return { ...inner, idle: inner.open - inUse, inUse, waiting: turns.waiting };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      void this.turns?.close(); // fails every queued caller
      await this.opening?.catch(() => undefined);
      try {
        await this.opened?.close();
      } catch (error) {
        throw asAdapterError(error, this.dsn);
      }
    })();
    return this.closing;
  }

  /** The backend's adapter, opened once (shared by concurrent first uses). */
  private adapter(): Promise<Adapter> {
    if (this.closing) return Promise.reject(this.closedError());
    if (this.opened) return Promise.resolve(this.opened);
    this.opening ??= this.target.open().then(
      (adapter) => {
        this.opening = null;
        this.opened = adapter; // close() closes it, also when it was called during the open
        if (this.closing) throw this.closedError();
        return adapter;
      },
      (error: unknown) => {
        this.opening = null; // the next use tries again
        throw asAdapterError(error, this.dsn);
      },
    );
    return this.opening;
  }

  /**
   * Runs `work` on the opened adapter within a turn. An adapter already open is used without a
   * pause, so a caller queues in the pool (or for the turn) as soon as it calls.
   */
  private async use<T>(options: Lock | undefined, work: (adapter: Adapter) => Promise<T>): Promise<T> {
    const adapter = this.opened !== null && this.closing === null ? this.opened : await this.adapter();
    const done = this.turns === null ? NO_TURN : await this.takeTurn(this.turns, options);
    try {
      return await work(adapter);
    } catch (error) {
      throw asAdapterError(error, this.dsn);
    } finally {
      done();
    }
  }

  /**
   * Waits for the one connection where there is only one; returns how to give the turn back
   * (once). Callers skip it without a pause where there is no lock (NO_TURN).
   */
  private async takeTurn(turns: ConnectionPool<Turn>, options: Lock | undefined): Promise<() => void> {
    const turn = await turns.acquire(options?.signal, options?.ifConnectionFree === true);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      turns.release(turn);
    };
  }

  private wrapIntrospector(): Introspector {
    const target = this.target;
    const runtime = this;
    return {
      get nameCase() {
        return runtime.opened?.introspect.nameCase ?? target.nameCase;
      },
      schemas: (options) => this.use(options, (adapter) => adapter.introspect.schemas(options)),
      tables: (schema, options) => this.use(options, (adapter) => adapter.introspect.tables(schema, options)),
      columns: (table, schema, options) => this.use(options, (adapter) => adapter.introspect.columns(table, schema, options)),
      describe: (relation, options) => this.use(options, (adapter) => adapter.introspect.describe(relation, options)),
      indexes: (options) => this.use(options, (adapter) => adapter.introspect.indexes(options)),
      functions: (options) => this.use(options, (adapter) => adapter.introspect.functions(options)),
    };
  }

  /** A session whose calls fail clearly once the adapter is closed; `done` runs once on release. */
  private wrapSession(session: Session, done: () => void): Session {
    const guard = async <T>(work: () => Promise<T>): Promise<T> => {
      if (this.closing) throw this.closedError();
      try {
        return await work();
      } catch (error) {
        throw asAdapterError(error, this.dsn);
      }
    };
    const wrapped: Session = {
      run: (sql, options) => guard(() => session.run(sql, options)),
      runScript: (sql, options) => guard(() => session.runScript(sql, options)),
      stream: (sql, options) => guard(async () => this.wrapStream(await session.stream(sql, options), () => undefined)),
      transactionState: () => session.transactionState(),
      async release() {
        try {
          await session.release();
        } finally {
          done();
        }
      },
    };
    const { held, copyCsv } = session;
    if (held) wrapped.held = () => held.call(session);
    if (copyCsv) wrapped.copyCsv = (sql, write, options) => guard(() => copyCsv.call(session, sql, write, options));
    return wrapped;
  }

  /**
   * A stream whose failures are AdapterErrors and that reads no more once the adapter is closed;
   * `done` runs once when it ends, fails or is closed.
   */
  private wrapStream(stream: RowStream, done: () => void): RowStream {
    const dsn = this.dsn;
    const open = async () => {
      if (this.closing === null) return;
      await stream.close().catch(() => undefined);
      done();
      throw this.closedError();
    };
    const iterate = <T>(source: AsyncIterable<T>): AsyncIterable<T> => ({
      [Symbol.asyncIterator]() {
        const iterator = source[Symbol.asyncIterator]();
        return {
          async next() {
            await open();
            try {
              const step = await iterator.next();
              if (step.done) done();
              return step;
            } catch (error) {
              done();
              throw asAdapterError(error, dsn);
            }
          },
          async return(value?: unknown) {
            try {
              await iterator.return?.(value);
            } finally {
              done();
            }
            return { done: true, value: undefined };
          },
        };
      },
    });
    const wrapped: RowStream = {
      get columns() {
        return stream.columns;
      },
      ...iterate(stream),
      async close() {
        try {
          await stream.close();
        } finally {
          done();
        }
      },
    };
    const { jsonChunks, tail } = stream;
    const extras: { jsonChunks?: RowStream['jsonChunks']; tail?: RowStream['tail'] } = {};
    if (jsonChunks) extras.jsonChunks = () => iterate(jsonChunks.call(stream));
    if (tail) {
      extras.tail = async (keep, limit) => {
        await open();
        try {
          const result = await tail.call(stream, keep, limit);
          if (result.done) done();
          return result;
        } catch (error) {
          done();
          throw asAdapterError(error, dsn);
        }
      };
    }
    return Object.assign(wrapped, extras);
  }

  private closedError(): AdapterError {
    return closedError(this.backend);
  }
}

function requireActivity(adapter: Adapter): ServerActivity {
  if (adapter.activity) return adapter.activity;
  throw new AdapterError('other', adapter.backend, 'This backend lists no server sessions.');
}

function requireCopy(adapter: Adapter): NonNullable<Adapter['copyCsv']> {
  if (adapter.copyCsv) return adapter.copyCsv.bind(adapter);
  throw new AdapterError('other', adapter.backend, 'This backend has no server-side CSV.');
}

/** The one connection of a backend without concurrent sessions, lent by turns through the shared pool. */
function oneTurnAtATime(backend: Backend, closedError: () => AdapterError): ConnectionPool<Turn> {
  const driver: PoolDriver<Turn> = {
    backend,
    open: () => Promise.resolve({}),
    close: () => Promise.resolve(),
    destroy: () => undefined,
    watch: () => undefined,
    holdsProcess: () => undefined,
    idleLetsProcessExit: false,
    retireOlderOnBroken: false,
    closeLentOnClose: false,
    cancelledError: () => new AdapterError('cancelled', backend, 'Cancelled while waiting for the database connection.'),
    // A background reader never queues for the one connection (RunOptions.ifConnectionFree).
    busyError: () =>
      new AdapterError('busy', backend, "paused: the only connection is the session's", {
        hint: 'It is free again once the statement, stream or transaction ends.',
      }),
    closedError,
  };
  // One turn at a time; the turn itself is kept (a turn costs nothing to keep).
  return new ConnectionPool({ maxConns: 1, maxIdleConns: 1, maxConnLifetimeMs: 0, maxConnIdleTimeMs: 0 }, driver);
}
