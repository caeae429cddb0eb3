// Which Ory services' schemas a database holds, told by their tables: Kratos (identities and
// identity_credentials), Hydra (hydra_client), Keto (keto_relation_tuples). Tables are assigned by
// prefix when services share a database; schema_migration and networks (ory/x) are shared.
import type { OryService } from './server-requirements.js';

const MARKERS: Record<OryService, string[]> = {
  kratos: ['identities', 'identity_credentials'],
  hydra: ['hydra_client'],
  keto: ['keto_relation_tuples'],
};

export const SHARED_TABLES = new Set(['schema_migration', 'networks']);

export function recogniseServices(tables: readonly string[]): OryService[] {
  const present = new Set(tables);
  return (Object.keys(MARKERS) as OryService[]).filter((service) => MARKERS[service].every((table) => present.has(table)));
}

/** The service a table belongs to (null: shared, or no recognised service owns it). */
export function ownerOf(table: string, services: readonly OryService[]): OryService | null {
  if (SHARED_TABLES.has(table)) return null;
  if (table.startsWith('hydra_')) return services.includes('hydra') ? 'hydra' : null;
  if (table.startsWith('keto_')) return services.includes('keto') ? 'keto' : null;
  return services.includes('kratos') ? 'kratos' : null;
}
