// Faults through a TCP proxy in front of PostgreSQL: the server unreachable at start, then
// gone and back mid-session. The console keeps running, says so, and recovers.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type PtySession } from '../helpers/pty.js';
import { availability, PG_HOST, PG_PORT } from '../helpers/servers.js';

let session: PtySession | null = null;
let proxy: Proxy | null = null;
afterEach(async () => {
  session?.kill();
  session = null;
  await proxy?.stop();
  proxy = null;
});

class Proxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  constructor(readonly port: number) {}

  start(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(PG_PORT, PG_HOST);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.server = server;
    return new Promise((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
  }

  /** Like a server going away: refuse new connections and cut the open ones. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(() => resolve(undefined)));
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

describe.skipIf(!availability().postgres)('console faults', () => {
  it('waits for a server that is down at start, and recovers after losing it mid-session', async () => {
    proxy = new Proxy(await freePort());
    session = startCli({
      args: [`postgres://postgres@127.0.0.1:${proxy.port}/test?sslmode=disable&connect_timeout=2`],
      env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' },
    });
    await session.waitFor('Cannot connect');
    await proxy.start();
    await session.waitFor(/ · connected/, 20_000);
    session.write('select 1 + 1 as first_answer;');
    session.write('\r');
    await session.waitFor(/first_answer\s*\n─+\s*\n\s*2/);

    await proxy.stop();
    session.write('select 2 + 2 as lost;');
    session.write('\r');
    await session.waitFor('ERROR');
    await session.waitFor(/reconnecting|stale/, 10_000);
    session.write('select 3 as typed_while_down');
    await proxy.start();
    session.write(';');
    session.write('\r');
    await session.waitFor(/typed_while_down\s*\n─+\s*\n\s*3/, 20_000);
    // the live panels recover on their next read
    expect(await session.waitFor(/ · connected/, 10_000)).not.toContain('stale');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  }, 90_000);
});
