// The MySQL adapter against the shared MariaDB server: statements, scripts, values, DSN
// parameters read back from the server, sessions, cancel, errors, facts and introspection.
import net from 'node:net';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openMysqlAdapter } from '../../source/adapters/mysql/mysql-adapter.js';
import { MYSQL_TEST_DB, ensureDatabase, mysqlDsn } from '../helpers/mariadb-test-db.js';
import { MYSQL_HOST, MYSQL_PORT, availability } from '../helpers/servers.js';

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AdapterError);
    return error as AdapterError;
  }
  throw new Error('expected a failure');
}

async function value(adapter: Adapter, sql: string): Promise<unknown> {
  return (await adapter.run(sql)).rows[0]?.[0];
}

async function withAdapter<T>(query: string, work: (adapter: Adapter) => Promise<T>): Promise<T> {
  const adapter = await openMysqlAdapter(mysqlDsn(query));
  try {
    return await work(adapter);
  } finally {
    await adapter.close();
  }
}

describe.skipIf(!availability().mysql)('MySQL adapter on MariaDB', () => {
  let adapter: Adapter;

  beforeAll(async () => {
    await ensureDatabase(MYSQL_TEST_DB);
    adapter = await openMysqlAdapter(mysqlDsn());
    await adapter.runScript(`
      DROP TABLE IF EXISTS adapter_types, adapter_parent_child, adapter_parent;
      DROP VIEW IF EXISTS adapter_view;
      CREATE TABLE adapter_parent (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE);
      CREATE TABLE adapter_parent_child (id INT PRIMARY KEY, parent_id INT NOT NULL, FOREIGN KEY (parent_id) REFERENCES adapter_parent(id));
      CREATE VIEW adapter_view AS SELECT id, name FROM adapter_parent;`);
  });

  afterAll(async () => {
    await adapter?.runScript('DROP VIEW IF EXISTS adapter_view; DROP TABLE IF EXISTS adapter_types, adapter_parent_child, adapter_parent');
    await adapter?.close();
  });

  it('declares its capabilities', () => {
    expect(adapter.backend).toBe('mysql');
    expect(adapter.capabilities).toEqual({
      transactionalDdl: false,
      serverSideCancel: true,
      concurrentSessions: true,
      serverCsv: false,
      schemas: false,
    });
  });

  it('runs a statement: columns, rows, affected rows, command, elapsed time', async () => {
    const result = await adapter.run("SELECT 1 AS one, 'two' AS two");
    expect(result.columns).toEqual([
      { name: 'one', type: 'INT' },
      { name: 'two', type: 'VARCHAR' },
    ]);
    expect(result.rows).toEqual([[1, 'two']]);
    expect(result.affectedRows).toBeNull();
    expect(result.command).toBe('SELECT');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    const insert = await adapter.run("INSERT INTO adapter_parent VALUES (1, 'a'), (2, 'b')");
    expect(insert).toMatchObject({ affectedRows: 2, command: 'INSERT', rows: [], columns: [] });
    const update = await adapter.run('UPDATE adapter_parent SET name = name WHERE id = ?', { params: [1] });
    // Ory forces clientFoundRows: matched rows count even when unchanged.
    expect(update.affectedRows).toBe(1);
  });

  it('runs a script and returns each statement result in order', async () => {
    const results = await adapter.runScript(`
      CREATE TEMPORARY TABLE script_tmp (a INT);
      INSERT INTO script_tmp VALUES (1), (2), (3);
      SELECT COUNT(*) AS n FROM script_tmp;
      UPDATE script_tmp SET a = a + 1 WHERE a > 1;
      SELECT a FROM script_tmp ORDER BY a`);
    expect(results).toHaveLength(5);
    expect(results.map((result) => result.affectedRows)).toEqual([0, 3, null, 2, null]);
    expect(results[2]?.rows).toEqual([['3']]);
    expect(results[4]?.rows).toEqual([[1], [3], [4]]);
  });

  it('run() of a CALL gives the procedure rows; runScript() also the trailing OK result', async () => {
    await adapter.run('DROP PROCEDURE IF EXISTS adapter_proc');
    await adapter.run('CREATE PROCEDURE adapter_proc() SELECT 1 AS a UNION ALL SELECT 2');
    try {
      expect(await adapter.run('CALL adapter_proc()')).toMatchObject({ rows: [[1], [2]], command: 'CALL' });
      const script = await adapter.runScript('CALL adapter_proc()');
      expect(script.map((result) => result.rows.length)).toEqual([2, 0]);
    } finally {
      await adapter.run('DROP PROCEDURE IF EXISTS adapter_proc');
    }
  });

  it('normalises values: exact big numbers, ISO dates in loc, hex binary, text, bit, JSON, NULL', async () => {
    await adapter.runScript(`
      CREATE TABLE adapter_types (
        i INT, ti TINYINT, bi BIGINT, ubi BIGINT UNSIGNED, de DECIMAL(30,10), f DOUBLE,
        d DATE, dt DATETIME(6), ts TIMESTAMP NULL, tm TIME, y YEAR,
        c CHAR(3), vc VARCHAR(10), tx TEXT, bl BLOB, vb VARBINARY(8), bn BINARY(2), b BIT(10), j JSON, e ENUM('x','y'), n INT);
      INSERT INTO adapter_types VALUES (
        -7, 127, -9223372036854775808, 18446744073709551615, 12345678901234567890.0123456789, 1.5,
        '2024-01-02', '2024-07-01 12:34:56.789012', '2024-01-15 08:00:00', '-838:59:59', 2024,
        'abc', 'NULL', 'long text', x'00ff10', x'cafe', x'0102', b'1000000001', '{"a": [1, 2]}', 'y', NULL)`);
    const result = await adapter.run('SELECT * FROM adapter_types');
    expect(result.columns.map((column) => column.type)).toEqual([
      'INT',
      'TINYINT',
      'BIGINT',
      'BIGINT UNSIGNED',
      'DECIMAL',
      'DOUBLE',
      'DATE',
      'DATETIME',
      'TIMESTAMP',
      'TIME',
      'YEAR',
      // MariaDB's JSON is LONGTEXT on the wire unless the client asks for extended metadata.
      'CHAR',
      'VARCHAR',
      'TEXT',
      'BLOB',
      'VARBINARY',
      'BINARY',
      'BIT',
      expect.stringMatching(/^(JSON|TEXT)$/),
      'ENUM',
      'INT',
    ]);
    expect(result.rows[0]).toEqual([
      -7,
      127,
      '-9223372036854775808',
      '18446744073709551615',
      '12345678901234567890.0123456789',
      1.5,
      // The default loc is UTC: parseTime (forced by Ory) reads wall-clock values in it.
      '2024-01-02',
      '2024-07-01T12:34:56.789012Z',
      '2024-01-15T08:00:00Z',
      '-838:59:59',
      2024,
      'abc',
      'NULL',
      'long text',
      '00ff10',
      'cafe',
      '0102',
      '513',
      '{"a": [1, 2]}',
      'y',
      null,
    ]);
  });

  it('reads DATETIME in loc (offset for that date), and without parseTime gives the bare ISO text', async () => {
    const sql =
      "SELECT CAST('2024-07-01 12:00:00' AS DATETIME), CAST('2024-01-15 12:00:00.5' AS DATETIME(1)), CAST('0000-00-00 00:00:00' AS DATETIME)";
    const paris = await withAdapter('loc=Europe%2FParis', (a) => a.run(sql));
    expect(paris.rows[0]?.slice(0, 2)).toEqual(['2024-07-01T12:00:00+02:00', '2024-01-15T12:00:00.5+01:00']);
    const bare = await openMysqlAdapter({ ...mysqlDsn('loc=Europe%2FParis'), parseTime: false });
    try {
      expect((await bare.run(sql)).rows[0]?.slice(0, 2)).toEqual(['2024-07-01T12:00:00', '2024-01-15T12:00:00.5']);
    } finally {
      await bare.close();
    }
  });

  it('applies unknown parameters as session variables on every pooled connection', async () => {
    await withAdapter('sql_mode=TRADITIONAL&time_zone=%27%2B03%3A00%27&max_conns=3', async (a) => {
      const sessions = await Promise.all([1, 2, 3].map(() => a.session()));
      try {
        for (const session of sessions) {
          const row = (await session.run('SELECT @@SESSION.sql_mode, @@SESSION.time_zone, CONNECTION_ID()')).rows[0];
          expect(String(row?.[0])).toContain('TRADITIONAL');
          expect(row?.[1]).toBe('+03:00');
        }
        const ids = new Set(await Promise.all(sessions.map(async (s) => (await s.run('SELECT CONNECTION_ID()')).rows[0]?.[0])));
        expect(ids.size).toBe(3);
      } finally {
        await Promise.all(sessions.map((session) => session.release()));
      }
      const facts = await a.serverFacts();
      expect(facts.details.time_zone).toBe('+03:00');
      expect(facts.details.sql_mode).toContain('TRADITIONAL');
    });
  });

  it('fails the connection clearly when the server rejects a session variable', async () => {
    const error = await failure(openMysqlAdapter(mysqlDsn('no_such_variable_dsnsh=1')));
    expect(error.kind).toBe('connect');
    expect(error.message).toContain('no_such_variable_dsnsh');
    expect(error.code).toBe('1193');
  });

  it('uses the collation, and SET NAMES with the charset', async () => {
    expect(await withAdapter('collation=utf8mb4_unicode_ci', (a) => value(a, 'SELECT @@collation_connection'))).toBe('utf8mb4_unicode_ci');
    expect(await withAdapter('collation=latin1_german1_ci', (a) => value(a, 'SELECT @@collation_connection'))).toBe('latin1_german1_ci');
    expect(await withAdapter('charset=latin1', (a) => value(a, 'SELECT @@character_set_connection'))).toBe('latin1');
    // A comma list reaches the driver re-encoded by Ory (no_such_cs%2Cutf8mb4) and fails, as in the service.
    expect((await failure(openMysqlAdapter(mysqlDsn('charset=no_such_cs,utf8mb4')))).message).toContain('no_such_cs%2Cutf8mb4');
    const charsetError = await failure(openMysqlAdapter(mysqlDsn('charset=no_such_cs')));
    expect(charsetError.message).toContain('no_such_cs');
  });

  it('fails the connection on an unknown collation', async () => {
    const error = await failure(openMysqlAdapter(mysqlDsn('collation=klingon_ci')));
    expect(error.kind).toBe('connect');
    expect(error.message).toContain("Unknown collation 'klingon_ci'");
    expect(error.hint).toContain('SHOW COLLATION');
    // Ids above 255 do not fit the handshake: sent as SET NAMES … COLLATE …, which this server refuses.
    const server = await failure(openMysqlAdapter(mysqlDsn('collation=utf8mb4_de_pb_0900_ai_ci')));
    expect(server.kind).toBe('connect');
    expect(server.message).toContain('collation=utf8mb4_de_pb_0900_ai_ci');
  });

  it('enforces maxAllowedPacket on the client, reading the server value for 0', async () => {
    const small = await withAdapter('maxAllowedPacket=100', (a) => failure(a.run(`SELECT '${'x'.repeat(200)}'`)));
    expect(small).toMatchObject({ kind: 'other', code: 'packet_too_large' });
    expect(small.message).toContain('100 bytes');
    await withAdapter('maxAllowedPacket=0', async (a) => {
      const serverMax = Number(await value(a, 'SELECT @@max_allowed_packet'));
      expect(await value(a, `SELECT LENGTH('${'y'.repeat(1000)}')`)).toBe(1000);
      const error = await failure(a.run(`SELECT '${'z'.repeat(serverMax)}'`));
      expect(error.message).toContain(`${serverMax} bytes`);
    });
  });

  it('readTimeout closes a connection that waits too long for the server; the next statement works', async () => {
    await withAdapter('readTimeout=300ms', async (a) => {
      const error = await failure(a.run('SELECT SLEEP(5)'));
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('readTimeout=300ms');
      expect(await value(a, 'SELECT 7')).toBe(7);
    });
  }, 10_000);

  it('writeTimeout closes a connection whose statement the server does not take in time', async () => {
    // A proxy that stops reading from the client once asked: the statement cannot be sent.
    let clientSide: net.Socket | null = null;
    let serverSide: net.Socket | null = null;
    const proxy = net.createServer((client) => {
      const upstream = net.connect(MYSQL_PORT, MYSQL_HOST);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('error', () => {});
      upstream.on('error', () => {});
      clientSide = client;
      serverSide = upstream;
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as net.AddressInfo).port;
    const stalled = await openMysqlAdapter(
      mysqlDsn('writeTimeout=300ms&readTimeout=5s&max_conns=1&maxAllowedPacket=0', MYSQL_TEST_DB, `tcp(127.0.0.1:${port})`),
    );
    try {
      expect(await value(stalled, 'SELECT 1')).toBe(1);
      (clientSide as net.Socket | null)?.unpipe(serverSide as unknown as net.Socket);
      (clientSide as net.Socket | null)?.pause();
      const error = await failure(stalled.run(`SELECT LENGTH('${'w'.repeat(15 * 1024 * 1024)}')`));
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('writeTimeout=300ms');
    } finally {
      await stalled.close();
      (clientSide as net.Socket | null)?.destroy();
      (serverSide as net.Socket | null)?.destroy();
      proxy.close();
    }
  }, 20_000);

  it('clientFoundRows=false counts changed rows only (Ory forces it on)', async () => {
    const changedOnly = await openMysqlAdapter({ ...mysqlDsn(), clientFoundRows: false });
    try {
      await changedOnly.run("INSERT IGNORE INTO adapter_parent VALUES (40, 'same')");
      expect((await changedOnly.run("UPDATE adapter_parent SET name = 'same' WHERE id = 40")).affectedRows).toBe(0);
      expect((await adapter.run("UPDATE adapter_parent SET name = 'same' WHERE id = 40")).affectedRows).toBe(1);
    } finally {
      await changedOnly.close();
    }
  });

  it('timeout bounds the connection attempt (a listener that never answers)', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const error = await failure(openMysqlAdapter(mysqlDsn('timeout=300ms', 'test', `tcp(127.0.0.1:${port})`)));
      expect(error.kind).toBe('timeout');
    } finally {
      silent.close();
    }
  }, 10_000);

  it.skipIf(!existsSync('/run/mysqld/mysqld.sock'))('connects through a unix socket', async () => {
    const socketAdapter = await openMysqlAdapter(mysqlDsn('', MYSQL_TEST_DB, 'unix(/run/mysqld/mysqld.sock)'));
    try {
      expect(await value(socketAdapter, 'SELECT DATABASE()')).toBe(MYSQL_TEST_DB);
      // Over the socket the server reports a localhost connection without a TCP port.
      expect(await value(socketAdapter, 'SELECT HOST FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()')).toBe('localhost');
    } finally {
      await socketAdapter.close();
    }
  });

  it('keeps state in a session and reports the transaction state', async () => {
    const session = await adapter.session();
    expect(session.transactionState()).toBe('idle');
    await session.run('CREATE TEMPORARY TABLE session_tmp (a INT)');
    await session.run('BEGIN');
    expect(session.transactionState()).toBe('in-transaction');
    await session.run('INSERT INTO session_tmp VALUES (1)');
    await session.run('SELECT * FROM session_tmp');
    expect(session.transactionState()).toBe('in-transaction');
    await session.run('COMMIT');
    expect(session.transactionState()).toBe('idle');
    expect((await session.run('SELECT COUNT(*) FROM session_tmp')).rows).toEqual([['1']]);
    await session.run("START TRANSACTION; INSERT INTO adapter_parent VALUES (50, 'rolled back')");
    expect(session.transactionState()).toBe('in-transaction');
    await session.release();
    await session.release();
    // release() rolled the open transaction back.
    expect((await adapter.run('SELECT COUNT(*) FROM adapter_parent WHERE id = 50')).rows).toEqual([['0']]);
    await expect(session.run('SELECT 1')).rejects.toThrow(/released/);
  });

  it('cancels SELECT SLEEP(30) through an AbortSignal with KILL QUERY; the session stays usable', async () => {
    const session = await adapter.session();
    try {
      const before = (await session.run('SELECT CONNECTION_ID()')).rows[0]?.[0];
      const controller = new AbortController();
      const running = session.run('SELECT SLEEP(30)', { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 200));
      controller.abort();
      const error = await failure(running);
      expect(error.kind).toBe('cancelled');
      expect((await session.run('SELECT CONNECTION_ID(), 5')).rows[0]).toEqual([before, 5]);
      // The pooled path too, and a signal that was aborted before the statement.
      const pooled = new AbortController();
      const pooledRun = adapter.run('SELECT SLEEP(30)', { signal: pooled.signal });
      setTimeout(() => pooled.abort(), 100);
      expect((await failure(pooledRun)).kind).toBe('cancelled');
      expect((await failure(adapter.run('SELECT 1', { signal: AbortSignal.abort() }))).kind).toBe('cancelled');
    } finally {
      await session.release();
    }
  }, 10_000);

  it('maps errors to kinds with the server code and the syntax position', async () => {
    await adapter.run("INSERT IGNORE INTO adapter_parent VALUES (1, 'a'), (2, 'b')");
    const bad = 'SELECT * FROM adapter_parent\nWHERE id = = 1';
    const syntax = await failure(adapter.run(bad));
    expect(syntax).toMatchObject({ kind: 'syntax', code: '1064', backend: 'mysql' });
    expect(syntax.message).toContain('at line 2');
    expect(syntax.position).toBe(bad.lastIndexOf('= 1') + 1);
    const multiLine = await failure(adapter.run('SELECT 1;\nSELECT 2 FROM WHERE'));
    expect(multiLine.kind).toBe('syntax');
    expect(multiLine.message).toContain('statement 2 of the script');
    const afterOk = await failure(adapter.run('DO 1; DO 2; SELECT * FROM no_such_table_dsnsh'));
    expect(afterOk.message).toContain('statement 3 of the script');
    // A single statement that fails, even after its first rows, is not called part of a script.
    const digits = '(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2)';
    const midRows = await failure(adapter.run(`SELECT (SELECT b.d FROM ${digits} b WHERE b.d <= a.d) FROM ${digits} a`));
    expect(midRows).toMatchObject({ code: '1242' });
    expect(midRows.message).not.toContain('script');
    expect((await failure(adapter.run('SELECT * FROM no_such_table_dsnsh'))).message).not.toContain('script');
    expect(await failure(adapter.run("INSERT INTO adapter_parent VALUES (1, 'dup')"))).toMatchObject({ kind: 'constraint', code: '1062' });
    expect(await failure(adapter.run('INSERT INTO adapter_parent_child VALUES (1, 999)'))).toMatchObject({
      kind: 'constraint',
      code: '1452',
    });
    expect(await failure(adapter.run('INSERT INTO adapter_parent VALUES (3, NULL)'))).toMatchObject({ kind: 'constraint', code: '1048' });
    await adapter.run('INSERT INTO adapter_parent_child VALUES (1, 1)');
    expect(await failure(adapter.run('DELETE FROM adapter_parent WHERE id = 1'))).toMatchObject({ kind: 'constraint', code: '1451' });
    expect(await failure(adapter.run('SELECT * FROM no_such_table_dsnsh'))).toMatchObject({ kind: 'other', code: '1146' });
  });

  it('reports auth, unknown database and refused connections as such, never showing the password', async () => {
    const password = 'Secret-Pa55word';
    const auth = await failure(openMysqlAdapter({ ...mysqlDsn(), password }));
    expect(auth).toMatchObject({ kind: 'auth', code: '1045' });
    expect(`${auth.message} ${auth.hint}`).not.toContain(password);
    expect(await failure(openMysqlAdapter(mysqlDsn('', 'dsnsh_no_such_database')))).toMatchObject({ kind: 'connect', code: '1049' });
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await failure(openMysqlAdapter(mysqlDsn('', 'test', `tcp(127.0.0.1:${port})`)));
    expect(refused).toMatchObject({ kind: 'connect', code: 'ECONNREFUSED' });
    expect(refused.message).toContain(`127.0.0.1:${port}`);
  });

  it('gives server facts', async () => {
    const facts = await adapter.serverFacts();
    expect(facts.product).toBe('MariaDB');
    expect(facts.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(facts.appSessions).toMatchObject({ ok: true });
    expect(facts.totalSessions.ok && facts.totalSessions.value).toBeGreaterThanOrEqual(1);
    expect(facts.maxConnections.ok && facts.maxConnections.value).toBeGreaterThan(0);
    expect(facts.tls).toEqual({ ok: true, value: { encrypted: false, verified: false } });
    expect(Object.keys(facts.details)).toEqual(expect.arrayContaining(['sql_mode', 'time_zone']));
  });

  it('introspects databases as schemas, tables and views, and columns', async () => {
    expect((await adapter.introspect.schemas()).map((schema) => schema.name)).toContain(MYSQL_TEST_DB);
    const tables = await adapter.introspect.tables(MYSQL_TEST_DB);
    expect(tables).toEqual(
      expect.arrayContaining([
        { schema: MYSQL_TEST_DB, name: 'adapter_parent', kind: 'table' },
        { schema: MYSQL_TEST_DB, name: 'adapter_view', kind: 'view' },
      ]),
    );
    expect((await adapter.introspect.tables()).some((table) => table.schema === 'mysql')).toBe(false);
    expect(await adapter.introspect.columns('adapter_parent')).toEqual([
      { name: 'id', type: 'int(11)', nullable: false },
      { name: 'name', type: 'varchar(20)', nullable: false },
    ]);
    expect(await adapter.introspect.columns('adapter_view', MYSQL_TEST_DB)).toHaveLength(2);
  });
});
