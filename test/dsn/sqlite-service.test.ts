// SQLite DSNs as the Ory release opens them (issue 15 item 3 and the SQLite rows of the edge
// table). Sources: ory/pop (Kratos v26.2: a32233875f7e) dialect_sqlite.go urlParserSQLite3 (q.Get:
// the first value) and finalizerSQLite (_busy_timeout default 5000, forced _fk=true with an
// "IMPORTANT!" warning); mattn/go-sqlite3 v1.14.28 sqlite3.go SQLiteDriver.Open (alias keys beat
// long forms, `val != ""`, ParseInt for _busy_timeout, _loc/_mutex/_txlock validation, vfs, the
// PRAGMA order, `PRAGMA synchronous = NORMAL` by default); newer pop (modernc.org/sqlite) for the
// differences explain reports.
import { describe, expect, it } from 'vitest';
import { DsnError } from '../../source/dsn/errors.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { SqliteDsn } from '../../source/dsn/types.js';

const parse = (dsn: string) => parseDsn(dsn, { cpuCount: 2 }) as SqliteDsn;
const fk = (dsn: SqliteDsn) => dsn.pragmas.find((pragma) => pragma.name === 'foreign_keys')?.value;

function failure(dsn: string): DsnError {
  try {
    parse(dsn);
  } catch (error) {
    expect(error).toBeInstanceOf(DsnError);
    return error as DsnError;
  }
  throw new Error(`expected ${dsn} to be refused`);
}

describe('SQLite foreign keys as the service sets them', () => {
  it.each([
    ['sqlite:///tmp/a.db', '1', 'finalizerSQLite adds _fk=true when the DSN has none'],
    ['sqlite:///tmp/a.db?_fk=', '1', 'setOptionWithDefault: an empty _fk gets the forced true'],
    ['sqlite:///tmp/a.db?_fk=true', '1', 'as written'],
    ['sqlite:///tmp/a.db?_foreign_keys=0', '1', 'pop adds _fk=true, and Open takes the alias _fk over _foreign_keys'],
    ['sqlite:///tmp/a.db?_fk=false', '0', 'pop keeps a user value (and logs IMPORTANT!)'],
    ['sqlite:///tmp/a.db?_fk=0&_foreign_keys=1', '0', 'the alias wins in mattn/go-sqlite3'],
    ['sqlite:///tmp/a.db?_pragma=foreign_keys(0)', '1', 'mattn/go-sqlite3 does not read _pragma'],
    ['memory', '1', 'Kratos: memory means sqlite://file::memory:?_fk=true'],
  ])('%s → foreign_keys %s (%s)', (dsn, value) => {
    expect(fk(parse(dsn))).toBe(value);
  });

  it('has no FOREIGN KEYS ARE OFF warning for a DSN without _fk, and names the source', () => {
    const dsn = parse('sqlite:///tmp/a.db');
    expect(dsn.warnings.join('\n')).not.toMatch(/FOREIGN KEYS ARE OFF/);
    expect(dsn.sources.foreign_keys).toMatch(/pop adds _fk=true.*write _fk=true to silence it/);
  });

  it('warns when the DSN turns foreign keys off', () => {
    expect(parse('sqlite:///tmp/a.db?_fk=false').warnings[0]).toMatch(/^FOREIGN KEYS ARE OFF: _fk=false/);
  });

  it('says where newer Ory (pop with modernc) reads the DSN differently', () => {
    expect(parse('sqlite:///tmp/a.db?_foreign_keys=0').warnings.join('\n')).toMatch(
      /_foreign_keys=0 does not turn foreign keys off.*modernc/,
    );
    expect(parse('sqlite:///tmp/a.db?_pragma=journal_mode(WAL)').warnings.join('\n')).toMatch(
      /_pragma=journal_mode\(WAL\) is ignored .*modernc/,
    );
    expect(parse('sqlite:///tmp/a.db?_journal=WAL&_journal_mode=DELETE').warnings.join('\n')).toMatch(
      /uses _journal; newer Ory .* uses _journal_mode/,
    );
  });
});

describe('SQLite parameters as mattn/go-sqlite3 reads them', () => {
  it('runs busy_timeout first and synchronous = NORMAL unless _sync is given', () => {
    expect(parse('sqlite:///tmp/a.db').pragmas).toEqual([
      { name: 'busy_timeout', value: '5000' },
      { name: 'foreign_keys', value: '1' },
      { name: 'synchronous', value: 'NORMAL' },
    ]);
    expect(parse('sqlite:///tmp/a.db?_sync=FULL').pragmas.find((p) => p.name === 'synchronous')?.value).toBe('FULL');
  });

  it('accepts _busy_timeout=-1 (strconv.ParseInt)', () => {
    expect(parse('sqlite:///tmp/a.db?_busy_timeout=-1').pragmas[0]).toEqual({ name: 'busy_timeout', value: '-1' });
  });

  it('reads the first of repeated keys, as pop does', () => {
    const dsn = parse('sqlite:///tmp/a.db?_fk=true&_fk=false');
    expect(fk(dsn)).toBe('1');
    expect(dsn.warnings.join('\n')).toMatch(/_fk is given more than once: the service reads the first value/);
  });

  it('an empty alias hides its long form (Open picks the key by presence, then skips an empty value)', () => {
    expect(parse('sqlite:///tmp/a.db?_journal=&_journal_mode=WAL').pragmas.some((p) => p.name === 'journal_mode')).toBe(false);
  });

  it.each([
    ['sqlite:///tmp/a.db?vfs=hello', 'vfs', /no such vfs/],
    ['sqlite:///tmp/a.db?_loc=Bogus%2FZone', '_loc', /Invalid _loc/],
    ['sqlite:///tmp/a.db?_mutex=bogus', '_mutex', /not valid/],
    ['sqlite:///tmp/a.db?_txlock=eager', '_txlock', /not valid/],
    ['sqlite:///tmp/a.db?_fk=maybe', '_fk', /refuses the DSN/],
    ['sqlite:///tmp/a.db?x=a;b', 'x', /unable to parse sqlite query/],
  ])('%s is refused (%s)', (dsn, param, message) => {
    const error = failure(dsn);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it('opens file:/dbname?vfs=memdb in memory', () => {
    expect(parse('sqlite://file:/dbname?vfs=memdb')).toMatchObject({ inMemory: true, path: ':memory:' });
  });

  it('accepts _loc=auto and _mutex=no', () => {
    expect(() => parse('sqlite:///tmp/a.db?_loc=auto&_mutex=no')).not.toThrow();
  });
});
