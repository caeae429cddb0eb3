// Where the shared test servers are, and whether a suite that needs them may run.
// In CI (CI=true) a missing server is a failure, never a silent skip; on a developer's
// machine without servers, suites skip with one line saying why.
import net from 'node:net';

export const PG_HOST = process.env.DSNSH_TEST_PG_HOST ?? '127.0.0.1';
export const PG_PORT = Number(process.env.DSNSH_TEST_PG_PORT ?? 5432);
export const MYSQL_HOST = process.env.DSNSH_TEST_MYSQL_HOST ?? '127.0.0.1';
export const MYSQL_PORT = Number(process.env.DSNSH_TEST_MYSQL_PORT ?? 3306);

/** DSN of the shared PostgreSQL test database (trust auth, plaintext). */
export const PG_DSN = process.env.DSNSH_TEST_PG_DSN ?? `postgres://postgres@${PG_HOST}:${PG_PORT}/test?sslmode=disable`;
/** Same server through the cockroach dialect (wire-compatible; no real CockroachDB here). */
export const CRDB_DSN = PG_DSN.replace(/^postgres:/, 'cockroach:');
/** DSN of the shared MariaDB test database (root, empty password). */
export const MYSQL_DSN = process.env.DSNSH_TEST_MYSQL_DSN ?? `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/test`;

export function isCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

export function reachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface ServerAvailability {
  postgres: boolean;
  mysql: boolean;
}

/** Set by global-setup.ts through env so every test worker sees the same answer. */
export function availability(): ServerAvailability {
  return {
    postgres: process.env.DSNSH_TEST_HAVE_PG === '1',
    mysql: process.env.DSNSH_TEST_HAVE_MYSQL === '1',
  };
}
