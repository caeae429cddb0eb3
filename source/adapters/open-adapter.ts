// Opens the adapter of a DSN's backend through its module (backend-registry.ts), which loads the
// driver on demand, so a session pays only for its own driver.
import type { ParsedDsn } from '../dsn/types.js';
import type { Adapter } from './adapter.js';
import type { OpenAdapterOptions } from './backend-module.js';
import { moduleFor } from './backend-registry.js';

export type { OpenAdapterOptions } from './backend-module.js';

/** Opens a pool for the DSN and checks one connection, so connect/auth errors surface here. */
export function openAdapter(dsn: ParsedDsn, options: OpenAdapterOptions = {}): Promise<Adapter> {
  return moduleFor(dsn).open(dsn, options);
}
