// `dsnsh doctor` names why a connection fails (cause + fix) and what the server offers whatever
// the DSN says, against real servers: the shared PostgreSQL and MariaDB, throw-away PostgreSQL
// clusters (TLS-only with a hostssl rule; TLS with plaintext allowed; a tiny max_connections) and
// a TCP listener that never answers.
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../helpers/mariadb-test-db.js';
import { startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { startTlsCluster, type TlsCluster } from '../helpers/pg-tls-cluster.js';
import { MYSQL_HOST, MYSQL_PORT, PG_HOST, PG_PORT, availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

async function doctor(dsn: string) {
  const result = await runCli(['doctor', dsn, '--json']);
  return { code: result.code, report: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('doctor: causes that need no server', () => {
  it('DNS: the host does not resolve', async () => {
    const { code, report } = await doctor('postgres://kratos:secret@db.dsnsh-ory.invalid:5432/kratos');
    expect(code).toBe(3);
    expect(report.diagnosis).toMatchObject({
      cause: 'dns',
      explanation: expect.stringContaining('"db.dsnsh-ory.invalid" does not resolve'),
    });
    expect(JSON.stringify(report)).not.toContain('secret');
  });

  it('refused: nothing listens', async () => {
    const { code, report } = await doctor('postgres://kratos@127.0.0.1:1/kratos');
    expect(code).toBe(3);
    expect(report.diagnosis.cause).toBe('refused');
    const text = await runCli(['doctor', 'mysql://root@tcp(127.0.0.1:1)/x']);
    expect(text.stdout).toMatch(/cause\s+refused: nothing accepts connections at 127\.0\.0\.1:1 \(ECONNREFUSED\)/);
    expect(text.stdout).toMatch(/fix\s+check the port/);
  });

  it('timeout: a server that accepts and never answers', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const { code, report } = await doctor(`postgres://kratos@127.0.0.1:${port}/kratos?sslmode=disable&connect_timeout=1`);
      expect(code).toBe(3);
      expect(report.probe.protocol).toBe('unknown');
      expect(report.diagnosis.cause).toBe('timeout');
    } finally {
      silent.close();
    }
  });
});

describe.skipIf(!availability().postgres || !availability().mysql)('doctor: the shared servers', () => {
  it("wrong protocol: a postgres:// DSN at MariaDB's port, a mysql:// DSN at PostgreSQL's", async () => {
    const atMaria = await doctor(`postgres://root@${MYSQL_HOST}:${MYSQL_PORT}/test?sslmode=disable`);
    expect(atMaria.report.diagnosis.cause).toBe('wrong-protocol');
    expect(atMaria.report.diagnosis.explanation).toMatch(/speaks MySQL's protocol .*MariaDB.*but the DSN is postgres:\/\//);
    const atPostgres = await doctor(`mysql://root@tcp(${PG_HOST}:${PG_PORT})/test`);
    expect(atPostgres.report.diagnosis).toMatchObject({
      cause: 'wrong-protocol',
      explanation: expect.stringContaining("speaks PostgreSQL's protocol"),
    });
  });

  it('a PostgreSQL server behind cockroach:// connects, with a wrong-dialect warning', async () => {
    const { report } = await doctor(`cockroach://postgres@${PG_HOST}:${PG_PORT}/test?sslmode=disable`);
    expect(report.warnings.join('\n')).toMatch(/wrong dialect: the DSN's cockroach:\/\/ scheme .* not CockroachDB/);
  });

  it('TLS not offered: sslmode=require against a server without TLS', async () => {
    const { report } = await doctor(`postgres://postgres@${PG_HOST}:${PG_PORT}/test?sslmode=require`);
    expect(report.probe.tls).toMatchObject({ offered: false, requiredByServer: false });
    expect(report.diagnosis.cause).toBe('tls-not-offered');
  });

  it('missing database, on both servers', async () => {
    expect((await doctor(`postgres://postgres@${PG_HOST}:${PG_PORT}/dsnsh_ory_no_such_db?sslmode=disable`)).report.diagnosis.cause).toBe(
      'missing-database',
    );
    expect((await doctor(`mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/dsnsh_ory_no_such_db`)).report.diagnosis.cause).toBe(
      'missing-database',
    );
  });

  it('authentication: a wrong password (never shown)', async () => {
    const { code, report } = await doctor(`mysql://root:dsnsh-wrong-pw@tcp(${MYSQL_HOST}:${MYSQL_PORT})/test`);
    expect(code).toBe(3);
    expect(report.diagnosis.cause).toBe('auth');
    expect(JSON.stringify(report)).not.toContain('dsnsh-wrong-pw');
  });

  it('MariaDB preflight for Ory: strict mode breaks Kratos, CAST AS JSON breaks Hydra, the CHECK name breaks Keto', async () => {
    await ensureDatabase('dsnsh_ory_preflight');
    const dsn = `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/dsnsh_ory_preflight`;
    const strict = (await doctor(dsn)).report;
    expect(strict.probe).toMatchObject({ protocol: 'mysql', greetingVersion: expect.stringMatching(/MariaDB/) });
    const byService = (report: { preflight: Array<{ service: string; ok: boolean; detail: string }> }) =>
      Object.fromEntries(report.preflight.map((c) => [c.service, c]));
    expect(byService(strict)).toMatchObject({
      kratos: { ok: false, detail: expect.stringContaining('error 1364') },
      hydra: { ok: false, detail: expect.stringContaining('CAST(… AS JSON)') },
      keto: { ok: false, detail: expect.stringContaining('error 1091') },
    });
    const relaxed = (await doctor(`${dsn}?sql_mode=NO_ENGINE_SUBSTITUTION`)).report;
    expect(byService(relaxed).kratos).toMatchObject({ ok: true });
    await runCli([
      dsn,
      '-c',
      "drop table if exists schema_migration; create table schema_migration (version varchar(48) not null, version_self int not null default 0); insert into schema_migration (version) values ('20200317160354000002')",
    ]);
    expect(byService((await doctor(dsn)).report).kratos).toMatchObject({ ok: true, detail: 'already applied here' });
    await runCli([dsn, '-c', 'drop table schema_migration']);
  });
});

describe.skipIf(!availability().postgres)('doctor: a TLS-only cluster (pg_hba.conf hostssl)', () => {
  let cluster: TlsCluster;
  beforeAll(async () => {
    cluster = await startTlsCluster('hostssl-only');
  }, 120_000);
  afterAll(() => cluster?.stop());
  const dsn = (host: string, params: string) => `postgres://postgres@${host}:${cluster.port}/postgres?${params}`;

  it('sslmode=disable: TLS required by the server, with the fix; the probe shows the certificate and the refusal', async () => {
    const result = await runCli(['doctor', dsn('localhost', 'sslmode=disable')]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(
      /cause\s+tls-required: the server requires TLS \(a pg_hba\.conf hostssl rule\) but the DSN says sslmode=disable/,
    );
    expect(result.stdout).toMatch(/fix\s+use sslmode=require/);
    expect(result.stdout).toMatch(
      /server tls\s+offered \(localhost, issued by dsnsh test ca.*\); certificate does not verify \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\); plaintext refused \(no pg_hba\.conf entry .*no encryption; probed as user postgres\)/,
    );
  });

  it('sslmode=require: connected, encrypted, not verified; the CA would make verify-full work', async () => {
    const { report } = await doctor(dsn('localhost', `sslmode=require`));
    expect(report.connect.ok).toBe(true);
    expect(report.probe.tls).toMatchObject({ offered: true, requiredByServer: true, verified: false });
    expect(report.tlsAdvice.join('\n')).toMatch(
      /encrypted but not verified, and the certificate would not verify \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\): give its CA with sslrootcert=/,
    );
    const withCa = (await doctor(dsn('localhost', `sslmode=require&sslrootcert=${cluster.pki.caCert}`))).report;
    expect(withCa.probe.tls).toMatchObject({ verified: true, hostMatches: true });
  });

  it('a certificate from another CA, and a host name the certificate does not hold', async () => {
    const otherCa = (await doctor(dsn('localhost', `sslmode=verify-full&sslrootcert=${cluster.pki.otherCaCert}`))).report;
    expect(otherCa.diagnosis).toMatchObject({ cause: 'tls-unverifiable', explanation: expect.stringContaining('issued by dsnsh test ca') });
    const byIp = (await doctor(dsn('127.0.0.1', `sslmode=verify-full&sslrootcert=${cluster.pki.caCert}`))).report;
    expect(byIp.diagnosis.cause).toBe('tls-host-mismatch');
    expect(byIp.diagnosis.fix).toMatch(/verify-ca/);
  });
});

describe.skipIf(!availability().postgres)('doctor: TLS offered, plaintext allowed', () => {
  let cluster: TlsCluster;
  beforeAll(async () => {
    cluster = await startTlsCluster('trust');
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('sslmode=prefer can be downgraded; sslmode=disable leaves the offered TLS unused', async () => {
    const prefer = (await doctor(`postgres://postgres@localhost:${cluster.port}/postgres?sslmode=prefer`)).report;
    expect(prefer.probe.tls).toMatchObject({ offered: true, requiredByServer: false });
    expect(prefer.probe.tls.requiredDetail).toMatch(/asked to authenticate \(probed as user postgres\)/);
    expect(prefer.tlsAdvice.join('\n')).toMatch(/falls back to plaintext when TLS fails, and the server accepts plaintext/);
    const disable = (await doctor(`postgres://postgres@localhost:${cluster.port}/postgres?sslmode=disable`)).report;
    expect(disable.tlsAdvice.join('\n')).toMatch(/the server offers TLS but this connection is plaintext \(sslmode=disable\)/);
    const verifyFull = (
      await doctor(`postgres://postgres@localhost:${cluster.port}/postgres?sslmode=verify-full&sslrootcert=${cluster.pki.caCert}`)
    ).report;
    expect(verifyFull.probe.tls.requiredDetail).toMatch(/placeholder user/);
  });
});

describe.skipIf(!availability().postgres)('doctor: too many clients', () => {
  let cluster: TempCluster;
  const held: pg.Client[] = [];
  beforeAll(async () => {
    cluster = await startTempCluster({ extraSettings: ['max_connections = 5', 'superuser_reserved_connections = 2'] });
    cluster.psql('CREATE ROLE kratos LOGIN');
  }, 120_000);
  afterAll(async () => {
    await Promise.all(held.map((client) => client.end().catch(() => undefined)));
    cluster?.stop();
  });

  it('every slot taken: too-many-clients, with where to look', async () => {
    for (let i = 0; i < 3; i += 1) {
      const client = new pg.Client({ host: '127.0.0.1', port: cluster.port, user: 'kratos', database: 'postgres' });
      await client.connect();
      held.push(client);
    }
    const { code, report } = await doctor(`postgres://kratos@127.0.0.1:${cluster.port}/postgres?sslmode=disable`);
    expect(code).toBe(3);
    expect(report.diagnosis).toMatchObject({ cause: 'too-many-clients', fix: expect.stringContaining('dsnsh sessions') });
  });
});
