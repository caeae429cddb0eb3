// The console's user session tracks every read of a stream (a signal that ends the console waits
// for it, and a lost connection is explained), also when the rows come as JSON text chunks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { userSession, type UserSessionGuard } from '../../source/session/user-session.js';

const ROWS = 'select g from numbers';

describe('userSession streams', () => {
  let adapter: Adapter;
  const folder = mkdtempSync(join(tmpdir(), 'dsnsh-user-session-'));
  beforeAll(async () => {
    // In process, as the CLI opens SQLite: its streams can hand rows over as JSON text.
    adapter = await openAdapter(parseDsn(`sqlite://${join(folder, 'rows.db')}`), { inProcess: true });
    await adapter.run('create table numbers (g integer)');
    await adapter.run('insert into numbers with recursive s(g) as (select 1 union all select g + 1 from s where g < 2000) select g from s');
  });
  afterAll(async () => {
    await adapter.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('tracks each read of JSON text chunks as it tracks row reads', async () => {
    const guard: UserSessionGuard = { terminating: new AbortController(), running: new Set() };
    const session = userSession(await adapter.session(), { adapter, readOnly: false, guard });
    const stream = await session.stream(ROWS, { chunkSize: 100, jsonText: true });
    expect(stream.jsonChunks).toBeDefined();
    let tracked = 0;
    let rows = 0;
    const chunks = stream.jsonChunks!()[Symbol.asyncIterator]();
    for (;;) {
      const next = chunks.next();
      if (guard.running.size > 0) tracked += 1;
      const { value, done } = await next;
      if (done) break;
      rows += value.rows;
    }
    await stream.close();
    await session.release();
    expect(rows).toBe(2000);
    expect(tracked).toBeGreaterThan(0);
    expect(guard.running.size).toBe(0);
  });
});
