// Checks the shared servers once per run. In CI a missing server fails the run; elsewhere the
// suites that need it skip, and this prints one line saying why.
import { MYSQL_HOST, MYSQL_PORT, PG_HOST, PG_PORT, isCI, reachable } from './servers.js';

export default async function setup(): Promise<void> {
  const [pg, mysql] = await Promise.all([reachable(PG_HOST, PG_PORT), reachable(MYSQL_HOST, MYSQL_PORT)]);
  const missing: string[] = [];
  if (!pg) missing.push(`PostgreSQL at ${PG_HOST}:${PG_PORT}`);
  if (!mysql) missing.push(`MariaDB/MySQL at ${MYSQL_HOST}:${MYSQL_PORT}`);
  if (missing.length > 0) {
    if (isCI()) throw new Error(`CI needs the test servers, but cannot reach ${missing.join(' and ')}. .ci/run should have started them.`);
    console.warn(`dsnsh tests: skipping suites that need ${missing.join(' and ')} (not reachable; start the server to run them).`);
  }
  process.env.DSNSH_TEST_HAVE_PG = pg ? '1' : '0';
  process.env.DSNSH_TEST_HAVE_MYSQL = mysql ? '1' : '0';
}
