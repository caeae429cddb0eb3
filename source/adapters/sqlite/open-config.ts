// SqliteDsn → how the worker opens the database.
import type { SqliteDsn } from '../../dsn/types.js';
import type { MemoryBackingFile } from './memory-backing-file.js';
import type { WorkerOpenConfig } from './worker-protocol.js';

export function workerOpenConfig(dsn: SqliteDsn, backing: MemoryBackingFile | null): WorkerOpenConfig {
  if (backing) {
    return {
      path: backing.path,
      readonly: false,
      fileMustExist: false,
      // The backing file only has to survive a worker being killed, not a power cut:
      // synchronous=OFF keeps it as fast as memory allows. DSN pragmas come after and win.
      pragmas: [{ name: 'synchronous', value: 'OFF' }, ...dsn.pragmas],
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
    pragmas: dsn.pragmas,
    txlock: dsn.txlock,
    ownedTempDir: null,
  };
}
