import { describe, expect, it } from 'vitest';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import type { PostgresDsn } from '../../source/dsn/types.js';
import { withPostgresDatabase } from '../../source/dsn/with-database.js';

describe('withPostgresDatabase', () => {
  it.each([
    [
      'postgres://app:s%2Fecret@db:5432/app?sslmode=disable&max_conns=3',
      'other',
      'postgres://app:s%2Fecret@db:5432/other?sslmode=disable&max_conns=3',
    ],
    ['postgres://app@db', 'other', 'postgres://app@db/other'],
    ['postgres://app@db?sslmode=disable', 'other', 'postgres://app@db/other?sslmode=disable'],
    [
      'postgres://app@pg1:5432,pg2:5432/app?target_session_attrs=read-write',
      'x',
      'postgres://app@pg1:5432,pg2:5432/x?target_session_attrs=read-write',
    ],
    ['postgres:///app?host=/run/postgresql', 'b', 'postgres:///b?host=/run/postgresql'],
    ['postgres://app@db/app?dbname=app&sslmode=disable', 'b', 'postgres://app@db/b?sslmode=disable'],
    ['cockroach://root@crdb:26257/defaultdb', 'my db', 'cockroach://root@crdb:26257/my%20db'],
  ])('%s → %s', (dsn, database, expected) => {
    const changed = withPostgresDatabase(dsn, database);
    expect(changed).toBe(expected);
    expect((parseDsn(changed) as PostgresDsn).database).toBe(database);
  });
});
