// The PostgreSQL / CockroachDB adapter: one pg pool behind the Adapter contract. Loaded lazily by
// its module (postgres-module.ts), so `pg` is only imported when a postgres or cockroach DSN is used.
import type { Client } from 'pg';
import type { PostgresDsn } from '../../dsn/types.js';
import type { Adapter, RowStream, RunOptions, ServerFacts, Session, StatementResult, StreamOptions } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import { backendOf, withCancel } from './pg-cancel.js';
import { postgresCapabilities } from './pg-capabilities.js';
import { copyCsvCancellable, streamWriter } from './pg-copy-csv.js';
import { openCursorStream } from './pg-cursor-stream.js';
import { toAdapterError } from './pg-error-mapping.js';
import { postgresActivity } from './pg-activity.js';
import { postgresIntrospector } from './pg-introspector.js';
import { readServerFacts } from './pg-server-facts.js';
import { PgSession } from './pg-session.js';
import { planSsl } from './pg-ssl-options.js';
import { runStatements, typeNamesFor } from './pg-statement.js';
import { openNegotiatedPool } from './pg-tls-negotiation.js';
import { attemptDetails } from './pg-attempting-client.js';

const DEFAULT_CHUNK = 1000;

export async function openPostgresAdapter(dsn: PostgresDsn): Promise<Adapter> {
  const plan = planSsl(dsn);
  const pool = await openNegotiatedPool(dsn, plan);
  const typeCache = new Map<number, string>();
  const release = (client: Client, broken: boolean) => pool.release(client, broken);

  async function acquire(signal?: AbortSignal, ifFree = false): Promise<Client> {
    try {
      return await pool.acquire(signal, ifFree);
    } catch (error) {
      throw toAdapterError(error, { dsn, aborted: signal?.aborted === true });
    }
  }

  /** Runs `work` on a pooled connection, discarding the connection if it turned out dead. */
  async function withClient<T>(options: RunOptions, work: (client: Client) => Promise<T>): Promise<T> {
    const { signal } = options;
    const client = await acquire(signal, options.ifConnectionFree === true);
    let broken = false;
    try {
      return await withCancel(dsn, backendOf(client), signal, () => work(client));
    } catch (error) {
      broken = error instanceof AdapterError && error.kind === 'connect';
      throw error;
    } finally {
      release(client, broken);
    }
  }

  const runScript = (sql: string, options: RunOptions = {}): Promise<StatementResult[]> =>
    withClient(options, (client) => runStatements(client, sql, options.params, typeNamesFor(client, typeCache), options.serverText));

  const run = async (sql: string, options: RunOptions = {}): Promise<StatementResult> => {
    const results = await runScript(sql, options);
    return results[results.length - 1] ?? { columns: [], rows: [], affectedRows: null, command: null, elapsedMs: 0 };
  };

  const adapter: Adapter = {
    backend: dsn.backend,
    dsn,
    capabilities: postgresCapabilities(dsn),
    run,
    runScript,

    async stream(sql: string, options: StreamOptions = {}): Promise<RowStream> {
      const client = await acquire(options.signal, options.ifConnectionFree === true);
      return openCursorStream({
        dsn,
        client,
        sql,
        ...(options.params ? { params: options.params } : {}),
        chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
        ...(options.signal ? { signal: options.signal } : {}),
        typeNames: typeNamesFor(client, typeCache),
        serverText: options.serverText === true,
        onClose: (broken) => release(client, broken),
      });
    },

    async session(options = {}): Promise<Session> {
      const client = await acquire(options.signal);
      return new PgSession({ dsn, typeCache, release }, client);
    },

    async copyCsv(sql, sink, options = {}) {
      if (options.params && options.params.length > 0) {
        throw new AdapterError('other', dsn.backend, 'COPY cannot take statement parameters', {
          hint: 'Write the values into the query, or use run/stream with parameters.',
        });
      }
      const client = await acquire(options.signal);
      let broken = false;
      try {
        return await copyCsvCancellable(dsn, client, sql, streamWriter(sink), options);
      } catch (error) {
        broken = error instanceof AdapterError && error.kind === 'connect';
        throw error;
      } finally {
        release(client, broken);
      }
    },

    poolSnapshot: () => pool.snapshot(),

    async serverFacts(options: RunOptions = {}): Promise<ServerFacts> {
      return withClient(options, async (client) => {
        const facts = await readServerFacts(client, dsn, { verifiesHost: plan.verifiesHost });
        Object.assign(facts.details, attemptDetails(client));
        return facts;
      });
    },

    introspect: postgresIntrospector(run),
    activity: postgresActivity(dsn, run),
    close: () => pool.close(),
  };
  return adapter;
}
