// Ory's `schema_migration` table: creating it the way Ory's migrator (popx) does, moving an older
// 14-character table to the current layout, and the statements that record a version.
import type { DialectSql } from './dialect-sql.js';
import { ORY_TABLE } from './tool-tables.js';

const INTERIM = `${ORY_TABLE}_transactional`;
const LEGACY_BACKUP = `${ORY_TABLE}_pop_legacy`;

function createStatements(table: string): string[] {
  return [
    `CREATE TABLE ${table} (version VARCHAR (48) NOT NULL, version_self INT NOT NULL DEFAULT 0)`,
    `CREATE UNIQUE INDEX ${ORY_TABLE}_version_idx ON ${table} (version)`,
    `CREATE INDEX ${ORY_TABLE}_version_self_idx ON ${table} (version_self)`,
  ];
}

/** Creates the current layout: VARCHAR(48) version, version_self, unique index on version. */
export function createTableStatements(): string[] {
  return createStatements(ORY_TABLE);
}

/**
 * Moves an older table (14-character version, no version_self) to the current layout, keeping the
 * old one as `schema_migration_pop_legacy`, as Ory's migrator does.
 */
export function upgradeLegacyTableStatements(sql: DialectSql): string[] {
  return [
    ...(sql.dropLegacyIndex === null ? [] : [sql.dropLegacyIndex]),
    ...createStatements(INTERIM),
    `INSERT INTO ${INTERIM} (version) SELECT version FROM ${ORY_TABLE}`,
    `ALTER TABLE ${ORY_TABLE} RENAME TO ${LEGACY_BACKUP}`,
    `ALTER TABLE ${INTERIM} RENAME TO ${ORY_TABLE}`,
  ];
}

function checkedVersion(version: string): string {
  // Versions come from file names matched by /^\d+_/; anything else must never reach SQL.
  if (!/^\d+$/.test(version)) throw new Error(`internal: not a migration version: ${JSON.stringify(version)}`);
  return version;
}

export function recordVersionStatement(version: string): string {
  return `INSERT INTO ${ORY_TABLE} (version) VALUES ('${checkedVersion(version)}')`;
}

export function forgetVersionStatement(version: string): string {
  return `DELETE FROM ${ORY_TABLE} WHERE version = '${checkedVersion(version)}'`;
}

export function appliedVersionsQuery(): string {
  return `SELECT version FROM ${ORY_TABLE}`;
}
