// Opening SQLite for a read-only caller (--read-only, a read-only profile): the file is opened
// read-only (so nothing this connection runs can write it), it must already exist (never
// created), and of the DSN's pragmas only those that configure the connection are applied.
import fs from 'node:fs';
import type { SqliteDsn, SqlitePragma } from '../../dsn/types.js';
import { AdapterError } from '../adapter-error.js';
import type { WorkerOpenConfig } from './worker-protocol.js';

/** Pragmas that change how this connection behaves and nothing in the database file. */
const CONNECTION_PRAGMAS = new Set([
  'foreign_keys',
  'busy_timeout',
  'synchronous',
  'case_sensitive_like',
  'defer_foreign_keys',
  'recursive_triggers',
  'ignore_check_constraints',
  'cache_size',
  'secure_delete',
  'locking_mode',
  'temp_store',
  'mmap_size',
  'cache_spill',
  'automatic_index',
  'trusted_schema',
  'cell_size_check',
  'reverse_unordered_selects',
  'analysis_limit',
  'threads',
  'soft_heap_limit',
  'hard_heap_limit',
  'legacy_alter_table',
  'query_only',
]);

function skipReason({ name, value }: SqlitePragma): string | null {
  if (name === 'query_only') return value === '1' ? null : 'it would turn read-only off';
  return CONNECTION_PRAGMAS.has(name) ? null : 'it could write to the database file';
}

export interface ReadOnlyOpen {
  config: WorkerOpenConfig;
  /** One line per DSN pragma that is not applied */
  warnings: string[];
}

/** `config` (as workerOpenConfig made it) for a read-only caller; throws when the file does not exist. */
export function readOnlyOpen(config: WorkerOpenConfig, dsn: SqliteDsn): ReadOnlyOpen {
  const warnings: string[] = [];
  const pragmas = config.pragmas.filter((pragma) => {
    const reason = skipReason(pragma);
    if (reason !== null) warnings.push(`read-only: PRAGMA ${pragma.name} = ${pragma.value} from the DSN is not applied (${reason}).`);
    return reason === null;
  });
  // The memory backend's private backing file is created for it; only a user's file is opened read-only.
  if (dsn.inMemory) return { config: { ...config, pragmas }, warnings };
  if (!fs.existsSync(dsn.path)) {
    throw new AdapterError('connect', dsn.backend, `The SQLite file "${dsn.path}" does not exist, and read-only never creates one.`, {
      hint: 'Check the path in the DSN; to create the database, connect without --read-only (and without a read-only profile).',
    });
  }
  return { config: { ...config, pragmas, readonly: true, fileMustExist: true }, warnings };
}
