import { describe, expect, it } from 'vitest';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { GOOD_DSN_ENVIRONMENT, GOOD_DSNS, SEED_EXAMPLES } from './good-dsns.js';

describe('parseDsn: valid DSNs', () => {
  it('has at least 60 cases, seed examples included', () => {
    expect(GOOD_DSNS.length).toBeGreaterThanOrEqual(60);
    expect(SEED_EXAMPLES.length).toBeGreaterThanOrEqual(8);
  });

  it.each(GOOD_DSNS)('%s', (dsn, expected) => {
    const parsed = parseDsn(dsn, { cpuCount: 2, environment: GOOD_DSN_ENVIRONMENT });
    expect(parsed).toMatchObject(expected);
    if ('password' in parsed && parsed.password !== null && parsed.password.length >= 4) {
      expect(parsed.redacted).not.toContain(parsed.password);
      expect(JSON.stringify(parsed.params)).not.toContain(parsed.password);
    }
  });
});
