// DSNs for the MySQL adapter suites: each suite works in its own database on the shared
// MariaDB server (root, empty password), created on demand.
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { MysqlDsn } from '../../source/dsn/types.js';
import { MYSQL_HOST, MYSQL_PORT } from './servers.js';

export const MYSQL_TEST_DB = 'dsnsh_mysql_test';

export function mysqlDsnText(query = '', database = MYSQL_TEST_DB, address = `tcp(${MYSQL_HOST}:${MYSQL_PORT})`): string {
  return `mysql://root@${address}/${database}${query ? `?${query}` : ''}`;
}

export function mysqlDsn(query = '', database = MYSQL_TEST_DB, address?: string): MysqlDsn {
  const parsed = parseDsn(mysqlDsnText(query, database, address));
  if (parsed.backend !== 'mysql') throw new Error('expected a mysql DSN');
  return parsed;
}

export async function ensureDatabase(name: string): Promise<void> {
  const adapter = await openMysqlAdapter(mysqlDsn('', 'test'));
  try {
    await adapter.run(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
  } finally {
    await adapter.close();
  }
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
