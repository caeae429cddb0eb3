// A node-postgres client that connects as pgx does, per connection: it walks the attempts of
// pg-connect-plan.ts (hosts × transports) until one connects and, with target_session_attrs, the
// server passes its check (prefer-standby: a primary is kept as a last resort). node-postgres
// cannot reconnect a client, so a failed attempt's connection is detached and the client's state
// rebuilt from a fresh client before the next one; the pool only ever sees one client.
import pg from 'pg';
import type { ClientConfig } from 'pg';
import { targetSessionCheck } from '../../dsn/session-statements.js';
import type { PostgresDsn } from '../../dsn/types.js';
import { connectionConfig } from './pg-connection-config.js';
import { describeAttempt, stopsFurtherAttempts, type ConnectAttempt } from './pg-connect-plan.js';

/** What a connected client went through; serverFacts reports it. */
export interface AttemptRecord {
  attempt: ConnectAttempt;
  /** Attempts that failed before this one, with why */
  failed: { attempt: ConnectAttempt; reason: string }[];
}

/** Every attempt failed: the last error, with what each attempt said. */
export interface AttemptsFailed extends Error {
  code?: string;
  attempts?: { attempt: string; reason: string }[];
}

type ConnectCallback = (error: Error | null) => void;
type Internal = {
  _connect(callback: ConnectCallback): void;
  connection: {
    removeAllListeners(): void;
    on(event: string, listener: () => void): void;
    stream?: { destroy(): void; on(event: string, listener: () => void): void };
  };
  _ended: boolean;
};

const EMITTER_STATE = new Set<string | symbol>(['_events', '_eventsCount', '_maxListeners']);

export function attemptingClientClass(dsn: PostgresDsn, attempts: readonly ConnectAttempt[]): new (config?: ClientConfig) => pg.Client {
  const check = targetSessionCheck(dsn);
  const configs = attempts.map((attempt) => connectionConfig(dsn, attempt));

  return class AttemptingClient extends pg.Client {
    attemptRecord: AttemptRecord | null = null;
    /** 'end' events of abandoned attempts, which the pool must not see */
    private swallowEnds = 0;

    constructor() {
      super(configs[0]);
    }

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'end' && this.swallowEnds > 0) {
        this.swallowEnds -= 1;
        return false;
      }
      return super.emit(event, ...args);
    }

    /** node-postgres' connect(callback) and connect() both come here. */
    _connect(callback: ConnectCallback): void {
      void this.walk().then(
        () => callback(null),
        (error: Error) => callback(error),
      );
    }

    private async walk(): Promise<void> {
      const failed: AttemptRecord['failed'] = [];
      let lastError: AttemptsFailed | null = null;
      let notPreferred: number | null = null;
      for (let index = 0; index < attempts.length; index++) {
        if (index > 0 || failed.length > 0) this.rebuild(configs[index]!);
        const error = await this.connectOnce();
        if (error) {
          failed.push({ attempt: attempts[index]!, reason: error.message });
          lastError = error;
          if (stopsFurtherAttempts(error)) break;
          continue;
        }
        const verdict = check === null ? 'ok' : await this.judge(check);
        if (verdict === 'ok') {
          this.attemptRecord = { attempt: attempts[index]!, failed };
          return;
        }
        if (verdict === 'not-preferred' && notPreferred === null) notPreferred = index;
        failed.push({ attempt: attempts[index]!, reason: verdict === 'not-preferred' ? 'not a standby' : verdict });
        lastError = Object.assign(new Error(`no host is acceptable for target_session_attrs=${dsn.targetSessionAttrs}`), {
          code: 'target_session_attrs',
        });
        await this.abandon();
      }
      if (notPreferred !== null) {
        // pgx's prefer-standby: no standby answered, so the first primary that did is used.
        this.rebuild(configs[notPreferred]!);
        const error = await this.connectOnce();
        if (!error) {
          this.attemptRecord = { attempt: attempts[notPreferred]!, failed };
          return;
        }
        lastError = error;
      }
      const final: AttemptsFailed = lastError ?? new Error('no connection attempt was made');
      final.attempts = failed.map(({ attempt, reason }) => ({ attempt: describeAttempt(attempt), reason }));
      throw final;
    }

    private connectOnce(): Promise<AttemptsFailed | null> {
      const self = this as unknown as Internal;
      const connection = self.connection;
      return new Promise((resolve) => {
        (pg.Client.prototype as unknown as Internal)._connect.call(this, (error: Error | null) => {
          if (!error) return resolve(null);
          // The client's own 'end' for this attempt is already scheduled when the socket ended first.
          if (self._ended) this.swallowEnds += 1;
          connection.removeAllListeners();
          connection.on('error', () => undefined);
          connection.stream?.on('error', () => undefined);
          connection.stream?.destroy();
          resolve(error as AttemptsFailed);
        });
      });
    }

    /** pgx's ValidateConnect for target_session_attrs. */
    private async judge(sql: string): Promise<'ok' | 'not-preferred' | string> {
      const result = await this.query({ text: sql, rowMode: 'array' }).catch((error: Error) => error);
      if (result instanceof Error) return `the check ${sql} failed: ${result.message}`;
      const value = String((result.rows as unknown[][])[0]?.[0] ?? '');
      const readOnly = value === 'on';
      const inRecovery = value === 't' || value === 'true';
      switch (dsn.targetSessionAttrs) {
        case 'read-write':
          return readOnly ? 'read only connection' : 'ok';
        case 'read-only':
          return readOnly ? 'ok' : 'connection is not read only';
        case 'primary':
          return inRecovery ? 'server is in standby mode' : 'ok';
        case 'standby':
          return inRecovery ? 'ok' : 'server is not in hot standby mode';
        case 'prefer-standby':
          return inRecovery ? 'ok' : 'not-preferred';
        case 'any':
          return 'ok';
      }
    }

    /** Closes a connected but unacceptable server's connection; its 'end' stays ours. */
    private async abandon(): Promise<void> {
      const connection = (this as unknown as Internal).connection;
      this.swallowEnds += 1;
      await this.end().catch(() => undefined);
      connection.removeAllListeners();
      connection.on('error', () => undefined);
    }

    /** A client that never connected, in place: a failed client cannot connect again. */
    private rebuild(config: ClientConfig): void {
      const fresh = new pg.Client(config);
      for (const key of Reflect.ownKeys(fresh)) {
        if (typeof key === 'symbol' || EMITTER_STATE.has(key)) continue;
        Object.defineProperty(this, key, Object.getOwnPropertyDescriptor(fresh, key)!);
      }
    }
  } as unknown as new (config?: ClientConfig) => pg.Client;
}

/** What serverFacts says about how this connection was reached; empty when the first attempt worked. */
export function attemptDetails(client: object): Record<string, string> {
  const record = (client as { attemptRecord?: AttemptRecord | null }).attemptRecord;
  if (!record || record.failed.length === 0) return {};
  const { attempt, failed } = record;
  const details: Record<string, string> = {};
  const sameHost = failed.filter((entry) => entry.attempt.host === attempt.host && entry.attempt.port === attempt.port);
  const lastOnHost = sameHost.at(-1);
  if (lastOnHost) {
    details.transport_fallback =
      attempt.tls === false
        ? `connected without TLS because TLS failed (${lastOnHost.reason})`
        : `connected with TLS because the plaintext connection was refused (${lastOnHost.reason})`;
  }
  const otherHosts = failed.filter((entry) => !sameHost.includes(entry));
  if (otherHosts.length > 0)
    details.host_fallback = `connected to ${describeAttempt(attempt)} after ${otherHosts.map((entry) => `${describeAttempt(entry.attempt)}: ${entry.reason}`).join('; ')}`;
  return details;
}
