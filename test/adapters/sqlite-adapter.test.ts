// The SQLite adapter beyond the shared contract: values, parameters, error mapping, sessions
// queueing on the one connection, introspection of attached databases, facts and pool figures.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openDsn, rejection, scalar, sqliteTestFolder } from './sqlite-test-files.js';

const folder = sqliteTestFolder();
afterAll(() => folder.remove());

async function waitUntil(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('sqlite adapter on a file', () => {
  let db: Adapter;
  const file = folder.file('adapter.sqlite');
  beforeAll(async () => {
    db = await openDsn(`sqlite://${file}?_fk=true&_journal=WAL`);
  });
  afterAll(() => db.close());

  it('declares its capabilities', () => {
    expect(db.backend).toBe('sqlite');
    expect(db.capabilities).toEqual({
      transactionalDdl: true,
      serverSideCancel: true,
      concurrentSessions: false,
      serverCsv: false,
      schemas: false,
    });
  });

  it('normalises values: safe integers as numbers, beyond 2^53 as exact strings, REAL, BLOB hex, NULL', async () => {
    const result = await db.run("SELECT 9007199254740991, 9007199254740993, -9223372036854775808, 1.5, x'00ff10', NULL, 'NULL', ''");
    expect(result.rows).toEqual([[9007199254740991, '9007199254740993', '-9223372036854775808', 1.5, '00ff10', null, 'NULL', '']]);
  });

  it('reports declared column types, and the command', async () => {
    await db.run('CREATE TABLE typed (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, payload BLOB)');
    const insert = await db.run("INSERT INTO typed (name) VALUES ('a'), ('b') RETURNING id");
    expect(insert).toMatchObject({ command: 'INSERT', affectedRows: 2, rows: [[1], [2]] });
    const select = await db.run('SELECT id, name, payload, id + 1 AS next FROM typed');
    expect(select.columns).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: 'name', type: 'VARCHAR(20)' },
      { name: 'payload', type: 'BLOB' },
      { name: 'next', type: '' },
    ]);
    expect(select.command).toBe('SELECT');
    expect(select.affectedRows).toBeNull();
    expect((await db.run('CREATE INDEX typed_name ON typed (name)')).affectedRows).toBeNull();
  });

  it('binds positional parameters (booleans as 1/0)', async () => {
    expect((await db.run('SELECT ? + 1, ?, ?', { params: [41, true, null] })).rows).toEqual([[42, 1, null]]);
  });

  it('runs a script with a trigger body and rejects parameters for scripts', async () => {
    const results = await db.runScript(`
      CREATE TABLE audited (a INTEGER);
      CREATE TABLE audit_log (note TEXT);
      CREATE TRIGGER audited_insert AFTER INSERT ON audited BEGIN
        INSERT INTO audit_log VALUES ('inserted ' || new.a);
      END;
      INSERT INTO audited VALUES (7);
      SELECT note FROM audit_log;`);
    expect(results.at(-1)!.rows).toEqual([['inserted 7']]);
    const error = await rejection(db.runScript('SELECT ?; SELECT ?', { params: [1, 2] }));
    expect(error.message).toMatch(/single statement/);
  });

  it('runs every statement given to run() and returns the last result, as on PostgreSQL', async () => {
    expect((await db.run('SELECT 1; SELECT 2')).rows).toEqual([[2]]);
    expect(await db.run('-- nothing but a comment')).toMatchObject({ rows: [], columns: [], command: null });
  });

  it('maps errors: syntax with position, constraint, statement number in a script', async () => {
    const sql = 'SELECT 1,\n  FROM nowhere';
    const syntax = await rejection(db.run(sql));
    expect(syntax).toMatchObject({ kind: 'syntax', backend: 'sqlite', code: 'SQLITE_ERROR', position: sql.indexOf('FROM') + 1 });
    expect(syntax.message).toMatch(/near "FROM": syntax error/);
    const script = 'SELECT 1;\nSELECT 2;\nSELECT FROM;';
    const inScript = await rejection(db.runScript(script));
    expect(inScript.message).toMatch(/statement 3 of 3/);
    expect(inScript.position).toBe(script.lastIndexOf('FROM') + 1);
    await db.run('CREATE TABLE uniq (a UNIQUE NOT NULL CHECK (a > 0))');
    await db.run('INSERT INTO uniq VALUES (1)');
    expect(await rejection(db.run('INSERT INTO uniq VALUES (1)'))).toMatchObject({ kind: 'constraint', code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await rejection(db.run('INSERT INTO uniq VALUES (NULL)'))).toMatchObject({
      kind: 'constraint',
      code: 'SQLITE_CONSTRAINT_NOTNULL',
    });
    expect(await rejection(db.run('INSERT INTO uniq VALUES (-1)'))).toMatchObject({ kind: 'constraint', code: 'SQLITE_CONSTRAINT_CHECK' });
    expect(await rejection(db.run('SELECT * FROM no_such_table'))).toMatchObject({ kind: 'other' });
  });

  it('maps a lock held by another connection to kind timeout', async () => {
    const locked = await openDsn(`sqlite://${folder.file('locked.sqlite')}?_timeout=50&_journal=DELETE`);
    const other = new Database(folder.file('locked.sqlite'));
    try {
      await locked.run('CREATE TABLE t (a)');
      other.exec('BEGIN EXCLUSIVE');
      const error = await rejection(locked.run('INSERT INTO t VALUES (1)'));
      expect(error.kind).toBe('timeout');
      expect(error.code).toMatch(/^SQLITE_BUSY/);
      expect(error.hint).toMatch(/_busy_timeout/);
    } finally {
      other.close();
      await locked.close();
    }
  });

  it('queues sessions on the one connection; the wait shows in the pool snapshot', async () => {
    const first = await db.session();
    expect(db.poolSnapshot()).toMatchObject({ open: 1, inUse: 1, idle: 0, waiting: 0 });
    let secondReady = false;
    const second = db.session().then((session) => {
      secondReady = true;
      return session;
    });
    await waitUntil(() => db.poolSnapshot().waiting === 1, 'the second session waits');
    expect(secondReady).toBe(false);
    await first.release();
    const session = await second;
    await session.release();
    expect(db.poolSnapshot()).toMatchObject({ open: 1, inUse: 0, idle: 1, waiting: 0 });
  });

  it('stops waiting for the connection when the signal aborts', async () => {
    const holder = await db.session();
    const controller = new AbortController();
    const waiting = db.run('SELECT 1', { signal: controller.signal });
    await waitUntil(() => db.poolSnapshot().waiting === 1, 'the statement waits');
    controller.abort();
    expect((await rejection(waiting)).kind).toBe('cancelled');
    expect(db.poolSnapshot().waiting).toBe(0);
    await holder.release();
  });

  it('rolls back an open transaction when a session is released', async () => {
    await db.run('CREATE TABLE released (a)');
    const session = await db.session();
    await session.run('BEGIN');
    await session.run('INSERT INTO released VALUES (1)');
    expect(session.transactionState()).toBe('in-transaction');
    await session.release();
    await session.release();
    expect(await scalar(db, 'SELECT count(*) FROM released')).toBe(0);
    await expect(session.run('SELECT 1')).rejects.toThrow(/released/);
  });

  it('streams inside a session and reports the columns', async () => {
    const session = await db.session();
    try {
      const stream = await session.stream('SELECT value FROM json_each(?)', { params: ['[1,2,3,4,5]'], chunkSize: 2 });
      expect(stream.columns.map((column) => column.name)).toEqual(['value']);
      const chunks: unknown[][] = [];
      for await (const chunk of stream) chunks.push(chunk);
      expect(chunks).toEqual([[[1], [2]], [[3], [4]], [[5]]]);
      const empty = await session.stream('CREATE TABLE streamed_ddl (a)');
      expect(empty.columns).toEqual([]);
      for await (const chunk of empty) expect(chunk).toBeUndefined();
      expect(await session.run('SELECT count(*) FROM streamed_ddl')).toMatchObject({ rows: [[0]] });
    } finally {
      await session.release();
    }
  });

  it('introspects main and attached databases, tables and views, columns', async () => {
    const attached = folder.file('attached.sqlite');
    await db.run(`ATTACH DATABASE '${attached}' AS aux`);
    await db.runScript('CREATE TABLE aux.extra (k TEXT PRIMARY KEY, v INTEGER NOT NULL); CREATE VIEW names AS SELECT name FROM typed');
    expect(await db.introspect.schemas()).toEqual([{ name: 'main' }, { name: 'aux' }]);
    expect(await db.introspect.tables('aux')).toEqual([{ schema: 'aux', name: 'extra', kind: 'table' }]);
    const all = await db.introspect.tables();
    expect(all).toContainEqual({ schema: 'main', name: 'names', kind: 'view' });
    expect(all).toContainEqual({ schema: 'aux', name: 'extra', kind: 'table' });
    expect(await db.introspect.columns('extra', 'aux')).toEqual([
      { name: 'k', type: 'TEXT', nullable: true },
      { name: 'v', type: 'INTEGER', nullable: false },
    ]);
    expect(await db.introspect.columns('typed')).toEqual([
      { name: 'id', type: 'INTEGER', nullable: false },
      { name: 'name', type: 'VARCHAR(20)', nullable: false },
      { name: 'payload', type: 'BLOB', nullable: true },
    ]);
    await db.run('DETACH DATABASE aux');
  });

  it('reports facts: version, product, file size, journal mode, foreign keys; no session figures', async () => {
    const facts = await db.serverFacts();
    expect(facts.product).toBe('SQLite');
    expect(facts.version).toMatch(/^3\.\d+\.\d+$/);
    expect(facts.appSessions).toEqual({ ok: false, reason: 'not applicable to SQLite' });
    expect(facts.totalSessions.ok).toBe(false);
    expect(facts.maxConnections.ok).toBe(false);
    expect(facts.details).toMatchObject({ file, 'journal mode': 'wal', 'foreign keys': 'on' });
    expect(facts.details['file size']).toMatch(/^\d+ bytes$/);
  });

  it('reports the DSN pool limits', () => {
    expect(db.poolSnapshot()).toMatchObject({
      maxConns: db.dsn.pool.maxConns,
      maxIdleConns: db.dsn.pool.maxIdleConns,
      maxConnLifetimeMs: 0,
    });
  });
});

describe('sqlite connection errors', () => {
  it('names the path and what to check when the folder does not exist', async () => {
    const path = folder.file('no-such-folder/db.sqlite');
    const error = await rejection(openDsn(`sqlite://${path}`));
    expect(error).toMatchObject({ kind: 'connect', backend: 'sqlite' });
    expect(error.message).toContain(path);
    expect(error.hint).toMatch(/folder exists/);
  });

  it('says when the file is not a database', async () => {
    const path = folder.file('not-a-db.sqlite');
    writeFileSync(path, 'this is plain text, not SQLite '.repeat(100));
    const error = await rejection(openDsn(`sqlite://${path}`));
    expect(error).toMatchObject({ kind: 'connect', code: 'SQLITE_NOTADB' });
    expect(error.message).toContain(path);
  });
});

describe('sqlite connection lifetime', () => {
  it('keeps one connection between statements (a TEMP table persists) ...', async () => {
    const db = await openDsn(`sqlite://${folder.file('lifetime.sqlite')}`);
    try {
      await db.run('CREATE TEMP TABLE scratch (a)');
      expect(await scalar(db, 'SELECT count(*) FROM temp.scratch')).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('... and retires it once max_conn_lifetime has passed', async () => {
    const db = await openDsn(`sqlite://${folder.file('lifetime.sqlite')}?max_conn_lifetime=1ms`);
    try {
      await db.run('CREATE TEMP TABLE scratch (a)');
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await rejection(db.run('SELECT count(*) FROM temp.scratch'))).message).toMatch(/no such table/);
    } finally {
      await db.close();
    }
  });
});
