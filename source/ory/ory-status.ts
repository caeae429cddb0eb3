// `dsnsh ory status`: which Ory services' schemas the database holds, their tables with sizes
// and rows, the applied migration version, and a preview of what the services' own cleanup
// (Kratos `cleanup sql`, Hydra `janitor`) would delete. Everything runs in one read-only session
// (set on the server), so this can never change data.
import type { Adapter, Session } from '../adapters/adapter.js';
import { migrationDialectOf } from '../migrations/index.js';
import { readAppliedState } from '../migrations/read-applied.js';
import { dialectOf } from '../sql/dialect.js';
import { readOnlySessionStatement } from '../sql/read-only-session.js';
import { NETWORK_SQL, cleanupItems, type CleanupSettings } from './cleanup-criteria.js';
import { bind, placeholders, timeText, withValues } from './preview-sql.js';
import { ownerOf, recogniseServices } from './recognise-schema.js';
import type { OryService } from './server-requirements.js';
import { readTableStats, type TableStats } from './table-stats.js';

export interface CleanupPreview {
  service: 'kratos' | 'hydra';
  what: string;
  table: string;
  /** The criteria with their values written in */
  criteria: string;
  cutoff: string;
  /** Rows matching now; null when the table is not there */
  matching: number | null;
  /** Of those, what one run of the service's cleanup removes */
  oneRun: number | null;
  statements: string[];
  note: string | null;
}

export interface OryStatus {
  services: OryService[];
  migrations: { table: string | null; applied: number | null; latest: { version: string; name: string | null } | null };
  tables: Array<TableStats & { service: OryService | null }>;
  /** The network (nid) the services work in: the oldest row of `networks` */
  network: string | null;
  cleanup: CleanupPreview[];
  notes: string[];
}

export async function readOryStatus(adapter: Adapter, settings: CleanupSettings, options: { exactCounts: boolean }): Promise<OryStatus> {
  const session = await adapter.session();
  try {
    await session.run(readOnlySessionStatement(adapter.backend));
    return await readWith(session, adapter, settings, options);
  } finally {
    await session.release();
  }
}

async function readWith(
  session: Session,
  adapter: Adapter,
  settings: CleanupSettings,
  options: { exactCounts: boolean },
): Promise<OryStatus> {
  const migrationDialect = migrationDialectOf(adapter.backend);
  const sqlDialect = dialectOf(adapter.backend);
  const stats = await readTableStats((sql, o) => session.run(sql, o), migrationDialect, options.exactCounts);
  const names = stats.map((table) => table.name);
  const services = recogniseServices(names);
  const notes: string[] = [];
  if (services.length === 0)
    notes.push('no Kratos, Hydra or Keto schema here (looked for identities + identity_credentials, hydra_client, keto_relation_tuples)');
  if (services.includes('keto')) notes.push('Keto has no cleanup command of its own: nothing of it expires');

  const applied = await readAppliedState(session, migrationDialect);
  const ory = applied.ory;
  const migrations = {
    table: ory?.table ?? null,
    applied: ory?.appliedCount ?? null,
    latest: ory?.latest ? { version: ory.latest.version, name: ory.latest.name } : null,
  };

  let network: string | null = null;
  if (names.includes('networks')) {
    const row = (await session.run(NETWORK_SQL)).rows[0];
    network = row ? String(row[0]) : null;
    if (network === null) notes.push('the networks table is empty: the service creates its network when it starts, so nothing matches yet');
  } else if (services.includes('kratos') || services.includes('hydra')) {
    notes.push("no networks table: the cleanup criteria (nid = the service's network) cannot be evaluated");
  }

  const present = new Set(names);
  const cleanup: CleanupPreview[] = [];
  for (const item of cleanupItems(services, settings)) {
    const values = bind(['cutoff', 'nid'], item.cutoff, network, sqlDialect);
    let matching: number | null = null;
    if (present.has(item.table) && names.includes('networks')) {
      const result = await session.run(placeholders(sqlDialect, `SELECT COUNT(*) FROM ${item.table} WHERE ${item.where}`), {
        params: values,
      });
      matching = Number(result.rows[0]?.[0] ?? 0);
    }
    cleanup.push({
      service: item.service,
      what: item.what,
      table: item.table,
      criteria: withValues(item.where, values),
      cutoff: timeText(sqlDialect, item.cutoff),
      matching,
      oneRun: matching === null ? null : item.perRun === null ? matching : Math.min(matching, item.perRun),
      statements: item.statements.map((statement) => withValues(statement.sql, bind(statement.params, item.cutoff, network, sqlDialect))),
      note: present.has(item.table) ? item.note : 'this table is not in the schema (an older or newer version of the service)',
    });
  }
  return {
    services,
    migrations,
    tables: stats.map((table) => ({ ...table, service: ownerOf(table.name, services) })),
    network,
    cleanup,
    notes,
  };
}
