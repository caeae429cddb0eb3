// The memory backend is not a true `:memory:` database: cancelling a statement means killing
// the worker process (SQLite cannot be interrupted from outside), and a `:memory:` database would
// die with it. Instead it lives in a private temporary file (folder 0700, file 0600) that
// survives a worker restart and is deleted on close, on process exit, and by the worker if this
// process vanishes. Seen from the user it is still ephemeral.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onProcessExit } from './exit-cleanup.js';

export interface MemoryBackingFile {
  readonly dir: string;
  readonly path: string;
  /** Deletes the file; idempotent. */
  remove(): void;
}

export function createMemoryBackingFile(): MemoryBackingFile {
  const dir = mkdtempSync(join(tmpdir(), 'dsnsh-memory-'));
  const remove = () => {
    unregister();
    rmSync(dir, { recursive: true, force: true });
  };
  const unregister = onProcessExit(remove);
  return { dir, path: join(dir, 'memory.sqlite'), remove };
}
