// SqliteDsn → how the worker opens the database.
import type { SqliteDsn, SqlitePragma } from '../../dsn/types.js';
import type { MemoryBackingFile } from './memory-backing-file.js';
import type { WorkerOpenConfig } from './worker-protocol.js';

/**
 * The DSN's pragmas in DSN order, with two adjustments so the database behaves as under the Go
 * drivers Ory uses:
 * - auto_vacuum first: it only works before the file is created, which journal_mode=WAL (or any
 *   write) does; mattn/go-sqlite3 applies it first for the same reason;
 * - foreign_keys=0 when the DSN does not mention it: better-sqlite3 is compiled with foreign keys
 *   on by default, SQLite and the Go drivers have them off (the DSN parser warns about it).
 */
export function pragmasToApply(pragmas: SqlitePragma[]): SqlitePragma[] {
  const ordered = [...pragmas.filter((p) => p.name === 'auto_vacuum'), ...pragmas.filter((p) => p.name !== 'auto_vacuum')];
  return pragmas.some((p) => p.name === 'foreign_keys') ? ordered : [{ name: 'foreign_keys', value: '0' }, ...ordered];
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
