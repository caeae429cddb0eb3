// SqliteDsn → how the worker opens the database.
import type { SqliteDsn, SqlitePragma } from '../../dsn/types.js';
import type { MemoryBackingFile } from './memory-backing-file.js';
import type { WorkerOpenConfig } from './worker-protocol.js';

/**
 * The DSN's pragmas in the order the Go driver runs them, auto_vacuum first: it only works before
 * the file is created, which journal_mode=WAL (or any write) does. The DSN parser always yields
 * foreign_keys, as the service always sets it (pop adds _fk=true), so better-sqlite3's own
 * default (on) never decides.
 */
export function pragmasToApply(pragmas: SqlitePragma[]): SqlitePragma[] {
  return [...pragmas.filter((p) => p.name === 'auto_vacuum'), ...pragmas.filter((p) => p.name !== 'auto_vacuum')];
}

export function workerOpenConfig(dsn: SqliteDsn, backing: MemoryBackingFile | null): WorkerOpenConfig {
  if (backing) {
    return {
      path: backing.path,
      readonly: false,
      fileMustExist: false,
      // The backing file only has to survive a worker being killed, not a power cut:
      // synchronous=OFF keeps it as fast as memory allows. DSN pragmas come after and win.
      pragmas: [{ name: 'synchronous', value: 'OFF' }, ...pragmasToApply(dsn.pragmas)],
      txlock: dsn.txlock,
      ownedTempDir: backing.dir,
    };
  }
  const readonly = dsn.mode === 'ro' || dsn.immutable;
  return {
    path: dsn.path,
    readonly,
    // SQLite's mode=ro and mode=rw never create the file; rwc (the default) does.
    fileMustExist: readonly || dsn.mode === 'rw',
    pragmas: pragmasToApply(dsn.pragmas),
    txlock: dsn.txlock,
    ownedTempDir: null,
  };
}
