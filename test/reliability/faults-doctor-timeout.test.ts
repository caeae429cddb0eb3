// `dsnsh doctor` as a readiness check never hangs: a default connect timeout of 10 s (the DSN's own
// connect_timeout / timeout wins over it, `--timeout` over both), and the checks after connecting
// are bounded by the same time (a migration table locked by another session). Frozen throw-away
// servers (SIGSTOP), never the shared ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Session } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { freezeProcessTree, mariadbPid, postmasterPid } from '../helpers/fault-freeze.js';
import { canStartMariadb, createMariadbInstance, type MariadbInstance } from '../helpers/mariadb-instance.js';
import { startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { availability } from '../helpers/servers.js';
import { runCli, type CliResult } from '../noninteractive/run-cli.js';

/** Behavioural bound, not a timing measurement: without a timeout doctor waits forever. */
function within(ms: number, run: Promise<CliResult>): Promise<CliResult | 'still running'> {
  return Promise.race([run, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);
}

describe.skipIf(!availability().postgres)('doctor timeout: PostgreSQL', () => {
  let cluster: TempCluster;
  const dsn = (query = 'sslmode=disable') => `postgres://postgres@127.0.0.1:${cluster.port}/postgres?${query}`;
  beforeAll(async () => {
    cluster = await startTempCluster();
    cluster.psql('CREATE TABLE schema_migration (version varchar(48) NOT NULL PRIMARY KEY, version_self int NOT NULL DEFAULT 0)');
  }, 120_000);
  afterAll(() => cluster?.stop());

  const frozen = async (args: string[]): Promise<CliResult | 'still running'> => {
    const frozenServer = freezeProcessTree(postmasterPid(cluster.dataDir));
    try {
      return await within(25_000, runCli(['doctor', ...args, '--json']));
    } finally {
      frozenServer.thaw();
    }
  };

  it('no connect_timeout in the DSN: the default 10 s applies; exit 3 naming it', async () => {
    const result = await frozen([dsn()]);
    expect(result).not.toBe('still running');
    const { code, stdout } = result as CliResult;
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toMatchObject({ usable: false, connect: { ok: false, kind: 'timeout' } });
    expect(stdout).toMatch(/doctor waited 10 s \(the DSN's timeout, or doctor's default\)/);
  }, 40_000);

  it("--timeout beats the DSN's connect_timeout", async () => {
    const result = await frozen([dsn('sslmode=disable&connect_timeout=600'), '--timeout', '2s']);
    expect(result).not.toBe('still running');
    expect((result as CliResult).code).toBe(3);
    expect((result as CliResult).stdout).toMatch(/doctor waited 2 s \(--timeout\)/);
  }, 40_000);

  it("the DSN's connect_timeout beats the default", async () => {
    const result = await frozen([dsn('sslmode=disable&connect_timeout=1')]);
    expect(result).not.toBe('still running');
    expect((result as CliResult).stdout).toMatch(/connect_timeout \(1 s\)[\s\S]*doctor waited 1 s/);
  }, 40_000);

  it('a check that does not answer (migration table locked) is bounded by the same time: exit 3', async () => {
    const monitor: Adapter = await openAdapter(parseDsn(`${dsn()}&max_conns=2`));
    const blocker: Session = await monitor.session();
    try {
      await blocker.run('begin');
      await blocker.run('lock table schema_migration in access exclusive mode');
      const result = await within(25_000, runCli(['doctor', dsn(), '--timeout', '2s', '--json']));
      expect(result).not.toBe('still running');
      const { code, stdout } = result as CliResult;
      expect(code).toBe(3);
      const report = JSON.parse(stdout) as { usable: boolean; connect: { ok: boolean }; warnings: string[] };
      expect(report.usable).toBe(false);
      expect(report.connect.ok).toBe(true);
      expect(report.warnings.join('\n')).toMatch(/did not answer within 2 s/);
    } finally {
      await blocker.run('rollback').catch(() => undefined);
      await blocker.release();
      await monitor.close();
    }
  }, 40_000);

  it('a bad --timeout is a usage error (exit 2)', async () => {
    const result = await runCli(['doctor', dsn(), '--timeout', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--timeout/);
  });
});

describe.skipIf(!availability().mysql || !canStartMariadb())('doctor timeout: MariaDB', () => {
  let server: MariadbInstance;
  beforeAll(async () => {
    server = await createMariadbInstance({ tls: false });
    await server.start();
  }, 120_000);
  afterAll(async () => {
    await server?.destroy();
  });

  it("--timeout beats the DSN's timeout on a frozen server: exit 3", async () => {
    const frozenServer = freezeProcessTree(mariadbPid(server.socket));
    try {
      const result = await within(
        25_000,
        runCli(['doctor', `mysql://root@tcp(127.0.0.1:${server.port})/mysql?timeout=600s`, '--timeout', '2s', '--json']),
      );
      expect(result).not.toBe('still running');
      expect((result as CliResult).code).toBe(3);
      expect(JSON.parse((result as CliResult).stdout)).toMatchObject({ usable: false, connect: { ok: false } });
    } finally {
      frozenServer.thaw();
    }
  }, 40_000);
});
