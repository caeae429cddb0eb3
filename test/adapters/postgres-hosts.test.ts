// Several hosts, target_session_attrs and cockroach's default port on real servers (issue 15
// items 2 and 5), as pgx connects (pgconn.go connectPreferred, config.go ValidateConnect*): the
// shared server on 5432 and a throw-away cluster whose sessions are read-only by default (pgx
// decides read-write with `show transaction_read_only`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openPostgresAdapter } from '../../source/adapters/postgres/postgres-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { PostgresDsn } from '../../source/dsn/types.js';
import { freePort, startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { PG_HOST, PG_PORT, availability } from '../helpers/servers.js';

const open = (dsn: string) => openPostgresAdapter(parseDsn(dsn) as PostgresDsn);

async function portOf(adapter: Adapter): Promise<number> {
  return Number((await adapter.run('SELECT inet_server_port()')).rows[0]![0]);
}

async function failure(promise: Promise<Adapter>): Promise<AdapterError> {
  const outcome = await promise.then(
    async (adapter) => {
      await adapter.close();
      return null;
    },
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AdapterError);
  return outcome as AdapterError;
}

describe.skipIf(!availability().postgres)('postgres: several hosts and target_session_attrs on real servers', () => {
  let readOnly: TempCluster;
  let password: TempCluster;
  let down: number;
  beforeAll(async () => {
    readOnly = await startTempCluster();
    readOnly.psql('ALTER SYSTEM SET default_transaction_read_only = on');
    readOnly.psql('SELECT pg_reload_conf()');
    password = await startTempCluster({ hba: 'password' });
    password.psql("CREATE ROLE postgres_pw LOGIN PASSWORD 'right'");
    down = await freePort();
  });
  afterAll(() => {
    readOnly?.stop();
    password?.stop();
  });

  it('cockroach:// without a port reaches 5432 (pop rewrites it to postgres://)', async () => {
    const adapter = await open(`cockroach://postgres@${PG_HOST}/test?sslmode=disable`);
    try {
      expect(await portOf(adapter)).toBe(5432);
    } finally {
      await adapter.close();
    }
  });

  it('goes on to the next host when the first is down, and says so', async () => {
    const adapter = await open(`postgres://postgres@${PG_HOST}:${down},${PG_HOST}:${PG_PORT}/postgres?sslmode=disable&max_conns=3`);
    try {
      // every pooled connection walks the hosts on its own
      expect(await Promise.all([1, 2, 3].map(() => portOf(adapter)))).toEqual([PG_PORT, PG_PORT, PG_PORT]);
      expect((await adapter.serverFacts()).details.host_fallback).toMatch(
        new RegExp(`after ${PG_HOST}:${down} without TLS: .*ECONNREFUSED`),
      );
    } finally {
      await adapter.close();
    }
  });

  it('target_session_attrs=read-write skips a server whose sessions are read-only', async () => {
    const adapter = await open(
      `postgres://postgres@${PG_HOST}:${readOnly.port},${PG_HOST}:${PG_PORT}/postgres?sslmode=disable&target_session_attrs=read-write`,
    );
    try {
      expect(await portOf(adapter)).toBe(PG_PORT);
    } finally {
      await adapter.close();
    }
  });

  it('target_session_attrs=any (the default) takes the first host that answers', async () => {
    const adapter = await open(`postgres://postgres@${PG_HOST}:${readOnly.port},${PG_HOST}:${PG_PORT}/postgres?sslmode=disable`);
    try {
      expect(await portOf(adapter)).toBe(readOnly.port);
    } finally {
      await adapter.close();
    }
  });

  it('target_session_attrs=read-only picks the read-only server even when it is listed second', async () => {
    const adapter = await open(
      `postgres://postgres@${PG_HOST}:${PG_PORT},${PG_HOST}:${readOnly.port}/postgres?sslmode=disable&target_session_attrs=read-only`,
    );
    try {
      expect(await portOf(adapter)).toBe(readOnly.port);
    } finally {
      await adapter.close();
    }
  });

  it('prefer-standby without a standby uses the first primary; standby without one fails naming each host', async () => {
    const adapter = await open(
      `postgres://postgres@${PG_HOST}:${down},${PG_HOST}:${PG_PORT}/postgres?sslmode=disable&target_session_attrs=prefer-standby`,
    );
    try {
      expect(await portOf(adapter)).toBe(PG_PORT);
    } finally {
      await adapter.close();
    }
    const error = await failure(
      open(`postgres://postgres@${PG_HOST}:${readOnly.port},${PG_HOST}:${PG_PORT}/postgres?sslmode=disable&target_session_attrs=standby`),
    );
    expect(error.message).toMatch(/target_session_attrs=standby/);
    expect(error.message).toMatch(/tried in order: .*not in hot standby mode.*not in hot standby mode/);
  });

  it('stops at a wrong password instead of trying the next host, as pgx does (28P01)', async () => {
    const error = await failure(
      open(`postgres://postgres_pw:wrong@${PG_HOST}:${password.port},${PG_HOST}:${PG_PORT}/postgres?sslmode=disable`),
    );
    expect(error).toMatchObject({ kind: 'auth', code: '28P01' });
  });
});
