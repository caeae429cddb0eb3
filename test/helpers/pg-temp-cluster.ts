// A throw-away PostgreSQL cluster on a free port, for tests that restart a server or need TLS:
// the shared server on 5432 is never stopped. initdb and pg_ctl run as the postgres user
// (the tests run as root, which PostgreSQL refuses).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempClusterOptions {
  /** PEM files for `ssl = on` (copied into the data directory, owned by postgres) */
  tls?: { certPem: string; keyPem: string; clientCaPem?: string };
  /** pg_hba.conf lines placed before the generated ones (first match wins) */
  extraHba?: string[];
  /**
   * `trust` accepts any local TCP connection; `hostssl-only` accepts TLS connections only;
   * `password` asks TCP clients for a SCRAM password (the Unix socket stays trusted for setup).
   */
  hba?: HbaMode;
  /** postgresql.conf lines appended after the defaults (e.g. max_connections = 6) */
  extraSettings?: string[];
}

type HbaMode = 'trust' | 'hostssl-only' | 'password';

export interface TempCluster {
  port: number;
  /** Runs SQL as the postgres superuser over the Unix socket (setup: roles, databases). */
  psql(sql: string): void;
  dataDir: string;
  /** Asynchronous, so the event loop sees the connections die as a real client would. */
  restart(): Promise<void>;
  /** Blocks the event loop meanwhile: pooled connections learn of their death only when used. */
  restartBlocking(): void;
  stop(): void;
}

function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function asPostgresArgs(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function asPostgres(command: string, args: string[]): void {
  const [file, argv] = asPostgresArgs(command, args);
  execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
}

async function asPostgresAsync(command: string, args: string[]): Promise<void> {
  const [file, argv] = asPostgresArgs(command, args);
  await promisify(execFile)(file, argv, { timeout: 60_000 });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function hbaLines(mode: HbaMode): string {
  const kind = mode === 'hostssl-only' ? 'hostssl' : 'host';
  const method = mode === 'password' ? 'scram-sha-256' : 'trust';
  return ['local all all trust', `${kind} all all 127.0.0.1/32 ${method}`, `${kind} all all ::1/128 ${method}`, ''].join('\n');
}

export async function startTempCluster(options: TempClusterOptions = {}): Promise<TempCluster> {
  const bin = binDir();
  const { uid, gid } = postgresIds();
  const root = mkdtempSync(join(tmpdir(), 'dsnsh-pg-'));
  chownSync(root, uid, gid);
  const dataDir = join(root, 'data');
  asPostgres(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);

  const port = await freePort();
  const settings = [
    `port = ${port}`,
    "listen_addresses = 'localhost'",
    `unix_socket_directories = '${root}'`,
    'max_connections = 30',
    'shared_buffers = 16MB',
    'fsync = off',
    'logging_collector = off',
  ];
  if (options.tls) {
    const write = (name: string, text: string) => {
      const path = join(dataDir, name);
      writeFileSync(path, text);
      chownSync(path, uid, gid);
      chmodSync(path, 0o600);
    };
    write('server.crt', options.tls.certPem);
    write('server.key', options.tls.keyPem);
    settings.push('ssl = on', "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'");
    if (options.tls.clientCaPem) {
      write('client-ca.crt', options.tls.clientCaPem);
      settings.push("ssl_ca_file = 'client-ca.crt'");
    }
  }
  const append = (file: string, text: string) => {
    const path = join(dataDir, file);
    writeFileSync(path, text, { flag: file === 'pg_hba.conf' ? 'w' : 'a' });
    chownSync(path, uid, gid);
  };
  settings.push(...(options.extraSettings ?? []));
  append('postgresql.conf', `\n${settings.join('\n')}\n`);
  append('pg_hba.conf', [...(options.extraHba ?? []), hbaLines(options.hba ?? 'trust')].join('\n'));

  const pgCtl = (...args: string[]) => asPostgres(join(bin, 'pg_ctl'), ['-D', dataDir, '-w', '-t', '60', ...args]);
  pgCtl('-l', join(root, 'server.log'), 'start');
  let stopped = false;
  // A test run that ends without its afterAll (a crash, a timeout) must not leave a server behind.
  const stopOnExit = () => cluster.stop();
  process.once('exit', stopOnExit);
  const cluster: TempCluster = {
    port,
    dataDir,
    psql: (sql) => asPostgres(join(bin, 'psql'), ['-h', root, '-p', String(port), '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql]),
    restart: () =>
      asPostgresAsync(join(bin, 'pg_ctl'), ['-D', dataDir, '-w', '-t', '60', '-m', 'fast', '-l', join(root, 'server.log'), 'restart']),
    restartBlocking: () => pgCtl('-m', 'fast', '-l', join(root, 'server.log'), 'restart'),
    stop: () => {
      if (stopped) return;
      stopped = true;
      process.off('exit', stopOnExit);
      try {
        pgCtl('-m', 'immediate', 'stop');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
  return cluster;
}
