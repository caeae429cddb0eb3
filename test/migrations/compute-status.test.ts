import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../source/migrations/compute-status.js';
import type { Migration } from '../../source/migrations/scan-migrations.js';

const migration = (version: string, name = 'm'): Migration => ({
  version,
  name,
  up: {
    version,
    name,
    dialect: 'all',
    dialectSuffix: null,
    autocommit: false,
    direction: 'up',
    type: 'sql',
    file: `${version}_${name}.up.sql`,
    path: '',
    service: null,
  },
  down: null,
});

describe('computeStatus', () => {
  it("applies Ory's exact and 14-digit prefix rules and lists unexplained versions", () => {
    const migrations = [
      migration('20240101100000000001'),
      migration('20240101100000000002'),
      migration('20240102100000000000'),
      migration('20240103100000000000'),
      migration('42'),
    ];
    const status = computeStatus(migrations, ['20240101100000', '20240102100000000000', '20231231000000', '99999999999999999999', '42']);
    expect(status.rows.map((r) => [r.version, r.state, r.appliedAsLegacy, r.file !== null])).toEqual([
      // popx's order: versions as strings
      ['20231231000000', 'Applied', false, false],
      ['20240101100000000001', 'Applied', true, true],
      ['20240101100000000002', 'Applied', true, true],
      ['20240102100000000000', 'Applied', false, true],
      ['20240103100000000000', 'Pending', false, true],
      ['42', 'Applied', false, true],
      ['99999999999999999999', 'Applied', false, false],
    ]);
    expect(status.unknown).toEqual(['20231231000000', '99999999999999999999']);
    expect(status.pending.map((m) => m.version)).toEqual(['20240103100000000000']);
  });

  it('treats nothing recorded as all pending', () => {
    const status = computeStatus([migration('1'), migration('2')], []);
    expect(status.pending).toHaveLength(2);
    expect(status.unknown).toEqual([]);
  });
});
