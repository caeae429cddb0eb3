import { describe, expect, it } from 'vitest';
import type { ServerSession } from '../../source/adapters/adapter.js';
import { groupsLine } from '../../source/sessions/groups-line.js';

const session = (over: Partial<ServerSession>): ServerSession => ({
  id: '1',
  application: 'kratos',
  user: 'app',
  client: '10.0.0.5',
  state: 'idle',
  stateMs: 1000,
  transactionMs: null,
  query: null,
  self: false,
  ...over,
});
const limits = { maxConnections: 100, reserved: 3, reservedDetail: 'superuser_reserved_connections 3' };

describe('groupsLine', () => {
  it('groups by application, user and client, largest first, with states and the headroom', () => {
    const line = groupsLine(
      [
        session({ id: '1', application: 'hydra' }),
        session({ id: '2', state: 'active' }),
        session({ id: '3', state: 'idle in transaction', transactionMs: 185_000 }),
        session({ id: '4' }),
        session({ id: '5', application: 'dsnsh', user: 'postgres', client: 'local', self: true }),
      ],
      limits,
    );
    expect(line).toBe(
      'headroom 92 of 100 (3 reserved) · by app/user/client: kratos app@10.0.0.5 3 (1 active, 1 idle, 1 idle in tx 3m05s) · dsnsh postgres@local (dsnsh here) 1 (1 idle) · hydra app@10.0.0.5 1 (1 idle) · \\sessions for the table',
    );
  });

  it('names four groups and counts the rest; an unknown limit is said', () => {
    const many = Array.from({ length: 6 }, (_, index) => session({ id: String(index), application: `svc${index}` }));
    const line = groupsLine(many, { maxConnections: null, reserved: 0, reservedDetail: '' });
    expect(line).toContain('+2 more groups');
    expect(line.match(/svc\d/g)).toHaveLength(4);
    expect(line).toContain('headroom unknown (max_connections not readable)');
  });
});
