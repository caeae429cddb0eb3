// The runtime wrapper every adapter is opened through (runtime-adapter.ts), on real backends:
// lazy open (nothing on the server until first use; concurrent first uses share one open), an
// idempotent close (twice, while opening, while a statement runs), use after close as a clear
// AdapterError, and a driver's own error arriving as an AdapterError without the secret.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Value } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { ensureDatabase, mysqlDsnText, waitUntil } from '../helpers/mariadb-test-db.js';
import { PG_DSN, availability } from '../helpers/servers.js';
import { rejection, sqliteTestFolder } from './sqlite-test-files.js';

const folder = sqliteTestFolder();
const MYSQL_DB = 'dsnsh_runtime_test';
const SECRET = 's3cret-runtime-pw';

interface RuntimeBackend {
  label: string;
  available: () => boolean;
  /** A DSN whose connections `connections` can count, unique to `tag` */
  dsn(tag: string, query?: string): string;
  /** Connections the server holds for `tag`; null where there is no server */
  connections(monitor: Adapter, tag: string): Promise<number> | null;
  /** Statements of `tag` running on the server */
  running?(monitor: Adapter, tag: string): Promise<number>;
  /** Runs for seconds (never long enough to slow the suite down when it is left to finish) */
  longStatement: string;
  /** A parameter placeholder */
  placeholder: string;
}

const count = async (monitor: Adapter, sql: string, params: Value[]) => Number((await monitor.run(sql, { params })).rows[0]?.[0]);

const BACKENDS: RuntimeBackend[] = [
  {
    label: 'memory',
    available: () => true,
    dsn: () => 'memory',
    connections: () => null,
    longStatement: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000) SELECT count(*) FROM c',
    placeholder: '?',
  },
  {
    label: 'sqlite file',
    available: () => true,
    dsn: (tag, query) => `sqlite://${folder.file(`${tag}.sqlite`)}${query ? `?${query}` : ''}`,
    connections: () => null,
    longStatement: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000000) SELECT count(*) FROM c',
    placeholder: '?',
  },
  {
    label: 'postgres',
    available: () => availability().postgres,
    dsn: (tag, query) => `${PG_DSN}&application_name=${tag}${query ? `&${query}` : ''}`,
    connections: (monitor, tag) => count(monitor, 'SELECT count(*) FROM pg_stat_activity WHERE application_name = $1', [tag]),
    running: (monitor, tag) =>
      count(monitor, "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'", [tag]),
    longStatement: 'SELECT pg_sleep(3)',
    placeholder: '$1',
  },
  {
    label: 'mariadb',
    available: () => availability().mysql,
    // A database of its own per tag: processlist.db tells this adapter's connections apart.
    dsn: (tag, query) => mysqlDsnText(query ?? '', `${MYSQL_DB}_${tag}`),
    connections: (monitor, tag) =>
      count(monitor, 'SELECT count(*) FROM information_schema.processlist WHERE db = ?', [`${MYSQL_DB}_${tag}`]),
    running: (monitor, tag) =>
      count(monitor, "SELECT count(*) FROM information_schema.processlist WHERE db = ? AND command = 'Query'", [`${MYSQL_DB}_${tag}`]),
    longStatement: 'SELECT SLEEP(3)',
    placeholder: '?',
  },
];

/** A value each driver's own encoding of parameters chokes on, with a DSN and password in the message. */
function poisonedParam(): Value {
  const fail = (): never => {
    throw new Error(`driver failed for postgres://app:${SECRET}@db.internal/app`);
  };
  return {
    get value() {
      return fail(); // structured clone (SQLite's worker process) reads every property
    },
    toJSON: fail, // pg
    toSqlString: fail, // mysql2
  } as unknown as Value;
}

function expectWrapped(error: AdapterError): void {
  expect(error.kind).toBe('other');
  expect(error.cause).toBeInstanceOf(Error);
  expect(error.cause).not.toBeInstanceOf(AdapterError);
  expect(error.message).toContain('driver failed for postgres://app:***@db.internal/app');
  expect(error.message).not.toContain(SECRET);
}

const CLOSED = /closed by dsnsh/;

afterAll(() => folder.remove());

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available())(`runtime wrapper: ${backend.label}`, () => {
    let monitor: Adapter | null = null;
    let tagCount = 0;
    const nextTag = () => `dsnsh_rt_${process.pid}_${++tagCount}`;
    const open = async (tag: string, lazy = false, query?: string) => {
      if (backend.label === 'mariadb') await ensureDatabase(`${MYSQL_DB}_${tag}`);
      return openAdapter(parseDsn(backend.dsn(tag, query)), { lazy });
    };
    const connections = (tag: string) => (monitor ? backend.connections(monitor, tag) : null);

    beforeAll(async () => {
      if (backend.label === 'postgres') monitor = await openAdapter(parseDsn(PG_DSN));
      if (backend.label === 'mariadb') monitor = await openAdapter(parseDsn(mysqlDsnText('', 'test')));
    });
    afterAll(async () => {
      if (backend.label === 'mariadb' && monitor) {
        for (let i = 1; i <= tagCount; i++) await monitor.run(`DROP DATABASE IF EXISTS \`${MYSQL_DB}_dsnsh_rt_${process.pid}_${i}\``);
      }
      await monitor?.close();
    });

    it('opens nothing until first use; concurrent first uses share one open', async () => {
      const tag = nextTag();
      const db = await open(tag, true, 'max_conns=1');
      try {
        expect(db.poolSnapshot()).toMatchObject({ open: 0, inUse: 0, waiting: 0 });
        if (backend.label === 'sqlite file') expect(existsSync(folder.file(`${tag}.sqlite`))).toBe(false);
        expect(await connections(tag)).toBe(monitor ? 0 : null);

        const results = await Promise.all([db.run('SELECT 1'), db.run('SELECT 2'), db.introspect.schemas()]);
        expect(results[0].rows).toEqual([[1]]);
        expect(db.poolSnapshot().open).toBe(1);
        if (backend.label === 'sqlite file') expect(existsSync(folder.file(`${tag}.sqlite`))).toBe(true);
        // One open: one pool of max_conns=1, so one connection on the server (three opens: three).
        if (monitor) expect(await connections(tag)).toBe(1);
      } finally {
        await db.close();
      }
    });

    it('closes twice without harm; every use after close fails with a clear AdapterError', async () => {
      const db = await open(nextTag());
      const session = await db.session();
      expect((await session.run('SELECT 1')).rows).toEqual([[1]]);
      const stream = await session.stream('SELECT 1 UNION ALL SELECT 2', { chunkSize: 1 });
      const rows = stream[Symbol.asyncIterator]();
      expect((await rows.next()).value).toEqual([[1]]);
      await Promise.all([db.close(), db.close()]);
      await db.close();
      for (const use of [
        () => db.run('SELECT 1'),
        () => db.runScript('SELECT 1'),
        () => db.stream('SELECT 1'),
        () => db.session(),
        () => db.serverFacts(),
        () => db.introspect.tables(),
        () => session.run('SELECT 1'),
        () => rows.next(), // a stream opened before close reads no more
      ]) {
        const error = await rejection(use());
        expect(error.kind).toBe('connect');
        expect(error.message).toMatch(CLOSED);
        expect(error.notSent).toBe(true);
      }
      await session.release(); // still harmless
    });

    it('a close during the open closes what the open yields; the waiting use fails', async () => {
      const tag = nextTag();
      const db = await open(tag, true);
      const using = rejection(db.run('SELECT 1'));
      await db.close();
      const error = await using;
      expect(error.message).toMatch(CLOSED);
      if (monitor) await waitUntil(async () => (await connections(tag)) === 0, 10_000, 'the connection opened during close to end');
      expect(db.poolSnapshot().inUse).toBe(0);
    });

    it('a close while a statement runs settles both: the statement ends or fails as an AdapterError', async () => {
      const tag = nextTag();
      const db = await open(tag);
      const running = db.run(backend.longStatement).then(
        () => null,
        (error: unknown) => error,
      );
      // Running on the server; SQLite: its one connection is in use (the statement was sent).
      await waitUntil(async () => (monitor && backend.running ? (await backend.running(monitor, tag)) > 0 : db.poolSnapshot().inUse === 1));
      await db.close();
      const outcome = await running;
      if (outcome !== null) expect(outcome).toBeInstanceOf(AdapterError);
      expect(await rejection(db.run('SELECT 1'))).toMatchObject({ kind: 'connect', message: expect.stringMatching(CLOSED) });
    });

    it("a driver's own error (not an AdapterError) arrives as one, with its cause and without secrets", async () => {
      const db = await open(nextTag());
      try {
        const sql = `SELECT ${backend.placeholder}`;
        const streamed = await rejection(
          (async () => {
            const stream = await db.stream(sql, { params: [poisonedParam()] });
            for await (const chunk of stream) void chunk;
          })(),
        );
        expectWrapped(streamed);
        if (backend.label !== 'postgres') expectWrapped(await rejection(db.run(sql, { params: [poisonedParam()] })));
        // The adapter is still usable.
        expect((await db.run('SELECT 1')).rows).toEqual([[1]]);
      } finally {
        await db.close();
      }
    });
  });
}
