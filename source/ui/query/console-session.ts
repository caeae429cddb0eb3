// The connection the user's statements run on. On backends with concurrent connections it is one
// session held for the whole console (transactions, SET, temp tables persist). On a
// single-connection backend (SQLite) holding it would starve the live panels, so it is taken per
// statement and given back as soon as no transaction or result stream needs it.
import type { Adapter, Session, TransactionState } from '../../adapters/adapter.js';
import { AdapterError } from '../../adapters/adapter-error.js';
import { readOnlySessionStatement } from '../../sql/read-only-session.js';

export class ConsoleSession {
  private session: Session | null = null;
  private acquiring: Promise<Session> | null = null;

  constructor(readonly adapter: Adapter, private readonly readOnly = false) {}

  private get keepOpen(): boolean { return this.adapter.capabilities.concurrentSessions; }

  /** True while the connection is held by the user (single-connection backends: others must wait) */
  get holding(): boolean { return this.session !== null || this.acquiring !== null; }

  /** Other readers (panels, completion, \dt) would wait for the user's connection */
  get othersMustWait(): boolean { return !this.keepOpen && this.holding; }

  async acquire(): Promise<Session> {
    if (this.session) return this.session;
    this.acquiring ??= (async () => {
      const session = await this.adapter.session();
      try {
        // --read-only / a read-only profile: the server refuses writes on this session.
        if (this.readOnly) await session.run(readOnlySessionStatement(this.adapter.backend));
      } catch (error) {
        await session.release().catch(() => undefined);
        throw error;
      }
      this.session = session;
      return session;
    })().finally(() => { this.acquiring = null; });
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

  /** After a failure: a lost connection is dropped so the next statement starts on a fresh one. */
  async afterError(error: unknown): Promise<void> {
    if (!(error instanceof AdapterError) || error.kind !== 'connect' || this.session === null) return;
    const session = this.session;
    this.session = null;
    await session.release().catch(() => undefined);
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    await session?.release().catch(() => undefined);
  }
}
