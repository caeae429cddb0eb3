// The Go migrations of the released Ory services, for folders that hold only their SQL files
// (Keto's Go migration lives in another folder; a service's pod has no source at all). Facts read
// from the services' source: versions, names, dialects and directions as their popx literals
// declare them.
import type { FileDialect } from './migration-dialect.js';
import type { Direction } from './migration-file.js';

export interface KnownGoMigration {
  service: string;
  version: string;
  name: string;
  dialect: FileDialect | 'all';
  direction: Direction;
  autocommit: boolean;
}

export interface ServiceGoMigrations {
  service: string;
  /** A SQL migration only this service's folder holds (version and name) */
  fingerprint: { version: string; name: string };
  migrations: KnownGoMigration[];
}

function kratosBackfill(version: string, subject: string): KnownGoMigration[] {
  const name = `Backfill column identity_id in ${subject}`;
  const entry = (dialect: KnownGoMigration['dialect'], direction: Direction, entryName: string, autocommit: boolean): KnownGoMigration => ({
    service: 'kratos',
    version,
    name: entryName,
    dialect,
    direction,
    autocommit,
  });
  return [
    entry('cockroach', 'up', name, true),
    entry('postgres', 'up', name, true),
    entry('mysql', 'up', name, true),
    entry('sqlite3', 'up', `${name} (noop)`, false),
    entry('all', 'down', `Revert backfill column identity_id in ${subject} (noop)`, false),
  ];
}

export const KNOWN_GO_MIGRATIONS: readonly ServiceGoMigrations[] = [
  {
    service: 'kratos',
    fingerprint: { version: '20191100000001000000', name: 'identities' },
    migrations: [
      ...kratosBackfill('20251105000000000001', 'identity_credential_identifiers'),
      ...kratosBackfill('20251105000000000002', 'session_devices'),
    ],
  },
  {
    service: 'keto',
    fingerprint: { version: '20201110175414000000', name: 'relationtuple' },
    migrations: (['up', 'down'] as const).map((direction) => ({
      service: 'keto',
      version: '20220513200500000000',
      name: 'migrate-strings-to-uuids',
      dialect: 'all',
      direction,
      autocommit: false,
    })),
  },
];

/** The services whose folder paths name them, for a Go migration found in a source file. */
export const ORY_SERVICES: readonly string[] = ['kratos', 'hydra', 'keto', 'oathkeeper'];

/**
 * The known Go migrations that belong to a folder: the service's fingerprint migration is there,
 * and so is a later migration (a release older than the Go migration does not have it).
 */
export function knownGoMigrationsFor(sqlMigrations: readonly { version: string; name: string }[]): KnownGoMigration[] {
  const found: KnownGoMigration[] = [];
  for (const service of KNOWN_GO_MIGRATIONS) {
    if (!sqlMigrations.some((m) => m.version === service.fingerprint.version && m.name === service.fingerprint.name)) continue;
    for (const migration of service.migrations) {
      if (sqlMigrations.some((m) => m.version > migration.version)) found.push(migration);
    }
  }
  return found;
}
