// libpq sslmode semantics against a real TLS server: a throw-away cluster with `ssl = on` that
// accepts TLS connections only, a test CA and a certificate for `localhost` (no IP address).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openPostgresAdapter } from '../../source/adapters/postgres/postgres-adapter.js';
import { pgDsn, type PgDsnOptions } from '../helpers/pg-dsn.js';
import { CLIENT_CERT_DATABASE, startTlsCluster, type TlsCluster } from '../helpers/pg-tls-cluster.js';
import { availability } from '../helpers/servers.js';

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    const adapter = await promise;
    await (adapter as Adapter).close();
  } catch (error) {
    expect(error).toBeInstanceOf(AdapterError);
    return error as AdapterError;
  }
  throw new Error('expected the connection to fail');
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function tlsOf(options: PgDsnOptions): Promise<{ encrypted: boolean; verified: boolean; details: Record<string, string> }> {
  const adapter = await openPostgresAdapter(pgDsn({ database: 'postgres', ...options }));
  try {
    const facts = await adapter.serverFacts();
    expect((await adapter.run('SELECT 1')).rows).toEqual([[1]]);
    if (!facts.tls.ok) throw new Error(facts.tls.reason);
    return { ...facts.tls.value, details: facts.details };
  } finally {
    await adapter.close();
  }
}

describe.skipIf(!availability().postgres)('postgres adapter: TLS against a real ssl = on cluster', () => {
  let cluster: TlsCluster;
  const at = (host: 'localhost' | '127.0.0.1', options: PgDsnOptions): PgDsnOptions => ({ host, port: cluster.port, ...options });

  beforeAll(async () => {
    cluster = await startTlsCluster('hostssl-only');
  });
  afterAll(() => cluster?.stop());

  it('verify-full succeeds with the right CA and checks the chain and the host name', async () => {
    const tls = await tlsOf(at('localhost', { sslmode: 'verify-full', sslrootcert: cluster.pki.caCert }));
    expect(tls).toMatchObject({ encrypted: true, verified: true });
    expect(tls.details.host_name_checked).toBe('yes');
  });

  it('cancels a statement on a TLS connection to a server that accepts only TLS', async () => {
    const adapter = await openPostgresAdapter(
      pgDsn(at('localhost', { database: 'postgres', sslmode: 'verify-full', sslrootcert: cluster.pki.caCert })),
    );
    try {
      const controller = new AbortController();
      const sleeping = adapter.run('SELECT pg_sleep(30)', { signal: controller.signal });
      await waitFor(
        async () =>
          (await adapter.run("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'"))
            .rows[0]![0] !== '0',
      );
      controller.abort();
      await expect(sleeping).rejects.toMatchObject({ kind: 'cancelled' });
      expect((await adapter.run('SELECT 1')).rows).toEqual([[1]]);
    } finally {
      await adapter.close();
    }
  });

  it('verify-full fails with a certificate from another CA', async () => {
    const error = await failure(
      openPostgresAdapter(pgDsn(at('localhost', { sslmode: 'verify-full', sslrootcert: cluster.pki.otherCaCert }))),
    );
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/TLS with localhost:\d+ failed/);
  });

  it('verify-ca accepts a localhost certificate reached as 127.0.0.1, where verify-full refuses it', async () => {
    expect(await tlsOf(at('127.0.0.1', { sslmode: 'verify-ca', sslrootcert: cluster.pki.caCert }))).toMatchObject({
      encrypted: true,
      verified: true,
    });
    const error = await failure(openPostgresAdapter(pgDsn(at('127.0.0.1', { sslmode: 'verify-full', sslrootcert: cluster.pki.caCert }))));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/127\.0\.0\.1/);
  });

  it('verify-ca still checks the chain', async () => {
    const error = await failure(
      openPostgresAdapter(pgDsn(at('127.0.0.1', { sslmode: 'verify-ca', sslrootcert: cluster.pki.otherCaCert }))),
    );
    expect(error.kind).toBe('tls');
  });

  it('require encrypts without a CA and without verifying', async () => {
    expect(await tlsOf(at('127.0.0.1', { sslmode: 'require' }))).toMatchObject({ encrypted: true, verified: false });
  });

  it('require with sslrootcert verifies the chain like verify-ca (libpq)', async () => {
    expect(await tlsOf(at('127.0.0.1', { sslmode: 'require', sslrootcert: cluster.pki.caCert }))).toMatchObject({
      encrypted: true,
      verified: true,
    });
    const error = await failure(openPostgresAdapter(pgDsn(at('127.0.0.1', { sslmode: 'require', sslrootcert: cluster.pki.otherCaCert }))));
    expect(error.kind).toBe('tls');
  });

  it('prefer uses TLS when the server offers it', async () => {
    const tls = await tlsOf(at('localhost', { sslmode: 'prefer' }));
    expect(tls.encrypted).toBe(true);
    expect(tls.details.transport_fallback).toBeUndefined();
  });

  it('prefer falls back to plaintext against the shared non-TLS server', async () => {
    const tls = await tlsOf({ sslmode: 'prefer' });
    expect(tls.encrypted).toBe(false);
    expect(tls.details.transport_fallback).toMatch(/without TLS because TLS failed \(The server does not support SSL connections\)/);
  });

  it('allow tries plaintext first and uses TLS when the server accepts only TLS', async () => {
    const allowed = await tlsOf(at('127.0.0.1', { sslmode: 'allow' }));
    expect(allowed.encrypted).toBe(true);
    expect(allowed.details.transport_fallback).toMatch(/with TLS because the plaintext connection was refused/);
    expect((await tlsOf({ sslmode: 'allow' })).encrypted).toBe(false);
  });

  it('disable against a server that accepts only TLS fails with a clear message', async () => {
    const error = await failure(openPostgresAdapter(pgDsn(at('127.0.0.1', { sslmode: 'disable' }))));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/accepts only TLS/);
    expect(error.hint).toMatch(/sslmode/);
  });

  it("no sslmode reaches the plaintext server without TLS (pgx's default prefer; issue 15 item 1)", async () => {
    const tls = await tlsOf({ sslmodeDefaulted: true });
    expect(tls.encrypted).toBe(false);
    expect(tls.details.transport_fallback).toMatch(/without TLS because TLS failed/);
    expect(tls.details.sslmode).toBe('prefer (default)');
  });

  it('no sslmode uses TLS, unverified, where the server offers it', async () => {
    expect(await tlsOf(at('127.0.0.1', { sslmodeDefaulted: true }))).toMatchObject({ encrypted: true, verified: false });
  });

  it('sslmode=require refuses a plaintext server and says how to proceed', async () => {
    const error = await failure(openPostgresAdapter(pgDsn({ sslmode: 'require' })));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/refused TLS/);
    expect(error.hint).toMatch(/sslmode=disable/);
  });

  it('sslcert and sslkey are presented to a server that demands a client certificate', async () => {
    const withCert = { sslmode: 'verify-full', sslrootcert: cluster.pki.caCert, database: CLIENT_CERT_DATABASE } as const;
    const tls = await tlsOf(at('localhost', { ...withCert, sslcert: cluster.pki.otherCert, sslkey: cluster.pki.otherKey }));
    expect(tls).toMatchObject({ encrypted: true, verified: true });
    const refused = await failure(openPostgresAdapter(pgDsn(at('localhost', withCert))));
    expect(refused.kind).toBe('tls');
    expect(refused.message).toMatch(/requires a client certificate/);
    expect(refused.hint).toMatch(/sslcert=.*sslkey=/);
  });

  it('bad certificate paths name the parameter and the path', async () => {
    const missing = join(cluster.pki.dir, 'missing.crt');
    const notPem = join(cluster.pki.dir, 'not-pem.crt');
    writeFileSync(notPem, 'hello\n');
    const cases: [PgDsnOptions, RegExp][] = [
      [{ sslmode: 'verify-full', sslrootcert: missing }, /sslrootcert: the file .*missing\.crt does not exist/],
      [{ sslmode: 'verify-full', sslrootcert: notPem }, /sslrootcert: the file .*not-pem\.crt is not in PEM format/],
      [{ sslmode: 'require', sslcert: missing, sslkey: cluster.pki.otherKey }, /sslcert: the file .*missing\.crt does not exist/],
      [{ sslmode: 'require', sslcert: cluster.pki.otherCert, sslkey: notPem }, /sslkey: the file .*not-pem\.crt is not in PEM/],
    ];
    // pgx refuses a certificate without its key when it parses the DSN: a DSN error, before any connection.
    expect(() => pgDsn(at('localhost', { sslmode: 'require', sslcert: cluster.pki.otherCert }))).toThrow(/sslcert is given without sslkey/);
    for (const [options, message] of cases) {
      const error = await failure(openPostgresAdapter(pgDsn(at('localhost', options))));
      expect(error.kind).toBe('tls');
      expect(error.message).toMatch(message);
    }
  });

  it('verify-full without sslrootcert checks against the trusted system roots, as pgx (Go) does', async () => {
    // The test CA is not among them, so the chain fails; the hint names sslrootcert.
    const error = await failure(openPostgresAdapter(pgDsn(at('localhost', { sslmode: 'verify-full' }))));
    expect(error.kind).toBe('tls');
    expect(error.hint).toMatch(/sslrootcert/);
  });
});
