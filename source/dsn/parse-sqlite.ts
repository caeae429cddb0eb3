// sqlite:// (and `memory`), read as the Ory release reads it: Ory removes the pool keys, pop adds
// `_fk=true` and `_busy_timeout=5000` when the DSN does not set them, and mattn/go-sqlite3 turns
// `_name=value` keys into PRAGMAs (a short alias beats its long form; `_pragma=` is ignored).
// Where newer Ory (pop with modernc.org/sqlite) reads the DSN differently, a warning says so.
import { DsnError } from './errors.js';
import { goLocationProblem } from './go-location.js';
import { firstValues, goParseQuery, rejectEmptyKeys, type GoQueryPair } from './go-query.js';
import { percentDecode } from './percent-decode.js';
import { readOryPool } from './pool-params.js';
import { isSecretParam } from './go-query.js';
import { REDACTED } from './redact.js';
import { resolveSqlitePragmas } from './sqlite-pragma-choice.js';
import { SQLITE_OTHER_PARAMS, findPragmaByKey } from './sqlite-pragmas.js';
import { SQLITE_BOOL_WORDS, readSqliteBool } from './booleans.js';
import type { SqliteDsn } from './types.js';

/** VFS names of the SQLite build mattn/go-sqlite3 compiles on Linux; `memdb` keeps the database in memory. */
const KNOWN_VFS = new Set(['unix', 'unix-none', 'unix-dotfile', 'unix-excl', 'memdb']);

export function parseMemory(cpuCount: number): SqliteDsn {
  const warnings: string[] = [];
  return {
    backend: 'memory',
    redacted: 'memory',
    pool: readOryPool(null, cpuCount, warnings).pool,
    params: {},
    warnings,
    poolParams: {},
    // Kratos turns `memory` into sqlite://file::memory:?_fk=true.
    sources: { foreign_keys: 'service (memory means sqlite://file::memory:?_fk=true)', busy_timeout: 'service (pop default 5000)' },
    path: ':memory:',
    inMemory: true,
    pragmas: [
      { name: 'busy_timeout', value: '5000' },
      { name: 'foreign_keys', value: '1' },
    ],
    txlock: 'deferred',
    mode: null,
    cache: 'shared',
    immutable: false,
  };
}

export function parseSqlite(dsn: string, bodyOffset: number, cpuCount: number, redacted: string): SqliteDsn {
  const body = dsn.slice(bodyOffset);
  const question = body.indexOf('?');
  const rawPath = question === -1 ? body : body.slice(0, question);
  if (rawPath === '') {
    throw new DsnError(
      'missing_path',
      'The SQLite DSN has no file path.',
      'Write sqlite:///absolute/path.sqlite?_fk=true, sqlite://./relative.db?_fk=true, or use memory.',
      'path',
      bodyOffset,
    );
  }
  const warnings: string[] = [];
  const query = question === -1 ? null : goParseQuery(body.slice(question + 1), bodyOffset + question + 1);
  if (query?.error) {
    const dropped = query.dropped[0]!;
    throw new DsnError(
      dropped.code,
      `The parameter "${dropped.segment.split('=')[0]}" cannot be read: ${dropped.reason}; pop then refuses the DSN ("unable to parse sqlite query").`,
      'Percent-encode the value (";" as %3B, "%" as %25).',
      dropped.segment.split('=')[0] ?? null,
      dropped.position,
    );
  }
  const pool = readOryPool(query, cpuCount, warnings);
  const pairs = (query?.pairs ?? []).filter((pair) => !pool.removed.has(pair.key));
  rejectEmptyKeys(pairs);
  const isUri = rawPath.startsWith('file:');
  const result: SqliteDsn = {
    backend: 'sqlite',
    redacted,
    pool: pool.pool,
    params: {},
    warnings,
    poolParams: pool.given,
    sources: {},
    path: isUri ? uriPath(rawPath, bodyOffset) : rawPath,
    inMemory: false,
    pragmas: [],
    txlock: 'deferred',
    mode: null,
    cache: null,
    immutable: false,
  };
  for (const pair of pairs) {
    const shown = isSecretParam(pair.key) ? REDACTED : pair.value;
    result.params[pair.key] = pair.key in result.params ? `${result.params[pair.key]}, ${shown}` : shown;
  }
  // pop stores each key once (url.Values.Get: the first value).
  const options = firstValues(pairs);
  for (const pair of pairs) {
    if (options.get(pair.key) !== pair)
      warnings.push(`${pair.key} is given more than once: the service reads the first value (${options.get(pair.key)!.value}).`);
  }
  for (const pair of options.values()) applyOtherParam(result, pair, isUri);
  if (result.path === ':memory:' || result.mode === 'memory') {
    result.inMemory = true;
    result.path = ':memory:';
  }
  const resolved = resolveSqlitePragmas(options, { inMemory: result.inMemory });
  result.pragmas = resolved.pragmas;
  Object.assign(result.sources, resolved.sources);
  warnings.unshift(...resolved.warnings);
  return result;
}

/** `file:` URI → the path to open: `file:///abs` → `/abs`, `file:rel.db` → `rel.db`, decoded. */
function uriPath(rawPath: string, offset: number): string {
  let path = rawPath.slice('file:'.length);
  if (path.startsWith('//')) {
    const slash = path.indexOf('/', 2);
    const authority = slash === -1 ? path.slice(2) : path.slice(2, slash);
    if (authority !== '' && authority !== 'localhost') {
      throw new DsnError(
        'bad_host',
        `The SQLite URI names the host "${authority}"; only local files can be opened.`,
        'Write file:///absolute/path or file:relative/path.',
        'path',
        offset,
      );
    }
    path = slash === -1 ? '' : path.slice(slash);
  }
  const decoded = percentDecode(path, { what: 'the SQLite file path', param: 'path', offset });
  if (decoded === '')
    throw new DsnError(
      'missing_path',
      'The SQLite file: URI has no path.',
      'Write sqlite://file:/path/to/db.sqlite or sqlite://file::memory:.',
      'path',
      offset,
    );
  return decoded;
}

/** Everything that is not a PRAGMA key: URI parameters and mattn's own options. */
function applyOtherParam(result: SqliteDsn, pair: GoQueryPair, isUri: boolean): void {
  const { key, value, position } = pair;
  if (findPragmaByKey(key) || key === '_pragma') return; // resolveSqlitePragmas reads these
  switch (key) {
    case '_txlock': {
      const lower = value.toLowerCase();
      if (lower === '') return;
      if (lower !== 'deferred' && lower !== 'immediate' && lower !== 'exclusive')
        throw badValue(key, value, 'deferred, immediate or exclusive', position);
      result.txlock = lower;
      return;
    }
    case '_loc': {
      if (value === '' || value.toLowerCase() === 'auto') return;
      const problem = goLocationProblem(value);
      if (problem)
        throw new DsnError(
          'bad_value',
          `_loc "${value}" cannot be loaded: ${problem}; the service's driver refuses the DSN ("Invalid _loc").`,
          'Use auto, or a zone name as tzdata spells it (_loc=Europe%2FBerlin).',
          key,
          position,
        );
      result.warnings.push(`_loc=${value}: the service's driver reads DATETIME values in this zone; dsnsh shows them as stored.`);
      return;
    }
    case '_mutex': {
      const lower = value.toLowerCase();
      if (lower !== '' && lower !== 'no' && lower !== 'full') throw badValue(key, value, 'no or full', position);
      return;
    }
    case 'vfs':
      if (value === '') return;
      if (!KNOWN_VFS.has(value))
        throw new DsnError(
          'bad_value',
          `vfs "${value}" is not a VFS this SQLite has: the service fails to open the database ("no such vfs").`,
          `Use one of ${[...KNOWN_VFS].join(', ')}, or leave vfs out.`,
          key,
          position,
        );
      if (value === 'memdb') result.mode = 'memory';
      else if (value !== 'unix')
        result.warnings.push(`vfs=${value}: dsnsh opens the file with SQLite's default VFS (unix); locking may differ from the service's.`);
      return;
    case 'mode':
      if (value !== 'ro' && value !== 'rw' && value !== 'rwc' && value !== 'memory')
        throw badValue(key, value, 'ro, rw, rwc or memory', position);
      if (uriOnly(result, key, isUri)) result.mode = value;
      return;
    case 'cache':
      if (value !== 'shared' && value !== 'private') throw badValue(key, value, 'shared or private', position);
      if (uriOnly(result, key, isUri)) result.cache = value;
      return;
    case 'immutable': {
      const flag = readSqliteBool(value);
      if (flag === null)
        throw new DsnError('bad_bool', `immutable "${value}" is not a boolean.`, `Use ${SQLITE_BOOL_WORDS}.`, key, position);
      if (uriOnly(result, key, isUri)) result.immutable = flag;
      return;
    }
    default:
      if (!SQLITE_OTHER_PARAMS.has(key)) result.warnings.push(`${key}: not a parameter the SQLite drivers know; it is ignored.`);
  }
}

function uriOnly(result: SqliteDsn, key: string, isUri: boolean): boolean {
  if (!isUri) result.warnings.push(`${key} only applies to file: URIs (sqlite://file:/path?${key}=…); here the driver ignores it.`);
  return isUri;
}

function badValue(key: string, value: string, accepted: string, position: number): DsnError {
  return new DsnError('bad_value', `${key} "${value}" is not valid.`, `Use ${accepted}.`, key, position);
}
