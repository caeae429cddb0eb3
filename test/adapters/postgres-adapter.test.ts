// The PostgreSQL adapter on the shared server: statements, scripts, values, sessions, cancel,
// parameters taking effect, errors, introspection and COPY. Objects live in a schema of our own.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openPostgresAdapter } from '../../source/adapters/postgres/postgres-adapter.js';
import { pgDsn } from '../helpers/pg-dsn.js';
import { availability } from '../helpers/servers.js';

const SUFFIX = `${process.pid}_${Date.now().toString(36)}`;
const SCHEMA = `pgadapter_${SUFFIX}`;

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdapterError);
  return error as AdapterError;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(!availability().postgres)('postgres adapter', () => {
  let db: Adapter;

  beforeAll(async () => {
    db = await openPostgresAdapter(pgDsn({ applicationName: `pgadapter_${SUFFIX}`, maxConns: 4 }));
    await db.run(`CREATE SCHEMA ${SCHEMA}`);
    await db.runScript(`
      CREATE TABLE ${SCHEMA}.items (id int8 PRIMARY KEY, name text NOT NULL UNIQUE, price numeric(12,2));
      CREATE VIEW ${SCHEMA}.cheap AS SELECT * FROM ${SCHEMA}.items WHERE price < 10;`);
  });
  afterAll(async () => {
    await db?.run(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await db?.close();
  });

  it('declares capabilities as data', () => {
    expect(db.capabilities).toEqual({
      transactionalDdl: true,
      serverSideCancel: true,
      concurrentSessions: true,
      serverCsv: true,
      schemas: true,
    });
    expect(db.backend).toBe('postgres');
  });

  it('runs a statement: columns with types, positional rows, command, affected rows', async () => {
    const insert = await db.run(`INSERT INTO ${SCHEMA}.items VALUES (1, 'a', 1.50), (2, 'b', 20)`);
    expect(insert).toMatchObject({ command: 'INSERT', affectedRows: 2, rows: [], columns: [] });
    const select = await db.run(`SELECT id, name, price FROM ${SCHEMA}.items ORDER BY id`);
    expect(select.columns).toEqual([
      { name: 'id', type: 'int8' },
      { name: 'name', type: 'text' },
      { name: 'price', type: 'numeric' },
    ]);
    expect(select.rows).toEqual([
      ['1', 'a', '1.50'],
      ['2', 'b', '20.00'],
    ]);
    expect(select.affectedRows).toBeNull();
    expect(select.elapsedMs).toBeGreaterThanOrEqual(0);
    const update = await db.run(`UPDATE ${SCHEMA}.items SET price = price + 1 WHERE id = $1`, { params: ['2'] });
    expect(update).toMatchObject({ command: 'UPDATE', affectedRows: 1 });
  });

  it('runs a script and returns each statement result in order', async () => {
    const results = await db.runScript(
      `SELECT 1 AS one; CREATE TEMP TABLE pgadapter_tmp (x int); INSERT INTO pgadapter_tmp VALUES (1), (2), (3); SELECT count(*) FROM pgadapter_tmp`,
    );
    expect(results.map((r) => r.command)).toEqual(['SELECT', 'CREATE', 'INSERT', 'SELECT']);
    expect(results[0]!.rows).toEqual([[1]]);
    expect(results[2]!.affectedRows).toBe(3);
    expect(results[3]!.rows).toEqual([['3']]);
  });

  it('normalises values once: exact 64-bit integers and decimals, ISO dates, hex binary, JSON text, NULL', async () => {
    const { rows, columns } =
      await db.run(`SELECT 9223372036854775807::int8, 12345678901234567890.123456789::numeric, 32767::int2, 7::int4, 1.25::float8,
      true, DATE '2024-02-29', TIMESTAMP '2024-01-02 03:04:05.123456', TIMESTAMPTZ '2024-01-02 03:04:05+02' AT TIME ZONE 'UTC',
      '2024-01-02 03:04:05+00'::timestamptz, '\\x00ff10'::bytea, '{"a": [1, 2]}'::jsonb, '{"b":1}'::json, NULL::text, 'NULL', ARRAY[1,2]`);
    expect(rows[0]).toEqual([
      '9223372036854775807',
      '12345678901234567890.123456789',
      32767,
      7,
      1.25,
      true,
      '2024-02-29',
      '2024-01-02T03:04:05.123456',
      '2024-01-02T01:04:05',
      expect.stringMatching(/^2024-01-02T\d\d:04:05[+-]\d\d:\d\d$/),
      '00ff10',
      '{"a": [1, 2]}',
      '{"b":1}',
      null,
      'NULL',
      '{1,2}',
    ]);
    expect(columns.map((c) => c.type)).toEqual([
      'int8',
      'numeric',
      'int2',
      'int4',
      'float8',
      'bool',
      'date',
      'timestamp',
      'timestamp',
      'timestamptz',
      'bytea',
      'jsonb',
      'json',
      'text',
      'text',
      '_int4',
    ]);
  });

  it('does not change the global pg type parsers', async () => {
    const pg = (await import('pg')).default;
    expect(pg.types.getTypeParser(20, 'text')('5')).toBe('5'); // pg's own default for int8 is a string
    expect(pg.types.getTypeParser(16, 'text')('t')).toBe(true);
    expect(pg.types.getTypeParser(1082, 'text')('2024-01-01')).toBeInstanceOf(Date); // untouched
  });

  it('names user-defined column types', async () => {
    await db.run(`CREATE TYPE ${SCHEMA}.mood AS ENUM ('ok', 'sad')`);
    const result = await db.run(`SELECT 'ok'::${SCHEMA}.mood AS m`);
    expect(result.columns).toEqual([{ name: 'm', type: 'mood' }]);
    expect(result.rows).toEqual([['ok']]);
  });

  it('sessions keep state and report the server transaction state', async () => {
    const session = await db.session();
    expect(session.transactionState()).toBe('idle');
    await session.run('BEGIN');
    expect(session.transactionState()).toBe('in-transaction');
    await session.run(`INSERT INTO ${SCHEMA}.items VALUES (10, 'tx', 1)`);
    const error = await rejection(session.run('SELECT 1/0'));
    expect(error.code).toBe('22012');
    expect(session.transactionState()).toBe('failed');
    await session.run('ROLLBACK');
    expect(session.transactionState()).toBe('idle');
    expect((await db.run(`SELECT count(*) FROM ${SCHEMA}.items WHERE id = 10`)).rows).toEqual([['0']]);
    await session.run('BEGIN');
    await session.release(); // rolls back the open transaction before returning the connection
    await session.release();
    await expect(session.run('SELECT 1')).rejects.toThrow(/released/);
  });

  it('cancels a running statement through an AbortSignal and keeps the session usable', async () => {
    const session = await db.session();
    await session.run('CREATE TEMP TABLE pgadapter_keep (x int); INSERT INTO pgadapter_keep VALUES (42)');
    const controller = new AbortController();
    const sleeping = session.run('SELECT pg_sleep(30)', { signal: controller.signal });
    await waitFor(
      async () =>
        (await db.run("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'")).rows[0]![0] !==
        '0',
      'the statement to run',
    );
    controller.abort();
    const error = await rejection(sleeping);
    expect(error.kind).toBe('cancelled');
    // Cancelled on the server, not merely abandoned by the client.
    expect(
      (await db.run("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'")).rows[0]![0],
    ).toBe('0');
    expect((await session.run('SELECT x FROM pgadapter_keep')).rows).toEqual([[42]]);
    await session.release();
  });

  it('cancels on the pool too, and an already aborted signal runs nothing', async () => {
    const controller = new AbortController();
    const sleeping = db.run('SELECT pg_sleep(30) AS pool_sleep', { signal: controller.signal });
    await waitFor(
      async () =>
        (
          await db.run(
            "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%AS pool_sleep' AND state = 'active' AND pid <> pg_backend_pid()",
          )
        ).rows[0]![0] !== '0',
      'the statement to run',
    );
    controller.abort();
    expect((await rejection(sleeping)).kind).toBe('cancelled');
    expect((await rejection(db.run('SELECT 1', { signal: AbortSignal.abort() }))).kind).toBe('cancelled');
    expect((await db.run('SELECT 2')).rows).toEqual([[2]]);
  });

  it('maps errors to kinds with SQLSTATE, position and hint', async () => {
    const syntax = await rejection(db.run('SELEC 1'));
    expect(syntax).toMatchObject({ kind: 'syntax', code: '42601', position: 1, backend: 'postgres' });
    const missing = await rejection(db.run(`SELECT nope FROM ${SCHEMA}.items`));
    expect(missing).toMatchObject({ kind: 'syntax', code: '42703', position: 8 });
    const unique = await rejection(db.run(`INSERT INTO ${SCHEMA}.items VALUES (99, 'a', 1)`));
    expect(unique).toMatchObject({ kind: 'constraint', code: '23505' });
    const timeout = await rejection(db.runScript("SET statement_timeout = '50ms'; SELECT pg_sleep(5)"));
    expect(timeout).toMatchObject({ kind: 'timeout', code: '57014' });
    const other = await rejection(db.run('SELECT 1/0'));
    expect(other).toMatchObject({ kind: 'other', code: '22012' });
    expect(syntax.cause).toBeDefined();
  });

  it('reports connection failures as connect errors without the password', async () => {
    const refused = await rejection(openPostgresAdapter(pgDsn({ port: 1, password: 's3cr3t-pw' })));
    expect(refused.kind).toBe('connect');
    expect(refused.message).toMatch(/127\.0\.0\.1:1/);
    expect(refused.message).not.toContain('s3cr3t-pw');
    const unknownDb = await rejection(openPostgresAdapter(pgDsn({ database: `no_such_db_${SUFFIX}` })));
    expect(unknownDb.code).toBe('3D000');
  });

  it('sends application_name, search_path and every other parameter as server settings', async () => {
    const appName = `pgadapter_app_${SUFFIX}`;
    const custom = await openPostgresAdapter(
      pgDsn({
        applicationName: appName,
        searchPath: `${SCHEMA},public`,
        serverSettings: { statement_timeout: '1234', TimeZone: 'America/New_York', 'dsnsh.note': 'two words\\here' },
      }),
    );
    try {
      const { rows } =
        await custom.run(`SELECT current_setting('application_name'), current_setting('search_path'), current_setting('statement_timeout'),
        current_setting('TimeZone'), current_setting('dsnsh.note'), (SELECT count(*) FROM items)`);
      expect(rows[0]).toEqual([appName, `${SCHEMA},public`, '1234ms', 'America/New_York', 'two words\\here', expect.any(String)]);
      const seen = await db.run('SELECT count(*) FROM pg_stat_activity WHERE application_name = $1', { params: [appName] });
      expect(seen.rows).toEqual([['1']]);
      const facts = await custom.serverFacts();
      expect(facts.appSessions).toEqual({ ok: true, value: 1 });
      expect(facts.details.search_path).toBe(`${SCHEMA},public`);
    } finally {
      await custom.close();
    }
  });

  it('a setting the server does not know fails the connection with the DSN named as the cause', async () => {
    const unknown = await rejection(openPostgresAdapter(pgDsn({ serverSettings: { no_such_setting: '1' } })));
    expect(unknown).toMatchObject({ kind: 'connect', code: '42704' });
    expect(unknown.message).toMatch(/rejected a setting from the DSN: unrecognized configuration parameter "no_such_setting"/);
    const invalid = await rejection(openPostgresAdapter(pgDsn({ serverSettings: { statement_timeout: 'soon' } })));
    expect(invalid).toMatchObject({ kind: 'connect', code: '22023' });
  });

  it('uses fallback_application_name when application_name is absent', async () => {
    const name = `pgadapter_fb_${SUFFIX}`;
    const fallback = await openPostgresAdapter(pgDsn({ fallbackApplicationName: name }));
    expect((await fallback.run("SELECT current_setting('application_name')")).rows).toEqual([[name]]);
    await fallback.close();
  });

  it('reports server facts', async () => {
    const facts = await db.serverFacts();
    expect(facts.product).toBe('PostgreSQL');
    expect(facts.version).toMatch(/^PostgreSQL \d+/);
    expect(facts.appSessions.ok && facts.appSessions.value).toBeGreaterThanOrEqual(1);
    expect(facts.totalSessions.ok && facts.totalSessions.value).toBeGreaterThanOrEqual(1);
    expect(facts.maxConnections.ok && facts.maxConnections.value).toBeGreaterThan(0);
    expect(facts.tls).toEqual({ ok: true, value: { encrypted: false, verified: false } });
    expect(facts.details).toMatchObject({ database: 'test', user: 'postgres', transport: 'plaintext' });
  });

  it('introspects schemas, tables, views and columns through information_schema', async () => {
    expect((await db.introspect.schemas()).map((s) => s.name)).toContain(SCHEMA);
    expect(await db.introspect.tables(SCHEMA)).toEqual([
      { schema: SCHEMA, name: 'cheap', kind: 'view' },
      { schema: SCHEMA, name: 'items', kind: 'table' },
    ]);
    const all = await db.introspect.tables();
    expect(all).toContainEqual({ schema: SCHEMA, name: 'items', kind: 'table' });
    expect(all.some((t) => t.schema === 'pg_catalog')).toBe(false);
    expect(await db.introspect.columns('items', SCHEMA)).toEqual([
      { name: 'id', type: 'bigint', nullable: false },
      { name: 'name', type: 'text', nullable: false },
      { name: 'price', type: 'numeric', nullable: true },
    ]);
    expect(await db.introspect.columns('items')).toEqual([]); // not on the search path
  });

  it('copies a query as server-side CSV into a sink without ending it', async () => {
    let text = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    const result = await db.copyCsv!(`SELECT id, name, NULL AS nothing FROM ${SCHEMA}.items WHERE id < 3 ORDER BY id;`, sink, {
      header: true,
      nullText: '\\N',
    });
    expect(result).toEqual({ rows: 2 });
    expect(text).toBe('id,name,nothing\n1,a,\\N\n2,b,\\N\n');
    expect(sink.writableEnded).toBe(false);
  });

  it('closes idempotently, also with a session and a stream still open', async () => {
    const extra = await openPostgresAdapter(pgDsn());
    const session = await extra.session();
    await session.run('BEGIN');
    const stream = await extra.stream('SELECT g FROM generate_series(1, 100000) g', { chunkSize: 10 });
    await extra.close();
    await extra.close();
    expect(extra.poolSnapshot().open).toBe(0);
    expect(await rejection(session.run('SELECT 1'))).toBeInstanceOf(AdapterError);
    await session.release();
    await stream.close();
  });
});

describe.skipIf(!availability().postgres)('cockroach dialect against the PostgreSQL server (no real CockroachDB is available here)', () => {
  let crdb: Adapter;
  beforeAll(async () => {
    crdb = await openPostgresAdapter(pgDsn({ backend: 'cockroach' }));
  });
  afterAll(async () => {
    await crdb?.close();
  });

  it('keeps the cockroach backend and runs migrations without transactional DDL', () => {
    expect(crdb.backend).toBe('cockroach');
    expect(crdb.capabilities.transactionalDdl).toBe(false);
    expect(crdb.capabilities.serverCsv).toBe(true);
  });

  it('runs statements, reports the real product, and introspects through information_schema', async () => {
    expect((await crdb.run('SELECT 1::int8')).rows).toEqual([['1']]);
    expect((await crdb.serverFacts()).product).toBe('PostgreSQL');
    expect((await crdb.introspect.schemas()).map((s) => s.name)).toContain('public');
    const error = await rejection(crdb.run('SELEC'));
    expect(error).toMatchObject({ kind: 'syntax', backend: 'cockroach' });
  });
});
