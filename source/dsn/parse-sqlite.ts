// sqlite:// (and `memory`). The path is what follows the scheme up to `?`; `file:` paths are
// SQLite URIs (percent-decoded, mode/cache/immutable apply). PRAGMA precedence: an explicit
// `_pragma=name(value)` beats the short alias (`_fk`), which beats the long form (`_foreign_keys`).
import { SQLITE_BOOL_WORDS, readSqliteBool } from './booleans.js';
import { DsnError } from './errors.js';
import { percentDecode } from './percent-decode.js';
import { givenPoolParams, isPoolKey, readPoolSettings } from './pool-params.js';
import { isSecretParam, readQueryString, type QueryEntry } from './query-string.js';
import { REDACTED } from './redact.js';
import { DEFAULT_BUSY_TIMEOUT_MS, SQLITE_OTHER_PARAMS, findPragmaByKey, findPragmaByName } from './sqlite-pragmas.js';
import type { SqliteDsn, SqlitePragma } from './types.js';

/** Precedence ranks: higher wins. */
const LONG_FORM = 1;
const ALIAS = 2;
const EXPLICIT_PRAGMA = 3;

interface PragmaChoice extends SqlitePragma {
  rank: number;
  source: string;
}

export const FK_OFF_WARNING =
  'FOREIGN KEYS ARE OFF: this DSN lacks _fk=true, which Ory requires for SQLite. The service would run without foreign key checks; add ?_fk=true.';

export function parseMemory(cpuCount: number): SqliteDsn {
  const warnings: string[] = [];
  return {
    backend: 'memory',
    redacted: 'memory',
    pool: readPoolSettings([], cpuCount, warnings),
    params: {},
    warnings,
    poolParams: {},
    path: ':memory:',
    inMemory: true,
    pragmas: [
      { name: 'foreign_keys', value: '1' },
      { name: 'busy_timeout', value: String(DEFAULT_BUSY_TIMEOUT_MS) },
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
    throw new DsnError('missing_path', 'The SQLite DSN has no file path.', 'Write sqlite:///absolute/path.sqlite?_fk=true, sqlite://./relative.db?_fk=true, or use memory.', 'path', bodyOffset);
  }
  const warnings: string[] = [];
  const entries = question === -1 ? [] : readQueryString(body.slice(question + 1), bodyOffset + question + 1, new Set(['_pragma']));
  const isUri = rawPath.startsWith('file:');
  const result: SqliteDsn = {
    backend: 'sqlite',
    redacted,
    pool: readPoolSettings(entries, cpuCount, warnings),
    params: {},
    warnings,
    poolParams: givenPoolParams(entries),
    path: isUri ? uriPath(rawPath, bodyOffset) : rawPath,
    inMemory: false,
    pragmas: [],
    txlock: 'deferred',
    mode: null,
    cache: null,
    immutable: false,
  };
  const chosen = new Map<string, PragmaChoice>();
  for (const entry of entries) {
    if (isPoolKey(entry.key)) continue;
    const shown = isSecretParam(entry.key) ? REDACTED : entry.value;
    result.params[entry.key] = entry.key in result.params ? `${result.params[entry.key]}, ${shown}` : shown;
    applyParam(result, entry, chosen, isUri);
  }
  if (result.path === ':memory:' || result.mode === 'memory') {
    result.inMemory = true;
    result.path = ':memory:';
  }
  result.pragmas = [...chosen.values()].map(({ name, value }) => ({ name, value }));
  if (!chosen.has('busy_timeout')) result.pragmas.push({ name: 'busy_timeout', value: String(DEFAULT_BUSY_TIMEOUT_MS) });
  if (chosen.get('foreign_keys')?.value !== '1') warnings.unshift(FK_OFF_WARNING);
  return result;
}

/** `file:` URI → the path to open: `file:///abs` → `/abs`, `file:rel.db` → `rel.db`, decoded. */
function uriPath(rawPath: string, offset: number): string {
  let path = rawPath.slice('file:'.length);
  if (path.startsWith('//')) {
    const slash = path.indexOf('/', 2);
    const authority = slash === -1 ? path.slice(2) : path.slice(2, slash);
    if (authority !== '' && authority !== 'localhost') {
      throw new DsnError('bad_host', `The SQLite URI names the host "${authority}"; only local files can be opened.`, 'Write file:///absolute/path or file:relative/path.', 'path', offset);
    }
    path = slash === -1 ? '' : path.slice(slash);
  }
  const decoded = percentDecode(path, { what: 'the SQLite file path', param: 'path', offset });
  if (decoded === '') throw new DsnError('missing_path', 'The SQLite file: URI has no path.', 'Write sqlite://file:/path/to/db.sqlite or sqlite://file::memory:.', 'path', offset);
  return decoded;
}

function applyParam(result: SqliteDsn, entry: QueryEntry, chosen: Map<string, PragmaChoice>, isUri: boolean): void {
  const { key, value, position } = entry;
  const byKey = findPragmaByKey(key);
  if (byKey) {
    const normalised = byKey.spec.normalise(value);
    if (normalised === null) throw badValue(key, value, byKey.spec.accepted, position);
    choose(result, chosen, { name: byKey.spec.pragma, value: normalised, rank: byKey.viaAlias ? ALIAS : LONG_FORM, source: key });
    return;
  }
  switch (key) {
    case '_pragma':
      choose(result, chosen, { ...readExplicitPragma(value, position), rank: EXPLICIT_PRAGMA, source: `_pragma=${value}` });
      return;
    case '_txlock': {
      const lower = value.toLowerCase();
      if (lower !== 'deferred' && lower !== 'immediate' && lower !== 'exclusive') throw badValue(key, value, 'deferred, immediate or exclusive', position);
      result.txlock = lower;
      return;
    }
    case 'mode':
      if (value !== 'ro' && value !== 'rw' && value !== 'rwc' && value !== 'memory') throw badValue(key, value, 'ro, rw, rwc or memory', position);
      if (uriOnly(result, key, isUri)) result.mode = value;
      return;
    case 'cache':
      if (value !== 'shared' && value !== 'private') throw badValue(key, value, 'shared or private', position);
      if (uriOnly(result, key, isUri)) result.cache = value;
      return;
    case 'immutable': {
      const flag = readSqliteBool(value);
      if (flag === null) throw new DsnError('bad_bool', `immutable "${value}" is not a boolean.`, `Use ${SQLITE_BOOL_WORDS}.`, key, position);
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

function choose(result: SqliteDsn, chosen: Map<string, PragmaChoice>, candidate: PragmaChoice): void {
  const current = chosen.get(candidate.name);
  if (current === undefined) {
    chosen.set(candidate.name, candidate);
    return;
  }
  const [winner, loser] = candidate.rank >= current.rank ? [candidate, current] : [current, candidate];
  if (winner.value !== loser.value) result.warnings.push(`${loser.source} is overridden by ${winner.source} (PRAGMA ${winner.name} = ${winner.value}).`);
  // Keep the position of the first mention so PRAGMA order follows the DSN.
  current.value = winner.value;
  current.rank = winner.rank;
  current.source = winner.source;
}

/** `_pragma=name(value)` or `_pragma=name=value`. */
function readExplicitPragma(text: string, position: number): SqlitePragma {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\)|=(.*))\s*$/.exec(text);
  if (!match) throw badValue('_pragma', text, 'name(value), e.g. _pragma=foreign_keys(1)', position);
  const name = match[1]!.toLowerCase();
  const value = (match[2] ?? match[3] ?? '').trim();
  if (value === '' || /[;'"()]/.test(value)) throw badValue('_pragma', text, 'name(value) with a plain value, e.g. _pragma=journal_mode(WAL)', position);
  const spec = findPragmaByName(name);
  if (!spec) return { name, value };
  const normalised = spec.normalise(value);
  if (normalised === null) throw badValue('_pragma', text, `for ${name}: ${spec.accepted}`, position);
  return { name, value: normalised };
}

function badValue(key: string, value: string, accepted: string, position: number): DsnError {
  const isBool = accepted === SQLITE_BOOL_WORDS;
  return new DsnError(isBool ? 'bad_bool' : 'bad_value', `${key} "${value}" is not valid.`, `Use ${accepted}.`, key, position);
}
