// Every backend's descriptor (what dsnsh knows of its DSNs and servers), one line each, light
// enough for any caller: no module here loads a driver or an adapter, not even lazily. The
// registry (backend-registry.ts) lists the same folders' modules, which add open() and probe().
import type { Backend, ParsedDsn } from '../dsn/types.js';
import type { ServerProbe } from './adapter.js';
import type { AnyBackendDescriptor, BackendDescriptor } from './backend-descriptor.js';
import type { WireKnowledge } from './backend-server.js';
import { mysqlDescriptor } from './mysql/mysql-descriptor.js';
import { postgresDescriptor } from './postgres/postgres-descriptor.js';
import { sqliteDescriptor } from './sqlite/sqlite-descriptor.js';

/** In the order messages list their schemes (`supportedSchemesText`). */
export const BACKEND_DESCRIPTORS = [
  sqliteDescriptor,
  postgresDescriptor,
  mysqlDescriptor,
] as const satisfies readonly AnyBackendDescriptor[];

/** Every backend a DSN can name has a descriptor above: a backend without one fails to compile here. */
type Described = (typeof BACKEND_DESCRIPTORS)[number]['backends'][number];
export const EVERY_BACKEND_DESCRIBED: [Exclude<Backend, Described>] extends [never] ? true : never = true;

/** The descriptor of a DSN's backend (typed for that DSN). */
export function descriptorFor<D extends ParsedDsn>(dsn: D): BackendDescriptor<D> {
  return descriptorOfBackend(dsn.backend) as unknown as BackendDescriptor<D>;
}

export function descriptorOfBackend(backend: Backend): AnyBackendDescriptor {
  const found = (BACKEND_DESCRIPTORS as readonly AnyBackendDescriptor[]).find((descriptor) =>
    (descriptor.backends as readonly Backend[]).includes(backend),
  );
  // Backend is a closed union and every member has a descriptor: reaching this is a bug in this file.
  if (found === undefined) throw new Error(`No backend descriptor for ${backend}`);
  return found;
}

/** The wire protocol a probe heard, as the backend that speaks it describes it; null when no backend speaks it. */
export function wireSpeaking(protocol: ServerProbe['protocol']): WireKnowledge | null {
  return (
    (BACKEND_DESCRIPTORS as readonly AnyBackendDescriptor[])
      .map((descriptor) => descriptor.server.wire)
      .find((wire) => wire !== null && wire.protocol === protocol) ?? null
  );
}
