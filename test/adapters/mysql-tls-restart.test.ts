// TLS modes and server restarts against a MariaDB server this suite starts itself (own data
// directory, port and test CA), never the shared :3306 server, which has TLS disabled and so
// serves as the plaintext server here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { MysqlDsn } from '../../source/dsn/types.js';
import { canStartMariadb, createMariadbInstance, type MariadbInstance } from '../helpers/mariadb-instance.js';
import { waitUntil } from '../helpers/mariadb-test-db.js';
import { probe, removeProbe } from '../helpers/mariadb-tls-probe-runner.js';
import { MYSQL_HOST, MYSQL_PORT, availability } from '../helpers/servers.js';

function dsn(text: string): MysqlDsn {
  const parsed = parseDsn(text);
  if (parsed.backend !== 'mysql') throw new Error('expected a mysql DSN');
  return parsed;
}

describe.skipIf(!availability().mysql || !canStartMariadb())('MySQL TLS modes and restarts (private MariaDB)', () => {
  let server: MariadbInstance;
  const at = (host: string, query: string) => `mysql://root@tcp(${host}:${server.port})/mysql?${query}`;
  const shared = (query: string) => `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/test?${query}`;

  beforeAll(async () => {
    server = await createMariadbInstance({ tls: true });
    await server.start();
  }, 60_000);

  afterAll(async () => {
    removeProbe();
    await server?.destroy();
  });

  async function tlsOf(text: string) {
    const adapter = await openMysqlAdapter(dsn(text));
    try {
      return (await adapter.serverFacts()).tls;
    } finally {
      await adapter.close();
    }
  }

  it('tls=skip-verify encrypts without checking the certificate', async () => {
    expect(await tlsOf(at('127.0.0.1', 'tls=skip-verify'))).toEqual({ ok: true, value: { encrypted: true, verified: false } });
  });

  it('tls=preferred uses TLS when offered and falls back to plaintext when not', async () => {
    expect(await tlsOf(at('127.0.0.1', 'tls=preferred'))).toEqual({ ok: true, value: { encrypted: true, verified: false } });
    expect(await tlsOf(shared('tls=preferred'))).toEqual({ ok: true, value: { encrypted: false, verified: false } });
  });

  it('tls=false stays plaintext; tls=true refuses a server without TLS', async () => {
    expect(await tlsOf(at('127.0.0.1', 'tls=false'))).toEqual({ ok: true, value: { encrypted: false, verified: false } });
    await expect(openMysqlAdapter(dsn(shared('tls=true')))).rejects.toMatchObject({ kind: 'tls', code: 'HANDSHAKE_NO_SSL_SUPPORT' });
  });

  it('tls=true verifies the chain against trusted CAs and the host name', async () => {
    // Not trusted by this process: the test CA is not a system CA.
    await expect(openMysqlAdapter(dsn(at('localhost', 'tls=true')))).rejects.toMatchObject({ kind: 'tls' });
    // Trusted (in a child process with the CA added): verified, and the host name matches.
    expect(await probe(at('localhost', 'tls=true'), server.caFile)).toEqual({
      ok: true,
      tls: { ok: true, value: { encrypted: true, verified: true } },
    });
    // The certificate names localhost only: connecting by address fails the name check.
    expect(await probe(at('127.0.0.1', 'tls=true'), server.caFile)).toMatchObject({ ok: false, kind: 'tls' });
    // Another CA trusted instead of the right one: the chain does not verify.
    expect(await probe(at('localhost', 'tls=true'), server.otherCaFile)).toMatchObject({ ok: false, kind: 'tls' });
  }, 60_000);

  it('tls=false against a server that requires secure transport fails, and the hint names tls', async () => {
    const admin = await openMysqlAdapter(dsn(at('127.0.0.1', 'tls=skip-verify')));
    try {
      await admin.run('SET GLOBAL require_secure_transport = ON');
      const error = await openMysqlAdapter(dsn(at('127.0.0.1', 'tls=false'))).then(
        () => null,
        (caught: unknown) => caught,
      );
      // MariaDB answers such a login with "access denied" (1045), not a TLS-specific error.
      expect(error).toMatchObject({ kind: 'auth', code: '1045' });
      expect((error as { hint: string }).hint).toContain('require_secure_transport), add ?tls=true');
      expect(await tlsOf(at('127.0.0.1', 'tls=skip-verify'))).toMatchObject({ value: { encrypted: true } });
    } finally {
      await admin.run('SET GLOBAL require_secure_transport = OFF');
      await admin.close();
    }
  });

  it('after a server restart: no hang, dead connections discarded, the next statements recover', async () => {
    const adapter: Adapter = await openMysqlAdapter(dsn(at('127.0.0.1', 'max_conns=3&max_idle_conns=3&timeout=2s')));
    try {
      const session = await adapter.session();
      await Promise.all([1, 2].map(() => adapter.run('SELECT SLEEP(0.01)')));
      expect(adapter.poolSnapshot().open).toBeGreaterThanOrEqual(2);

      await server.stop();
      // The dead idle connections are noticed and dropped, without an unhandled error.
      await waitUntil(() => adapter.poolSnapshot().idle === 0, 10_000, 'dead idle connections to be discarded');
      await expect(adapter.run('SELECT 1')).rejects.toMatchObject({ kind: 'connect' });
      await expect(session.run('SELECT 1')).rejects.toMatchObject({ kind: 'connect' });

      await server.start();
      const first = await adapter.run('SELECT 1').then(
        (result) => result.rows,
        (error: { kind: string }) => error.kind,
      );
      expect([[[1]], 'connect']).toContainEqual(first);
      expect((await adapter.run('SELECT 2')).rows).toEqual([[2]]);
      // A session never replaces its lost connection (that would run the next statement outside
      // its transaction, without its settings): every statement fails unsent; a new session works.
      await expect(session.run('SELECT 3')).rejects.toMatchObject({ kind: 'connect', notSent: true });
      await expect(session.run('SELECT 4')).rejects.toMatchObject({ kind: 'connect', notSent: true });
      await session.release();
      const fresh = await adapter.session();
      expect((await fresh.run('SELECT 4')).rows).toEqual([[4]]);
      await fresh.release();
    } finally {
      await adapter.close();
    }
  }, 60_000);
});
