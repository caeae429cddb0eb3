// Which PRAGMAs the Ory release runs on a new SQLite connection, in mattn/go-sqlite3's order:
// pop first fills `_fk=true` and `_busy_timeout=5000` when they are absent or empty; then for each
// PRAGMA the driver takes the short alias when the DSN has it (even empty: then nothing is set),
// else the long form; `_pragma=` is not read at all. Newer Ory (pop with modernc.org/sqlite)
// prefers the long form and honours `_pragma=`: where that changes the meaning, a warning says so.
import { SQLITE_BOOL_WORDS } from './booleans.js';
import { DsnError } from './errors.js';
import type { GoQueryPair } from './go-query.js';
import { PRAGMA_SPECS, type PragmaSpec } from './sqlite-pragmas.js';
import type { SqlitePragma } from './types.js';

/** mattn/go-sqlite3's Open: the order in which it executes the PRAGMAs. */
const EXECUTION_ORDER = [
  'busy_timeout',
  'auto_vacuum',
  'case_sensitive_like',
  'defer_foreign_keys',
  'foreign_keys',
  'ignore_check_constraints',
  'journal_mode',
  'locking_mode',
  'query_only',
  'recursive_triggers',
  'secure_delete',
  'synchronous',
  'writable_schema',
  'cache_size',
];

/** pop's finalizerSQLite: defaults for absent or empty keys. */
const POP_DEFAULTS: Record<string, string> = { _busy_timeout: '5000', _fk: 'true' };

export interface ResolvedPragmas {
  pragmas: SqlitePragma[];
  sources: Record<string, string>;
  warnings: string[];
}

export function resolveSqlitePragmas(options: ReadonlyMap<string, GoQueryPair>, context: { inMemory: boolean }): ResolvedPragmas {
  const warnings: string[] = [];
  const sources: Record<string, string> = {};
  const read = (key: string): GoQueryPair | undefined => {
    const given = options.get(key);
    if (POP_DEFAULTS[key] !== undefined && (given === undefined || given.value === ''))
      return { key, value: POP_DEFAULTS[key]!, position: given?.position ?? -1 };
    return given;
  };
  const chosen = new Map<string, SqlitePragma>();
  for (const spec of PRAGMA_SPECS) {
    const alias = spec.alias === undefined ? undefined : read(spec.alias);
    const long = read(spec.key);
    const pair = alias ?? long;
    if (pair === undefined || pair.value === '') continue;
    const value = spec.normalise(pair.value);
    if (value === null)
      throw new DsnError(
        spec.accepted === SQLITE_BOOL_WORDS ? 'bad_bool' : 'bad_value',
        `${pair.key} "${pair.value}" is not valid: the service's driver refuses the DSN.`,
        `Use ${spec.accepted}.`,
        pair.key,
        pair.position,
      );
    chosen.set(spec.pragma, { name: spec.pragma, value });
    sources[spec.pragma] = pair.position === -1 ? popSource(pair.key) : 'dsn';
    if (alias && long && options.has(spec.key) && spec.normalise(long.value) !== value) {
      warnings.push(
        `${alias.key}=${alias.value} and ${long.key}=${long.value} disagree: the service's driver (mattn/go-sqlite3) uses ${alias.key}; newer Ory (pop with modernc.org/sqlite) uses ${long.key}.`,
      );
    }
  }
  if (!chosen.has('synchronous') && !context.inMemory) {
    chosen.set('synchronous', { name: 'synchronous', value: 'NORMAL' });
    sources.synchronous = 'driver default (mattn/go-sqlite3 runs PRAGMA synchronous = NORMAL)';
  }
  foreignKeyWarnings(options, chosen, warnings);
  for (const pair of options.values()) {
    if (pair.key === '_pragma')
      warnings.push(
        `_pragma=${pair.value} is ignored by the service's driver (mattn/go-sqlite3); newer Ory (pop with modernc.org/sqlite) runs it as PRAGMA ${pair.value}. dsnsh follows the release and ignores it.`,
      );
  }
  const pragmas = EXECUTION_ORDER.flatMap((name) => (chosen.has(name) ? [chosen.get(name)!] : []));
  return { pragmas, sources, warnings };
}

function popSource(key: string): string {
  return key === '_fk'
    ? 'service (pop adds _fk=true when the DSN has none, and logs a warning asking for it; write _fk=true to silence it)'
    : 'service (pop adds _busy_timeout=5000)';
}

function foreignKeyWarnings(options: ReadonlyMap<string, GoQueryPair>, chosen: Map<string, SqlitePragma>, warnings: string[]): void {
  const fk = options.get('_fk');
  const long = options.get('_foreign_keys');
  if (chosen.get('foreign_keys')?.value === '0') {
    warnings.unshift(
      `FOREIGN KEYS ARE OFF: ${fk!.key}=${fk!.value} turns off foreign key checks (the service logs "IMPORTANT! '_fk: true' option is required"); remove it or write _fk=true.`,
    );
    return;
  }
  if ((fk === undefined || fk.value === '') && long !== undefined && specOf('_foreign_keys')?.normalise(long.value) === '0') {
    warnings.push(
      `_foreign_keys=${long.value} does not turn foreign keys off under the service: pop adds _fk=true, which mattn/go-sqlite3 prefers; newer Ory (pop with modernc.org/sqlite) would turn them off.`,
    );
  }
}

function specOf(key: string): PragmaSpec | undefined {
  return PRAGMA_SPECS.find((spec) => spec.key === key || spec.alias === key);
}
