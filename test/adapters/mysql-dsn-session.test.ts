// MySQL DSN values never become SQL, and read-only comes before anything the DSN sets (issue 13
// item 1), on the shared MariaDB in its own database. Also the Go driver's charset handling under
// Ory's rewriting (issue 15 item 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { DsnError } from '../../source/dsn/errors.js';
import type { MysqlDsn } from '../../source/dsn/types.js';
import { ensureDatabase, mysqlDsn } from '../helpers/mariadb-test-db.js';
import { availability } from '../helpers/servers.js';

const DB = 'dsnsh_dsn_session';

async function rowCount(): Promise<string> {
  const adapter = await openMysqlAdapter(mysqlDsn('', DB));
  try {
    return String((await adapter.run('SELECT count(*) FROM t')).rows[0]![0]);
  } finally {
    await adapter.close();
  }
}

describe.skipIf(!availability().mysql)('MySQL DSN session variables on a real server', () => {
  beforeAll(async () => {
    await ensureDatabase(DB);
    const adapter = await openMysqlAdapter(mysqlDsn('', DB));
    try {
      await adapter.runScript('DROP TABLE IF EXISTS t; CREATE TABLE t (id INT); INSERT INTO t VALUES (1)');
    } finally {
      await adapter.close();
    }
  });
  afterAll(async () => {
    const adapter = await openMysqlAdapter(mysqlDsn('', 'test'));
    await adapter.run(`DROP DATABASE IF EXISTS ${DB}`).finally(() => adapter.close());
  });

  it("sends the DSN's SET as one prepared statement: an injected second statement never runs", async () => {
    // The parser refuses such a value (test/dsn/mysql-ory-rewrite.test.ts); here it is forced past
    // the parser to show the adapter itself cannot run a second statement from a DSN value.
    const dsn: MysqlDsn = { ...mysqlDsn('', DB), systemVariables: { sql_mode: "''; DELETE FROM t; -- " } };
    await expect(openMysqlAdapter(dsn)).rejects.toBeInstanceOf(AdapterError);
    expect(await rowCount()).toBe('1');
  });

  it("applies read-only before the DSN's variables on every pooled connection", async () => {
    // sql_mode takes a number (a bit set): SET sql_mode = @@tx_read_only records whether the
    // connection was already read-only when the DSN's SET ran (1 = REAL_AS_FLOAT).
    const adapter = await openMysqlAdapter(mysqlDsn('sql_mode=@@tx_read_only&max_conns=2', DB), { readOnly: true });
    try {
      const [readOnly, sqlMode] = (await adapter.run('SELECT @@tx_read_only, @@session.sql_mode')).rows[0]!;
      expect(String(readOnly)).toBe('1');
      expect(sqlMode).toBe('REAL_AS_FLOAT');
      const write = adapter.run('INSERT INTO t VALUES (2)');
      await expect(write).rejects.toMatchObject({ code: '1792' }); // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION;
    } finally {
      await adapter.close();
    }
    expect(await rowCount()).toBe('1');
  });

  it('without read-only the same DSN variable sees a writable session', async () => {
    const adapter = await openMysqlAdapter(mysqlDsn('sql_mode=@@tx_read_only', DB));
    try {
      expect((await adapter.run('SELECT @@session.sql_mode')).rows[0]![0]).toBe('');
    } finally {
      await adapter.close();
    }
  });

  it('refuses, under read-only, a DSN variable that would switch read-only off', async () => {
    for (const name of ['tx_read_only', 'transaction_read_only']) {
      const error = await openMysqlAdapter(mysqlDsn(`${name}=0`, DB), { readOnly: true }).then(
        async (adapter) => {
          await adapter.close();
          return null;
        },
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DsnError);
      expect((error as DsnError).param).toBe(name);
    }
  });

  it('fails to connect with charset=utf8mb4,utf8, as the service does after Ory re-encodes the comma', async () => {
    const error = await openMysqlAdapter(mysqlDsn('charset=utf8mb4,utf8', DB)).then(
      async (adapter) => {
        await adapter.close();
        return null;
      },
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).message).toMatch(/utf8mb4%2Cutf8.*%2C/);
  });

  it('sends SET NAMES charset COLLATE collation when the DSN names both, as the Go driver does', async () => {
    const adapter = await openMysqlAdapter(mysqlDsn('charset=utf8mb4&collation=utf8mb4_unicode_ci', DB));
    try {
      expect((await adapter.run('SELECT @@collation_connection')).rows[0]![0]).toBe('utf8mb4_unicode_ci');
    } finally {
      await adapter.close();
    }
  });
});
