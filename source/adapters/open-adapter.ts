// Loads the adapter of a DSN's backend on demand, so a session pays only for its own driver.
import type { ParsedDsn } from '../dsn/types.js';
import type { Adapter } from './adapter.js';

export interface OpenAdapterOptions {
  /**
   * SQLite and memory: run the database in this process instead of a worker process. Starts much
   * faster, but a running statement cannot be cancelled (serverSideCancel is false) and Ctrl+C
   * during one ends the process at once. Meant for one-shot commands, not the console.
   * Ignored by the other backends.
   */
  inProcess?: boolean;
}

/** Opens a pool for the DSN and checks one connection, so connect/auth errors surface here. */
export async function openAdapter(dsn: ParsedDsn, options: OpenAdapterOptions = {}): Promise<Adapter> {
  switch (dsn.backend) {
    case 'postgres':
    case 'cockroach': {
      const { openPostgresAdapter } = await import('./postgres/postgres-adapter.js');
      return openPostgresAdapter(dsn);
    }
    case 'mysql': {
      const { openMysqlAdapter } = await import('./mysql/mysql-adapter.js');
      return openMysqlAdapter(dsn);
    }
    case 'sqlite':
    case 'memory': {
      const { openSqliteAdapter } = await import('./sqlite/sqlite-adapter.js');
      return openSqliteAdapter(dsn, options);
    }
  }
}
