// A real InnoDB row-lock wait on the shared MariaDB server for the suites that show who blocks
// whom: in its own database, user `holder` updates row 1 of table t inside an open transaction
// and user `waiter` waits for that row. Registered as the suite's beforeAll/afterAll; afterwards
// the transaction is rolled back and the database and users are dropped.
import mysql from 'mysql2/promise';
import { afterAll, beforeAll } from 'vitest';
import { ensureDatabase, waitUntil } from './mariadb-test-db.js';
import { MYSQL_HOST, MYSQL_PORT } from './servers.js';

export function mariadbLockWait(database: string, users: { holder: string; waiter: string }): void {
  const base = { host: MYSQL_HOST, port: MYSQL_PORT, database };
  let holder: mysql.Connection | undefined;
  let waiter: mysql.Connection | undefined;
  let waiting: Promise<unknown> = Promise.resolve();
  beforeAll(async () => {
    await ensureDatabase(database);
    const root = await mysql.createConnection({ ...base, user: 'root' });
    for (const user of [users.holder, users.waiter]) {
      await root.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await root.query(`CREATE USER '${user}'@'%'`);
      await root.query(`GRANT ALL ON ${database}.* TO '${user}'@'%'`);
    }
    await root.query('DROP TABLE IF EXISTS t');
    await root.query('CREATE TABLE t (id INT PRIMARY KEY, n INT) ENGINE=InnoDB');
    await root.query('INSERT INTO t VALUES (1, 0)');
    await root.end();
    holder = await mysql.createConnection({ ...base, user: users.holder });
    waiter = await mysql.createConnection({ ...base, user: users.waiter });
    await holder.query('BEGIN');
    await holder.query('UPDATE t SET n = n + 1 WHERE id = 1');
    waiting = waiter.query('UPDATE t SET n = n + 10 WHERE id = 1').catch(() => undefined);
    const probe = await mysql.createConnection({ ...base, user: 'root' });
    await waitUntil(
      async () =>
        ((await probe.query('SELECT COUNT(*) AS n FROM information_schema.INNODB_LOCK_WAITS'))[0] as Array<{ n: number }>)[0]!.n > 0,
      10_000,
      'the lock wait',
    );
    await probe.end();
  });
  afterAll(async () => {
    await holder?.query('ROLLBACK').catch(() => undefined);
    await waiting;
    await holder?.end().catch(() => undefined);
    await waiter?.end().catch(() => undefined);
    const root = await mysql.createConnection({ ...base, user: 'root' });
    await root.query(`DROP DATABASE ${database}`);
    for (const user of [users.holder, users.waiter]) await root.query(`DROP USER IF EXISTS '${user}'@'%'`);
    await root.end();
  });
}
