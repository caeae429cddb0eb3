// A private MariaDB server for tests that need TLS or must stop and restart a server: its own
// data directory, port and socket, a test CA made with openssl, never the shared :3306 server.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reachable } from './servers.js';

const SERVER_BINARY = '/usr/sbin/mariadbd';

export function canStartMariadb(): boolean {
  try {
    execFileSync('which', ['mariadb-install-db', 'openssl'], { stdio: 'ignore' });
    return existsSync(SERVER_BINARY);
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

/** A CA, a server certificate it signs (SAN DNS:localhost only), and an unrelated CA. */
function makeCertificates(dir: string): void {
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=dsnsh test CA',
  );
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'other-ca.key',
    '-out',
    'other-ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=dsnsh other CA',
  );
  openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=DNS:localhost\n');
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  );
}

export interface MariadbInstance {
  readonly port: number;
  readonly socket: string;
  readonly caFile: string;
  readonly otherCaFile: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

export async function createMariadbInstance(options: { tls: boolean }): Promise<MariadbInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'dsnsh-mariadb-'));
  const dataDir = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  execFileSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...(asRoot ? ['--user=root'] : []),
    ],
    { stdio: 'ignore' },
  );
  if (options.tls) makeCertificates(dir);
  const port = await freePort();
  const socket = join(dir, 'mysqld.sock');
  let child: ChildProcess | null = null;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const args = [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${socket}`,
    `--pid-file=${join(dir, 'mysqld.pid')}`,
    `--log-error=${join(dir, 'error.log')}`,
    '--skip-log-bin',
    '--innodb-buffer-pool-size=16M',
    ...(asRoot ? ['--user=root'] : []),
    ...(options.tls
      ? [`--ssl-ca=${join(dir, 'ca.pem')}`, `--ssl-cert=${join(dir, 'server.pem')}`, `--ssl-key=${join(dir, 'server.key')}`]
      : []),
  ];

  const instance: MariadbInstance = {
    port,
    socket,
    caFile: join(dir, 'ca.pem'),
    otherCaFile: join(dir, 'other-ca.pem'),
    async start() {
      if (child) return;
      child = spawn(SERVER_BINARY, args, { stdio: 'ignore' });
      const started = child;
      const deadline = Date.now() + 30_000;
      while (!(await reachable('127.0.0.1', port, 500))) {
        if (started.exitCode !== null) throw new Error(`mariadbd exited with ${started.exitCode}; see ${join(dir, 'error.log')}`);
        if (Date.now() > deadline) throw new Error(`mariadbd did not listen on ${port} within 30 s; see ${join(dir, 'error.log')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = null;
      if (running.exitCode === null) {
        const exited = new Promise<true>((resolve) => running.once('exit', () => resolve(true)));
        running.kill('SIGTERM');
        // A server that does not shut down in time (one a test froze and thawed, still busy) is
        // killed: a clean-up never waits for ever.
        const stopped = await Promise.race([exited, new Promise<false>((resolve) => setTimeout(() => resolve(false), 15_000))]);
        if (!stopped) {
          running.kill('SIGKILL');
          await exited;
        }
      }
    },
    async destroy() {
      await instance.stop();
      process.removeListener('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return instance;
}
