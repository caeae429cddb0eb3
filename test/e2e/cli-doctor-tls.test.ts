// `dsnsh doctor` against a throw-away PostgreSQL cluster with ssl=on and a test CA: it says
// whether TLS is in use and whether the certificate was verified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTlsCluster, type TlsCluster } from '../helpers/pg-tls-cluster.js';
import { availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

describe.skipIf(!availability().postgres)('doctor and TLS', () => {
  let cluster: TlsCluster;
  beforeAll(async () => {
    cluster = await startTlsCluster('hostssl-only');
  }, 120_000);
  afterAll(() => cluster?.stop());

  const dsn = (params: string) => `postgres://postgres@localhost:${cluster.port}/postgres?${params}`;

  it('sslmode=require (the default): in use, not verified', async () => {
    const result = await runCli(['doctor', `postgres://postgres@localhost:${cluster.port}/postgres`, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).tls).toEqual({ encrypted: true, verified: false });
  });

  it('verify-full with the CA: in use and verified', async () => {
    const result = await runCli(['doctor', dsn(`sslmode=verify-full&sslrootcert=${cluster.pki.caCert}`)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/tls\s+in use, certificate verified/);
  });

  it('verify-full with the wrong CA: not usable, exit 3, with a hint', async () => {
    const result = await runCli(['doctor', dsn(`sslmode=verify-full&sslrootcert=${cluster.pki.otherCaCert}`)]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/connect\s+FAILED/);
    expect(result.stdout).toMatch(/result\s+NOT usable/);
  });

  it('sslmode=disable against a TLS-only server: exit 3', async () => {
    const result = await runCli(['doctor', dsn('sslmode=disable')]);
    expect(result.code).toBe(3);
  });
});
