import { describe, expect, it } from 'vitest';
import { DsnError } from '../../source/dsn/errors.js';
import { checkProfileDsn } from '../../source/profiles/check-profile-dsn.js';

describe('checkProfileDsn', () => {
  it.each([
    ['postgres://app:secret@db/app', true],
    ['postgres://app@db/app', false],
    ['postgres://app:${PW}@db/app', false],
    ['mysql://root:pw@tcp(db:3306)/x', true],
    ['mysql://root:${PW}@tcp(db:3306)/x', false],
    ['memory', false],
    ['postgres://app:${PW}@db:${PORT}/app', false],
  ])('%s: literal password %s', (dsn, literal) => {
    expect(checkProfileDsn(dsn).literalPassword).toBe(literal);
  });
  it('rejects a DSN that does not parse', () => {
    expect(() => checkProfileDsn('oracle://x')).toThrow(DsnError);
  });
});
