// The PostgreSQL / CockroachDB adapter: one pg pool behind the Adapter contract. Loaded lazily by
// open-adapter.ts, so `pg` is only imported when a postgres or cockroach DSN is used.
import type { PoolClient } from 'pg';
import type { PostgresDsn } from '../../dsn/types.js';
import type { Adapter, Capabilities, RowStream, RunOptions, ServerFacts, Session, StatementResult, StreamOptions } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import { backendOf, withCancel } from './pg-cancel.js';
import { copyCsv } from './pg-copy-csv.js';
import { openCursorStream } from './pg-cursor-stream.js';
import { toAdapterError } from './pg-error-mapping.js';
import { postgresIntrospector } from './pg-introspector.js';
import { readServerFacts } from './pg-server-facts.js';
import { PgSession } from './pg-session.js';
import { planSsl } from './pg-ssl-options.js';
import { runStatements, typeNamesFor } from './pg-statement.js';
import { openNegotiatedPool } from './pg-tls-negotiation.js';

const DEFAULT_CHUNK = 1000;

function capabilitiesFor(dsn: PostgresDsn): Capabilities {
  return {
    // Ory runs CockroachDB migrations outside transactions: treat its DDL as non-transactional.
    transactionalDdl: dsn.backend === 'postgres',
    serverSideCancel: true,
    concurrentSessions: true,
    serverCsv: true,
    schemas: true,
  };
}

export async function openPostgresAdapter(dsn: PostgresDsn): Promise<Adapter> {
  const plan = planSsl(dsn);
  const negotiated = await openNegotiatedPool(dsn, plan);
  const pool = negotiated.pool;
  const typeCache = new Map<number, string>();
  const release = (client: PoolClient, broken: boolean) => pool.release(client, broken);

  async function acquire(signal?: AbortSignal): Promise<PoolClient> {
    try {
      return await pool.acquire(signal);
    } catch (error) {
      throw toAdapterError(error, { dsn, aborted: signal?.aborted === true });
    }
  }

  /** Runs `work` on a pooled connection, discarding the connection if it turned out dead. */
  async function withClient<T>(signal: AbortSignal | undefined, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await acquire(signal);
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
    withClient(options.signal, (client) => runStatements(client, sql, options.params, typeNamesFor(client, typeCache)));

  const run = async (sql: string, options: RunOptions = {}): Promise<StatementResult> => {
    const results = await runScript(sql, options);
    return results[results.length - 1] ?? { columns: [], rows: [], affectedRows: null, command: null, elapsedMs: 0 };
  };

  const adapter: Adapter = {
    backend: dsn.backend,
    dsn,
    capabilities: capabilitiesFor(dsn),
    run,
    runScript,

    async stream(sql: string, options: StreamOptions = {}): Promise<RowStream> {
      const client = await acquire(options.signal);
      return openCursorStream({
        dsn,
        client,
        sql,
        ...(options.params ? { params: options.params } : {}),
        chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
        ...(options.signal ? { signal: options.signal } : {}),
        typeNames: typeNamesFor(client, typeCache),
        onClose: (broken) => release(client, broken),
      });
    },

    async session(options = {}): Promise<Session> {
      const client = await acquire(options.signal);
      return new PgSession({ dsn, typeCache, release }, client);
    },

    async copyCsv(sql, sink, options = {}) {
      if (options.params && options.params.length > 0) {
        throw new AdapterError('other', dsn.backend, 'COPY cannot take statement parameters', { hint: 'Write the values into the query, or use run/stream with parameters.' });
      }
      return withClient(options.signal, (client) => copyCsv(client, sql, sink, options));
    },

    poolSnapshot: () => pool.snapshot(),

    async serverFacts(options: RunOptions = {}): Promise<ServerFacts> {
      const facts = await withClient(options.signal, (client) => readServerFacts(client, dsn, { verifiesHost: plan.verifiesHost }));
      if (negotiated.fellBackBecause !== null) facts.details.transport_fallback = negotiated.fellBackBecause;
      return facts;
    },

    introspect: postgresIntrospector(run),
    close: () => pool.close(),
  };
  return adapter;
}
