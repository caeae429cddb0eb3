// Every other tool's table is recognised, with its count, latest version and failed/dirty state.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { readMigrationSummary } from '../../source/migrations/index.js';
import { dropTestTables, migrationBackends } from './migration-backends.js';

interface ToolCase {
  tool: string;
  setup: string[];
  expected: { appliedCount: number | null; latest: object | null; failed: boolean };
}

const TOOL_CASES: ToolCase[] = [
  {
    tool: 'golang-migrate',
    setup: [
      'CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty BOOLEAN NOT NULL)',
      'INSERT INTO schema_migrations VALUES (20230105120000, TRUE)',
    ],
    expected: { appliedCount: null, latest: { version: '20230105120000' }, failed: true },
  },
  {
    tool: 'rails',
    setup: [
      'CREATE TABLE schema_migrations (version VARCHAR(255) NOT NULL PRIMARY KEY)',
      "INSERT INTO schema_migrations VALUES ('20230101000000')",
      "INSERT INTO schema_migrations VALUES ('20230202000000')",
    ],
    expected: { appliedCount: 2, latest: { version: '20230202000000', appliedAt: null }, failed: false },
  },
  {
    tool: 'goose',
    setup: [
      'CREATE TABLE goose_db_version (id INTEGER NOT NULL PRIMARY KEY, version_id BIGINT NOT NULL, is_applied BOOLEAN NOT NULL, tstamp VARCHAR(40))',
      "INSERT INTO goose_db_version VALUES (1, 0, TRUE, '2023-01-01T00:00:00Z')",
      "INSERT INTO goose_db_version VALUES (2, 20230101000000, TRUE, '2023-01-01T00:00:01Z')",
      "INSERT INTO goose_db_version VALUES (3, 20230202000000, TRUE, '2023-02-02T00:00:00Z')",
      "INSERT INTO goose_db_version VALUES (4, 20230202000000, FALSE, '2023-02-03T00:00:00Z')",
    ],
    expected: { appliedCount: 1, latest: { version: '20230101000000', appliedAt: '2023-01-01T00:00:01Z' }, failed: false },
  },
  {
    tool: 'flyway',
    setup: [
      'CREATE TABLE flyway_schema_history (installed_rank INTEGER NOT NULL PRIMARY KEY, version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, installed_on VARCHAR(40) NOT NULL, success BOOLEAN NOT NULL)',
      "INSERT INTO flyway_schema_history VALUES (1, '1', 'init', 'SQL', '2023-01-01 10:00:00', TRUE)",
      "INSERT INTO flyway_schema_history VALUES (2, '1.1', 'add users', 'SQL', '2023-01-02 10:00:00', TRUE)",
      "INSERT INTO flyway_schema_history VALUES (3, '2', 'broken', 'SQL', '2023-01-03 10:00:00', FALSE)",
    ],
    expected: { appliedCount: 2, latest: { version: '1.1', name: 'add users', appliedAt: '2023-01-02 10:00:00' }, failed: true },
  },
  {
    tool: 'prisma',
    setup: [
      'CREATE TABLE _prisma_migrations (id VARCHAR(36) NOT NULL PRIMARY KEY, migration_name VARCHAR(255) NOT NULL, started_at VARCHAR(40) NOT NULL, finished_at VARCHAR(40), rolled_back_at VARCHAR(40))',
      "INSERT INTO _prisma_migrations VALUES ('a', '20230101000000_init', '2023-01-01', '2023-01-01T00:00:02Z', NULL)",
      "INSERT INTO _prisma_migrations VALUES ('b', '20230202000000_add_posts', '2023-02-02', NULL, NULL)",
      "INSERT INTO _prisma_migrations VALUES ('c', '20230303000000_gone', '2023-03-03', NULL, '2023-03-04')",
    ],
    expected: { appliedCount: 1, latest: { version: '20230101000000', name: 'init', appliedAt: '2023-01-01T00:00:02Z' }, failed: true },
  },
  {
    tool: 'knex',
    setup: [
      'CREATE TABLE knex_migrations (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(255), batch INTEGER, migration_time VARCHAR(40))',
      "INSERT INTO knex_migrations VALUES (1, '20230101000000_create_users.js', 1, '2023-01-01T00:00:00Z')",
      "INSERT INTO knex_migrations VALUES (2, '20230202000000_add_posts.ts', 2, '2023-02-02T00:00:00Z')",
    ],
    expected: {
      appliedCount: 2,
      latest: { version: '20230202000000', name: 'add_posts', appliedAt: '2023-02-02T00:00:00Z' },
      failed: false,
    },
  },
];

for (const backend of migrationBackends('tools')) {
  describe.skipIf(!backend.available)(`migration tool tables on ${backend.label}`, () => {
    let adapter: Adapter;
    beforeAll(async () => {
      adapter = await openAdapter(parseDsn(await backend.prepare()));
    });
    afterAll(async () => {
      await adapter?.close();
      await backend.cleanup();
    });
    beforeEach(async () => {
      await dropTestTables(adapter);
    });

    it('finds nothing in an empty database', async () => {
      expect(await readMigrationSummary(adapter)).toMatchObject({
        tool: null,
        appliedCount: 0,
        latest: null,
        otherTools: [],
        problem: null,
      });
    });

    it.each(TOOL_CASES)('recognises $tool', async ({ tool, setup, expected }) => {
      for (const statement of setup) await adapter.run(statement);
      const summary = await readMigrationSummary(adapter);
      expect(summary.problem).toBeNull();
      expect(summary).toMatchObject({
        tool,
        ...expected,
        latest: expected.latest === null ? null : expect.objectContaining(expected.latest),
      });
      expect(summary.failed ? summary.failure : null).toEqual(expected.failed ? expect.any(String) : null);
    });

    it("prefers Ory's table and lists the others; without a folder reports count and latest", async () => {
      await adapter.run('CREATE TABLE schema_migration (version VARCHAR (48) NOT NULL, version_self INT NOT NULL DEFAULT 0)');
      for (const v of ['20240101100000000001', '20240102100000000000', '20231231000000'])
        await adapter.run(`INSERT INTO schema_migration (version) VALUES ('${v}')`);
      for (const statement of TOOL_CASES[1]!.setup) await adapter.run(statement);
      const summary = await readMigrationSummary(adapter);
      expect(summary).toMatchObject({
        tool: 'ory',
        table: 'schema_migration',
        appliedCount: 3,
        pendingCount: null,
        unknownCount: null,
        latest: { version: '20240102100000000000', appliedAt: null },
        legacyLayout: false,
      });
      expect(summary.otherTools.map((t) => t.tool)).toEqual(['rails']);
    });
  });
}
