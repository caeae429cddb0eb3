import { describe, expect, it } from 'vitest';
import { redactDsn } from '../../source/dsn/parse-dsn.js';
import fc from 'fast-check';

const CASES: [string, string][] = [
  ['memory', 'memory'],
  ['sqlite:///tmp/a.db?_fk=true', 'sqlite:///tmp/a.db?_fk=true'],
  ['postgres://user:password@host:123/database', 'postgres://user:***@host:123/database'],
  ['postgres://user@host/db', 'postgres://user@host/db'],
  ['postgres://user:@host/db', 'postgres://user:@host/db'],
  ['postgres://u:p%40ss@h/db?application_name=a@b', 'postgres://u:***@h/db?application_name=a@b'],
  ['postgres://u:pa/ss@h/db', 'postgres://u:***@h/db'],
  ['postgres://u:pa?ss@h/db', 'postgres://u:***@h/db'],
  ['postgres://h/db?password=secret&sslmode=disable', 'postgres://h/db?password=***&sslmode=disable'],
  ['postgres://h/db?sslpassword=secret', 'postgres://h/db?sslpassword=***'],
  ['mysql://user:p:a@s/s@tcp(h:3306)/db?x=1', 'mysql://user:***@tcp(h:3306)/db?x=1'],
  ['mysql://u:a@b?c@tcp(h)/db', 'mysql://u:***@tcp(h)/db'],
  ['mysql://user@tcp(h)/db', 'mysql://user@tcp(h)/db'],
  ['mysql://u:p@host:3306/db', 'mysql://u:***@host:3306/db'],
  ['sqlite:///tmp/a.db?_auth_pass=secret', 'sqlite:///tmp/a.db?_auth_pass=***'],
  ['oracle://u:secret@h/db', 'oracle://u:***@h/db'],
  ['u:secret@h', 'u:***@h'],
];

describe('redactDsn', () => {
  it.each(CASES)('%s → %s', (dsn, redacted) => {
    expect(redactDsn(dsn)).toBe(redacted);
  });
});

describe('redactDsn on any text', () => {
  // Callers show its answer for DSNs that do not parse (the console's profile form, profile list),
  // with no fallback of their own: it must answer for every string and hide a URL-style password.
  it('never throws, and a user:password@host password never survives', () => {
    const secret = 'Zq7-secret';
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('postgres', 'mysql', 'cockroach', 'sqlite', 'x'), fc.string(), (junk, scheme, tail) => {
        expect(() => redactDsn(junk)).not.toThrow();
        const clean = tail.replaceAll('@', '').replaceAll('?', '');
        expect(redactDsn(`${scheme}://user:${secret}@${clean}`)).not.toContain(secret);
      }),
      { numRuns: 2000 },
    );
  });
});
