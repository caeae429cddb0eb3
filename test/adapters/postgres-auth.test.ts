// Authentication and connection failures on a throw-away cluster that asks for SCRAM passwords:
// kinds, messages that say what to do, and never the password itself.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { openPostgresAdapter } from '../../source/adapters/postgres/postgres-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { pgDsn, pgDsnText } from '../helpers/pg-dsn.js';
import { startTempCluster, type TempCluster } from '../helpers/pg-temp-cluster.js';
import { availability } from '../helpers/servers.js';

const PASSWORD = 'Sup3r:s3cret@pw/';

async function failure(promise: Promise<{ close(): Promise<void> }>): Promise<AdapterError> {
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

function expectNoSecret(error: AdapterError): void {
  const everything = `${error.message} ${error.hint ?? ''} ${JSON.stringify({ ...error })}`;
  expect(everything).not.toContain(PASSWORD);
  expect(everything).not.toContain(encodeURIComponent(PASSWORD));
}

describe.skipIf(!availability().postgres)('postgres adapter: authentication and connecting', () => {
  let cluster: TempCluster;
  beforeAll(async () => {
    cluster = await startTempCluster({ hba: 'password' });
    cluster.psql(`CREATE ROLE dsnsh_app LOGIN PASSWORD '${PASSWORD}'`);
  });
  afterAll(() => cluster?.stop());

  it('connects with the right password (percent-encoded in the DSN)', async () => {
    const dsn = parseDsn(pgDsnText({ port: cluster.port, database: 'postgres', user: 'dsnsh_app', password: PASSWORD }));
    const adapter = await openAdapter(dsn);
    try {
      // several pooled connections, each authenticating on its own
      const results = await Promise.all([1, 2, 3].map(() => adapter.run('SELECT current_user')));
      expect(results.map((r) => r.rows)).toEqual([[['dsnsh_app']], [['dsnsh_app']], [['dsnsh_app']]]);
    } finally {
      await adapter.close();
    }
  });

  it('a wrong password is an auth error that never shows the password', async () => {
    const error = await failure(
      openPostgresAdapter(pgDsn({ port: cluster.port, database: 'postgres', user: 'dsnsh_app', password: `${PASSWORD}x` })),
    );
    expect(error).toMatchObject({ kind: 'auth', code: '28P01' });
    expect(error.message).toMatch(/Authentication failed/);
    expectNoSecret(error);
  });

  it('a missing password says the server asks for one', async () => {
    const env = process.env.PGPASSWORD;
    delete process.env.PGPASSWORD;
    try {
      const error = await failure(openPostgresAdapter(pgDsn({ port: cluster.port, database: 'postgres', user: 'dsnsh_app' })));
      expect(error.kind).toBe('auth');
      expect(error.message).toMatch(/asks for a password/);
    } finally {
      if (env !== undefined) process.env.PGPASSWORD = env;
    }
  });

  it('an unknown user is an auth error', async () => {
    const error = await failure(
      openPostgresAdapter(pgDsn({ port: cluster.port, database: 'postgres', user: 'nobody_here', password: PASSWORD })),
    );
    expect(error.kind).toBe('auth');
    expectNoSecret(error);
  });

  it('connect_timeout stops waiting for a server that never answers', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
    }); // accepts, then says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const error = await failure(openPostgresAdapter(pgDsn({ port, connectTimeoutMs: 1000, password: PASSWORD })));
      expect(error.kind).toBe('timeout');
      expect(error.message).toMatch(/within connect_timeout \(1 s\)/);
      expectNoSecret(error);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
