// The server probe of a DSN's backend, through its module (backend-registry.ts), loaded on
// demand like the adapters: file databases have no server to probe.
import type { ParsedDsn } from '../dsn/types.js';
import type { ServerProbe } from './adapter.js';
import { moduleFor } from './backend-registry.js';

export function probeServer(dsn: ParsedDsn, timeoutMs: number): Promise<ServerProbe | null> {
  return moduleFor(dsn).probe(dsn, timeoutMs);
}
