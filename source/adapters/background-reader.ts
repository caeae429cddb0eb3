// The adapter as a background reader sees it (live panels, completion): every read it makes asks
// for a connection only if one is free (RunOptions.ifConnectionFree), so it never waits in the
// pool behind the user's session or ahead of the user's next statement; it fails with kind 'busy'.
import type { Adapter, RunOptions } from './adapter.js';
import { AdapterError } from './adapter-error.js';

const free = <T extends RunOptions>(options: T | undefined): T => ({ ...options, ifConnectionFree: true }) as T;

export function backgroundReader(adapter: Adapter): Adapter {
  const { introspect, activity } = adapter;
  // Listed one by one: an adapter may be a class instance, whose methods a spread would lose.
  return {
    backend: adapter.backend,
    dsn: adapter.dsn,
    capabilities: adapter.capabilities,
    session: (options) => adapter.session(options),
    run: (sql, options) => adapter.run(sql, free(options)),
    runScript: (sql, options) => adapter.runScript(sql, free(options)),
    stream: (sql, options) => adapter.stream(sql, free(options)),
    serverFacts: (options) => adapter.serverFacts(free(options)),
    introspect: {
      schemas: (options) => introspect.schemas(free(options)),
      tables: (schema, options) => introspect.tables(schema, free(options)),
      columns: (table, schema, options) => introspect.columns(table, schema, free(options)),
      nameCase: introspect.nameCase,
      describe: (relation, options) => introspect.describe(relation, free(options)),
      indexes: (options) => introspect.indexes(free(options)),
      functions: (options) => introspect.functions(free(options)),
    },
    ...(activity
      ? {
          activity: {
            sessions: (options) => activity.sessions(free(options)),
            lockWaits: (options) => activity.lockWaits(free(options)),
          },
        }
      : {}),
    poolSnapshot: () => adapter.poolSnapshot(),
    close: () => adapter.close(),
  };
}

/** The error (or its cause) is a background reader's 'busy': the read did not happen. */
export function isBusy(error: unknown): boolean {
  return error instanceof AdapterError && error.kind === 'busy';
}
