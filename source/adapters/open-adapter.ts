// Opens the adapter of a DSN's backend through its module (backend-registry.ts), which loads the
// driver on demand, so a session pays only for its own driver. Every adapter comes wrapped in the
// one runtime wrapper (runtime-adapter.ts).
import type { ParsedDsn } from '../dsn/types.js';
import type { Adapter } from './adapter.js';
import type { OpenAdapterOptions } from './backend-module.js';
import { moduleFor } from './backend-registry.js';
import { runtimeAdapter } from './runtime-adapter.js';

export type { OpenAdapterOptions } from './backend-module.js';

/**
 * Opens a pool for the DSN and checks one connection, so connect/auth errors surface here;
 * with `lazy`, nothing is opened until first use.
 */
export async function openAdapter(dsn: ParsedDsn, options: OpenAdapterOptions = {}): Promise<Adapter> {
  const module = moduleFor(dsn);
  const adapter = runtimeAdapter({
    dsn,
    capabilities: module.capabilities(dsn, options),
    activity: module.activity,
    nameCase: module.nameCase,
    open: () => module.open(dsn, options),
  });
  if (options.lazy !== true) await adapter.ready();
  return adapter;
}
