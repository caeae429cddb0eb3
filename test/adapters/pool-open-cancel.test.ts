// The shared pool: a caller whose signal aborts while the pool opens a new connection for it is
// told 'cancelled' at once, and the connection still being opened joins the pool when it arrives.
// The server side is real; a TCP relay in front of it holds back every connection after the
// first until the test lets it through (a slow network or a busy server).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { MYSQL_HOST, MYSQL_PORT, PG_HOST, PG_PORT, availability } from '../helpers/servers.js';

interface Relay {
  port: number;
  /** Connections the relay holds back */
  held(): number;
  /** Lets every held-back connection through, and later ones at once */
  letThrough(): void;
  close(): Promise<void>;
}

async function holdingRelay(host: string, port: number): Promise<Relay> {
  const waiting: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let open = false;
  const server = net.createServer((client) => {
    sockets.add(client);
    client.pause();
    const connect = () => {
      const upstream = net.connect(port, host, () => {
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    };
    accepted += 1;
    if (accepted === 1 || open) connect();
    else waiting.push(connect);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    held: () => waiting.length,
    letThrough() {
      open = true;
      for (const connect of waiting.splice(0)) connect();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const BACKENDS = [
  {
    label: 'postgres',
    host: PG_HOST,
    port: PG_PORT,
    available: () => availability().postgres,
    dsn: (port: number) => `postgres://postgres@127.0.0.1:${port}/test?sslmode=disable&max_conns=2&max_idle_conns=2`,
  },
  {
    label: 'mariadb',
    host: MYSQL_HOST,
    port: MYSQL_PORT,
    available: () => availability().mysql,
    dsn: (port: number) => `mysql://root@tcp(127.0.0.1:${port})/test?max_conns=2&max_idle_conns=2`,
  },
];

describe('connection pool: giving up while a connection opens', () => {
  const cleanUp: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanUp.splice(0).reverse()) await step();
  });

  for (const backend of BACKENDS) {
    it.skipIf(!backend.available())(
      `${backend.label}: the caller is cancelled at once; the connection joins the pool when it opens`,
      async () => {
        const relay = await holdingRelay(backend.host, backend.port);
        cleanUp.push(() => relay.close());
        const adapter: Adapter = await openAdapter(parseDsn(backend.dsn(relay.port)));
        cleanUp.push(() => adapter.close());
        const session = await adapter.session(); // takes the pool's one open connection

        const controller = new AbortController();
        const statement = adapter.run('SELECT 1', { signal: controller.signal });
        await until(() => relay.held() === 1, 'the pool to open a second connection');
        controller.abort();
        await expect(statement).rejects.toMatchObject({ kind: 'cancelled' });
        expect(relay.held()).toBe(1); // told before the connection opened

        relay.letThrough();
        await until(() => adapter.poolSnapshot().idle === 1, 'the opened connection to be idle in the pool');
        expect(adapter.poolSnapshot()).toMatchObject({ open: 2, inUse: 1, waiting: 0 });
        await session.release();
        expect((await adapter.run('SELECT 2')).rows).toEqual([[2]]);
      },
      30_000,
    );
  }
});
