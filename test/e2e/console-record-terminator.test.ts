// mycli's `\G` ending a statement, on PostgreSQL: that statement's result in the record view, the
// next statement's in the table again; the server never sees the \G.
import { describe, expect, it } from 'vitest';
import { privateConsoles } from '../helpers/private-console.js';
import { runStatement } from '../helpers/pty.js';
import { availability, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-record-g-');

describe.skipIf(!availability().postgres)('\\G on PostgreSQL', () => {
  it('shows one result as records, then tables again', async () => {
    const session = consoles.start({ args: [PG_DSN] });
    await session.waitFor(' · connected');
    const records = await runStatement(session, "select 1 as first_col, 'x' as second_col\\G", '-[ RECORD 1 ]');
    expect(records).toMatch(/^first_col\s+│ 1$/m);
    expect(records).toMatch(/^second_col │ x$/m);
    // the next statement is a table again
    const table = await runStatement(session, 'select 2 as n;', /^n\s*\n─+\s*\n\s*2\s*$/m);
    expect(table).not.toContain('RECORD');
    // with the record view switched on (\x), it stays on after a \G statement
    await runStatement(session, '\\x', 'record view on');
    await runStatement(session, 'select 3 as m \\G', /^m │ 3$/m);
    expect(await runStatement(session, 'select 4 as k;', /^k │ 4$/m)).toContain('-[ RECORD 1 ]');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
