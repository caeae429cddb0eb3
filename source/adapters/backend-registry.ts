// Every backend dsnsh knows, one line each. Adding a backend: a folder with its module, one line here.
import type { Backend, ParsedDsn } from '../dsn/types.js';
import type { AnyBackendModule, BackendModule } from './backend-module.js';
import { mysqlModule } from './mysql/mysql-module.js';
import { postgresModule } from './postgres/postgres-module.js';
import { sqliteModule } from './sqlite/sqlite-module.js';

export const BACKEND_MODULES = [postgresModule, mysqlModule, sqliteModule] as const satisfies readonly AnyBackendModule[];

/** Every backend a DSN can name has a module above: a backend without one fails to compile here. */
type Served = (typeof BACKEND_MODULES)[number]['backends'][number];
export const EVERY_BACKEND_SERVED: [Exclude<Backend, Served>] extends [never] ? true : never = true;

/** The module serving a DSN's backend (typed for that DSN). */
export function moduleFor<D extends ParsedDsn>(dsn: D): BackendModule<D> {
  return moduleOfBackend(dsn.backend) as unknown as BackendModule<D>;
}

export function moduleOfBackend(backend: Backend): AnyBackendModule {
  const found = (BACKEND_MODULES as readonly AnyBackendModule[]).find((module) =>
    (module.backends as readonly Backend[]).includes(backend),
  );
  // Backend is a closed union and every member has a module: reaching this is a bug in this file.
  if (found === undefined) throw new Error(`No backend module serves ${backend}`);
  return found;
}
