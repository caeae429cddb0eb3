// Load: 200 concurrent statements through one pool with max_conns=5 never open more than 5 server
// sessions, all complete, and the pool snapshot shows the callers waiting; 10,000 statements in
// one session leave the heap flat (measured in a child process with --expose-gc).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { PROJECT_ROOT } from '../helpers/cli-path.js';
import { availability, MYSQL_HOST, MYSQL_PORT, PG_DSN } from '../helpers/servers.js';

const APP = `rel_load_${process.pid}`;
const MYSQL_LOAD_DB = 'dsnsh_reliability_load';

interface Backend {
  name: string;
  dsn: (extra: string) => string;
  sleepSql: (i: number) => string;
  /** Server sessions that belong to the pool under test */
  sessionsSql: string;
}

const backends: Backend[] = [
  {
    name: 'postgres',
    dsn: (extra) => `${PG_DSN}&application_name=${APP}&${extra}`,
    sleepSql: (i) => `select ${i} as n, pg_sleep(0.005)::text as slept`,
    sessionsSql: `select count(*) from pg_stat_activity where application_name = '${APP}'`,
  },
  {
    name: 'mysql',
    dsn: (extra) => `mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/${MYSQL_LOAD_DB}?${extra}`,
    sleepSql: (i) => `select ${i} as n, sleep(0.005) as slept`,
    sessionsSql: `select count(*) from information_schema.processlist where db = '${MYSQL_LOAD_DB}'`,
  },
];

function enabled(backend: Backend): boolean {
  return backend.name === 'postgres' ? availability().postgres : availability().mysql;
}

for (const backend of backends) {
  describe.skipIf(!enabled(backend))(`load: ${backend.name}`, () => {
    let monitor: Adapter;
    beforeAll(async () => {
      if (backend.name === 'mysql') {
        const root = await openAdapter(parseDsn(`mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/test`));
        await root.run(`create database if not exists ${MYSQL_LOAD_DB}`);
        await root.close();
        monitor = await openAdapter(parseDsn(`mysql://root@tcp(${MYSQL_HOST}:${MYSQL_PORT})/test?max_conns=1`));
      } else {
        monitor = await openAdapter(parseDsn(`${PG_DSN}&application_name=rel_load_monitor&max_conns=1`));
      }
    });
    afterAll(async () => {
      if (backend.name === 'mysql') await monitor?.run(`drop database if exists ${MYSQL_LOAD_DB}`);
      await monitor?.close();
    });

    it('200 concurrent statements, max_conns=5: at most 5 sessions, all complete, waiting callers seen', async () => {
      const adapter = await openAdapter(parseDsn(backend.dsn('max_conns=5&max_idle_conns=5')));
      const seen = { open: 0, inUse: 0, waiting: 0, serverSessions: 0, samples: 0 };
      let running = true;
      const sampleSnapshot = () => {
        const snapshot = adapter.poolSnapshot();
        seen.open = Math.max(seen.open, snapshot.open);
        seen.inUse = Math.max(seen.inUse, snapshot.inUse);
        seen.waiting = Math.max(seen.waiting, snapshot.waiting);
      };
      const watchServer = (async () => {
        while (running) {
          const count = Number((await monitor.run(backend.sessionsSql)).rows[0]![0]);
          seen.serverSessions = Math.max(seen.serverSessions, count);
          seen.samples += 1;
          sampleSnapshot();
        }
      })();
      try {
        const results = await Promise.all(
          Array.from({ length: 200 }, async (_, i) => {
            sampleSnapshot();
            const result = await adapter.run(backend.sleepSql(i));
            sampleSnapshot();
            return Number(result.rows[0]![0]);
          }),
        );
        expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i));
      } finally {
        running = false;
        await watchServer;
      }
      const after = adapter.poolSnapshot();
      await adapter.close();
      expect(seen.samples).toBeGreaterThan(0);
      expect(seen.serverSessions).toBeGreaterThan(0);
      expect(seen.serverSessions).toBeLessThanOrEqual(5);
      expect(seen.open).toBeLessThanOrEqual(5);
      expect(seen.inUse).toBeLessThanOrEqual(5);
      expect(seen.waiting).toBeGreaterThan(0);
      expect(after).toMatchObject({ waiting: 0, inUse: 0, maxConns: 5 });
    }, 60_000);

    it('10,000 statements in one session: the heap after 10,000 is about the heap after 1,000', async () => {
      const outfile = path.join(PROJECT_ROOT, '.test-tmp', 'reliability-heap', `child-${process.pid}.mjs`);
      await build({
        entryPoints: [path.join(PROJECT_ROOT, 'test/reliability/children/heap-after-statements.ts')],
        outfile,
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        external: ['better-sqlite3', 'pg-native', 'pg', 'pg-cursor', 'pg-copy-streams', 'mysql2'],
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
        logLevel: 'warning',
      });
      try {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ['--expose-gc', outfile, backend.dsn('max_conns=2'), '10000', '1000,5500,10000'],
          { timeout: 180_000 },
        );
        const heap = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
        const [at1000, at5500, at10000] = [heap['1000']!, heap['5500']!, heap['10000']!];
        const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
        const report = `heap MiB after 1,000: ${mib(at1000)}, 5,500: ${mib(at5500)}, 10,000: ${mib(at10000)}`;
        // A leak of even 500 bytes per statement would add 4.3 MiB over the 9,000 statements.
        expect(at10000 - at1000, report).toBeLessThan(4 * 1024 * 1024);
        expect(at10000 - at5500, report).toBeLessThan(3 * 1024 * 1024);
      } finally {
        fs.rmSync(outfile, { force: true });
      }
    }, 200_000);
  });
}
