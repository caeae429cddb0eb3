// The connection the user's statements run on. On backends with concurrent connections it is one
// session held for the whole console (transactions, SET, temp tables persist). On a
// single-connection backend (SQLite) holding it would starve the live panels, so it is taken per
// statement and given back as soon as no transaction or result stream needs it. A lost
// connection is reported with what it took along (the open transaction, session settings) and
// dropped; the next statement opens a new session, read-only again when asked. A signal that
// ends the console first cancels the statement running on the server.
import type { Adapter, Session, TransactionState } from '../../adapters/adapter.js';
import { isLostConnection } from '../../session/lost-connection.js';
import { openUserSession } from '../../session/open-session-target.js';
import { beforeSignalExit } from '../signal-cleanup.js';
import { userSession, type UserSessionGuard } from '../../session/user-session.js';

export class ConsoleSession {
  private session: Session | null = null;
  private acquiring: Promise<Session> | null = null;
  private readonly guard: UserSessionGuard = { terminating: new AbortController(), running: new Set() };
  private readonly stopWatching: () => void;
  /** The current database a USE chose on this session; null: the DSN's (a new session starts there) */
  database: string | null = null;
  /** PostgreSQL: the session's search_path as last read after a statement could change it; null: the DSN's */
  searchPath: string | null = null;

  constructor(
    readonly adapter: Adapter,
    private readonly readOnly = false,
  ) {
    this.stopWatching = beforeSignalExit(() => this.cancelRunning());
  }

  /** SIGTERM and co.: cancel what runs on the server (the adapters do it on abort) and wait for it. */
  private async cancelRunning(): Promise<void> {
    this.guard.terminating.abort(new Error('terminating'));
    await Promise.allSettled([...this.guard.running]);
  }

  private get keepOpen(): boolean {
    return this.adapter.capabilities.concurrentSessions;
  }

  /** True while the connection is held by the user (single-connection backends: others must wait) */
  get holding(): boolean {
    return this.session !== null || this.acquiring !== null;
  }

  /** Other readers (panels, completion, \dt) would wait for the user's connection */
  get othersMustWait(): boolean {
    return !this.keepOpen && this.holding;
  }

  async acquire(): Promise<Session> {
    if (this.session) return this.session;
    this.acquiring ??= (async () => {
      // --read-only / a read-only profile: the server refuses writes, the guard what would turn that off.
      const opened = await openUserSession(this.adapter, this.readOnly);
      const session = userSession(opened, { adapter: this.adapter, readOnly: this.readOnly, guard: this.guard });
      this.session = session;
      return session;
    })().finally(() => {
      this.acquiring = null;
    });
    return this.acquiring;
  }

  transactionState(): TransactionState {
    return this.session?.transactionState() ?? 'idle';
  }

  /** After a statement or its stream ended: give a single connection back unless a transaction is open. */
  async settle(): Promise<void> {
    if (this.keepOpen || this.session === null || this.session.transactionState() !== 'idle') return;
    const session = this.session;
    this.session = null;
    await session.release().catch(() => undefined);
  }

  /** After a USE: reads the session's current database with `statement` (SELECT DATABASE()). */
  async readDatabase(statement: string): Promise<void> {
    try {
      const value = (await (await this.acquire()).run(statement)).rows[0]?.[0];
      this.database = typeof value === 'string' ? value : null;
    } catch {
      // the statement's own outcome already says what went wrong with the connection
    }
  }

  /** After SET search_path and co.: reads the session's path with `statement` (current_setting). */
  async readSearchPath(statement: string): Promise<void> {
    try {
      // Inside the user's transaction too (a SET LOCAL counts): never listed as one of its statements.
      const value = (await (await this.acquire()).run(statement, { ownRead: true })).rows[0]?.[0];
      this.searchPath = typeof value === 'string' ? value : null;
    } catch {
      // the statement's own outcome already says what went wrong with the connection
    } finally {
      await this.settle();
    }
  }

  /** After a failure: a lost connection is dropped so the next statement starts on a fresh one. */
  async afterError(error: unknown): Promise<void> {
    if (!isLostConnection(error) || this.session === null) return;
    const session = this.session;
    this.session = null;
    this.database = null;
    this.searchPath = null;
    await session.release().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.stopWatching();
    const session = this.session;
    this.session = null;
    await session?.release().catch(() => undefined);
  }
}
