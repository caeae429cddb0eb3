// Issue 13 item 1 with the exact DSN on the real MariaDB, through the built CLI: a value
// that would smuggle a DELETE into the connection's SET is a DSN error (exit 2) naming the
// parameter, in `-c`, under `--read-only`, in `doctor` and in `dsn explain`; the row survives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { ensureDatabase, mysqlDsn, mysqlDsnText } from '../helpers/mariadb-test-db.js';
import { availability } from '../helpers/servers.js';
import { runCli } from '../noninteractive/run-cli.js';

const DB = 'dsnsh_dsn_values';
const INJECTING = mysqlDsnText('sql_mode=%27%27%3B%20DELETE%20FROM%20t%3B%20--%20', DB).replace('root@', 'root:Pw-7Kq2@');

async function rows(): Promise<string> {
  const adapter = await openMysqlAdapter(mysqlDsn('', DB));
  try {
    return String((await adapter.run('SELECT count(*) FROM t')).rows[0]![0]);
  } finally {
    await adapter.close();
  }
}

describe.skipIf(!availability().mysql)('MySQL DSN values never become SQL (built CLI, real MariaDB)', () => {
  beforeAll(async () => {
    await ensureDatabase(DB);
    const adapter = await openMysqlAdapter(mysqlDsn('', DB));
    await adapter.runScript('DROP TABLE IF EXISTS t; CREATE TABLE t (id INT); INSERT INTO t VALUES (1)').finally(() => adapter.close());
  });
  afterAll(async () => {
    const adapter = await openMysqlAdapter(mysqlDsn('', 'test'));
    await adapter.run(`DROP DATABASE IF EXISTS ${DB}`).finally(() => adapter.close());
  });

  it.each([
    ['-c', [INJECTING, '-c', 'SELECT 1']],
    ['--read-only -c', [INJECTING, '--read-only', '-c', 'SELECT 1']],
    ['doctor', ['doctor', INJECTING]],
    ['dsn explain', ['dsn', 'explain', INJECTING]],
  ])('%s: exit 2 naming sql_mode; the row survives', async (_name, args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/sql_mode/);
    expect(output).toMatch(/not one value/);
    expect(output).not.toContain('Pw-7Kq2');
    expect(await rows()).toBe('1');
  });

  it('a plain value still works, read-only included', async () => {
    const dsn = mysqlDsnText('sql_mode=TRADITIONAL&time_zone=%27%2B00%3A00%27', DB);
    const result = await runCli([
      dsn,
      '--read-only',
      '--format',
      'tsv',
      '-c',
      'SELECT @@session.sql_mode, @@session.time_zone, @@tx_read_only',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/STRICT_TRANS_TABLES.*\t\+00:00\t1/);
  });
});
