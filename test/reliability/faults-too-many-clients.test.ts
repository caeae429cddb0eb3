// A server with no free connection slot (PostgreSQL "too many clients", SQLSTATE 53300; MySQL
// 1040 "Too many connections") gets its own hint: what to do about it, not "the connection was
// lost". Throw-away servers with a small max_connections, filled by held sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Session } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { isOneClearError } from '../helpers/fault-cli-process.js';
import { canStartMariadb, createMariadbInstance, type MariadbInstance } from '../helpers/mariadb-instance.js';
import { startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

/** Opens sessions until the server refuses one; returns the held sessions. */
async function fill(adapter: Adapter): Promise<Session[]> {
  const held: Session[] = [];
  for (let i = 0; i < 20; i += 1) {
    try {
      held.push(await adapter.session());
    } catch {
      return held;
    }
  }
  throw new Error('the server never ran out of connection slots');
}

describe.skipIf(!availability().postgres)('too many clients: PostgreSQL', () => {
  let cluster: TempCluster;
  let filler: Adapter;
  let held: Session[] = [];
  const dsn = () => `postgres://postgres@127.0.0.1:${cluster.port}/postgres?sslmode=disable&connect_timeout=5`;
  beforeAll(async () => {
    cluster = await startTempCluster();
    cluster.psql('ALTER SYSTEM SET max_connections = 3');
    cluster.psql('ALTER SYSTEM SET superuser_reserved_connections = 0');
    await cluster.restart();
    filler = await openAdapter(parseDsn(`${dsn()}&max_conns=20`));
    held = await fill(filler);
  }, 120_000);
  afterAll(async () => {
    for (const session of held) await session.release().catch(() => undefined);
    await filler?.close();
    cluster?.stop();
  });

  it("-c and doctor: exit 3, the server's words, a hint about max_conns and pg_stat_activity", async () => {
    expect(held.length).toBeGreaterThan(0);
    const run = await runCli([dsn(), '-c', 'select 1']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/too many clients/);
    expect(run.stderr).toMatch(/^hint: .*no free connection slot.*max_conns.*pg_stat_activity.*max_connections/m);
    expect(isOneClearError(run.stderr), run.stderr).toBe(true);
    const doctor = await runCli(['doctor', dsn(), '--json']);
    expect(doctor.code).toBe(3);
    expect(JSON.parse(doctor.stdout).connect.hint).toMatch(/pg_stat_activity/);
  }, 30_000);
});

describe.skipIf(!availability().mysql || !canStartMariadb())('too many connections: MariaDB', () => {
  let server: MariadbInstance;
  let root: Adapter;
  let filler: Adapter;
  let held: Session[] = [];
  const dsn = () => `mysql://slots:slotsPw9@tcp(127.0.0.1:${server.port})/slots_db?timeout=5s`;
  beforeAll(async () => {
    server = await createMariadbInstance({ tls: false });
    await server.start();
    root = await openAdapter(parseDsn(`mysql://root@tcp(127.0.0.1:${server.port})/mysql?timeout=5s&max_conns=1`));
    await root.run('create database slots_db');
    for (const host of ['%', 'localhost', '127.0.0.1']) {
      await root.run(`create user 'slots'@'${host}' identified by 'slotsPw9'`);
      await root.run(`grant all on slots_db.* to 'slots'@'${host}'`);
    }
    await root.run('set global max_connections = 3');
    filler = await openAdapter(parseDsn(`${dsn()}&max_conns=20`));
    held = await fill(filler);
  }, 120_000);
  afterAll(async () => {
    for (const session of held) await session.release().catch(() => undefined);
    await filler?.close();
    await root?.close();
    await server?.destroy();
  });

  it("-c and doctor: exit 3, the server's words, a hint about max_conns and the process list", async () => {
    expect(held.length).toBeGreaterThan(0);
    const run = await runCli([dsn(), '-c', 'select 1']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Too many connections/);
    expect(run.stderr).toMatch(/^hint: .*no free connection slot.*max_conns.*SHOW PROCESSLIST.*max_connections/m);
    expect(run.stderr).not.toContain('slotsPw9');
    expect(isOneClearError(run.stderr), run.stderr).toBe(true);
    const doctor = await runCli(['doctor', dsn(), '--json']);
    expect(doctor.code).toBe(3);
    expect(JSON.parse(doctor.stdout).connect.hint).toMatch(/SHOW PROCESSLIST/);
  }, 30_000);
});
