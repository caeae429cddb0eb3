// Ctrl+C while a result is still being read stops reading; the status line then says so instead of
// keeping "cancelling…" (which promised that a second Ctrl+C quits) for as long as the console runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type PtySession } from '../helpers/pty.js';

let session: PtySession | null = null;
let home: string | null = null;
afterEach(() => {
  session?.kill();
  session = null;
  if (home !== null) rmSync(home, { recursive: true, force: true });
  home = null;
});

describe('stopping a result that is still being read', () => {
  it('says the reading stopped, and no longer says "cancelling…"', async () => {
    home = mkdtempSync(join(tmpdir(), 'dsnsh-stop-reading-'));
    session = startCli({
      args: ['memory'],
      columns: 120,
      env: { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_STATE_HOME: join(home, 'state'), DSN: undefined },
    });
    await session.waitFor('connected');
    session.write('with recursive s(g) as (select 1 union all select g + 1 from s where g < 200000) select g from s;\r');
    await session.waitFor(/rows so far/);
    session.write('\x03');
    await session.waitFor(/stopped reading the result/);
    expect(session.screen()).not.toMatch(/cancelling/);
    // The console goes on: the next statement runs.
    session.write("select 'after' as next;\r");
    await session.waitFor('after');
    expect(session.screen()).not.toMatch(/cancelling/);
  });
});
