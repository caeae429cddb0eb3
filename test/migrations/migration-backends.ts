// The backends the migration suites run against, each in a database of its own (created here,
// dropped and recreated per run) so parallel suites never collide.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { MYSQL_DSN, PG_DSN, availability } from '../helpers/servers.js';

export interface MigrationBackend {
  label: string;
  available: boolean;
  /** Creates the database (once per suite) and returns its DSN */
  prepare(): Promise<string>;
  /** Drops the suite's database or file */
  cleanup(): Promise<void>;
  /** Whether two runners can work at once in this process (not an in-process memory database) */
  concurrent: boolean;
}

/** Every table the fixtures and tool-table tests create. */
export const TEST_TABLES = [
  'mig_audit',
  'mig_widgets',
  'mig_things',
  'mig_gadgets',
  'mig_notes',
  'mig_ac_made',
  'mig_tuples',
  'mig_networks',
  'mig_networks_from_shared',
  'mig_credentials',
  'mig_people',
  'mig_sessions',
  'mig_clients',
  'schema_migration',
  'schema_migration_pop_legacy',
  'schema_migration_transactional',
  'schema_migrations',
  'goose_db_version',
  'flyway_schema_history',
  '_prisma_migrations',
  'knex_migrations',
];

export async function dropTestTables(adapter: Adapter): Promise<void> {
  for (const table of TEST_TABLES) await adapter.run(`DROP TABLE IF EXISTS ${table}`);
}

async function withAdapter<T>(dsn: string, body: (adapter: Adapter) => Promise<T>): Promise<T> {
  const adapter = await openAdapter(parseDsn(dsn));
  try {
    return await body(adapter);
  } finally {
    await adapter.close();
  }
}

function pgDsnFor(database: string, scheme: 'postgres' | 'cockroach'): string {
  return PG_DSN.replace(/\/test\?/, `/${database}?`).replace(/^postgres:/, `${scheme}:`);
}

/**
 * There is no CockroachDB here. The migrator checks the server as popx does (`SELECT version()`
 * must name CockroachDB under cockroach://), so the cockroach-dialect database answers that query
 * with a CockroachDB banner: a function `version()` in schema `crdb`, searched before pg_catalog.
 * Everything else is the real PostgreSQL server speaking the wire protocol CockroachDB speaks.
 */
export const CRDB_EMULATION_SQL = [
  'CREATE SCHEMA crdb',
  "CREATE FUNCTION crdb.version() RETURNS text LANGUAGE sql AS $$ SELECT 'CockroachDB CCL v23.1.11 (x86_64-pc-linux-gnu) (PostgreSQL emulating it for dsnsh tests)' $$",
];
export const CRDB_EMULATION_PARAMS = 'search_path=crdb,pg_catalog';

function postgresBackend(label: string, scheme: 'postgres' | 'cockroach', database: string): MigrationBackend {
  const drop = () => withAdapter(PG_DSN, (admin) => admin.run(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  return {
    label,
    available: availability().postgres,
    concurrent: true,
    async prepare() {
      await drop();
      await withAdapter(PG_DSN, (admin) => admin.run(`CREATE DATABASE ${database}`));
      const dsn = pgDsnFor(database, scheme);
      if (scheme === 'postgres') return dsn;
      await withAdapter(dsn, async (db) => {
        for (const statement of CRDB_EMULATION_SQL) await db.run(statement);
      });
      return `${dsn}&${CRDB_EMULATION_PARAMS}`;
    },
    cleanup: async () => {
      await drop();
    },
  };
}

function mysqlBackend(database: string): MigrationBackend {
  return {
    label: 'mariadb',
    available: availability().mysql,
    concurrent: true,
    async prepare() {
      await withAdapter(MYSQL_DSN, async (admin) => {
        await admin.run(`DROP DATABASE IF EXISTS ${database}`);
        await admin.run(`CREATE DATABASE ${database}`);
      });
      return MYSQL_DSN.replace(/\/test$/, `/${database}`);
    },
    cleanup: async () => {
      await withAdapter(MYSQL_DSN, (admin) => admin.run(`DROP DATABASE IF EXISTS ${database}`));
    },
  };
}

function sqliteFileBackend(): MigrationBackend {
  let dir = '';
  return {
    label: 'sqlite file',
    available: true,
    concurrent: true,
    async prepare() {
      dir = mkdtempSync(join(tmpdir(), 'dsnsh-migrations-'));
      // A short busy timeout makes the migrator's own wait for the write lock visible quickly.
      return `sqlite://${join(dir, 'migrations.sqlite')}?_fk=true&_busy_timeout=100`;
    },
    cleanup: async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function memoryBackend(): MigrationBackend {
  return { label: 'memory', available: true, concurrent: false, prepare: async () => 'memory', cleanup: async () => undefined };
}

/** `suffix` keeps the databases of different suites apart. */
export function migrationBackends(suffix: string): MigrationBackend[] {
  return [
    memoryBackend(),
    sqliteFileBackend(),
    postgresBackend('postgres', 'postgres', `dsnsh_migrations_${suffix}`),
    postgresBackend('cockroach dialect', 'cockroach', `dsnsh_migrations_${suffix}_crdb`),
    mysqlBackend(`dsnsh_migrations_${suffix}`),
  ];
}
