// Switching profiles inside the console, and adding one with live DSN validation.
import { describe, expect, it } from 'vitest';
import { privateConsoles } from '../helpers/private-console.js';
import { availability, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-ui-profiles-');

describe.skipIf(!availability().postgres)('profile switcher', () => {
  it('adds a profile with live validation and switches to it without restarting', async () => {
    const session = consoles.start({ columns: 100, rows: 30 });
    await session.waitFor('connected');
    session.write('\x1bOQ'); // F2
    await session.waitFor('Profiles');
    session.write('a');
    await session.waitFor('Add a profile');
    session.write('uipg');
    session.write('\t');
    session.write('postgres://postgres:sekrit@127.0.0.1:notaport/test');
    expect(await session.waitFor('✗')).not.toContain('sekrit');
    for (let i = 0; i < 'notaport/test'.length; i += 1) session.write('\x7f');
    session.write(PG_DSN.replace('postgres://postgres@127.0.0.1:', '5432/').replace(/^5432\/\d+\//, '5432/'));
    await session.waitFor('✓ valid DSN');
    session.write('\r');
    await session.waitFor(/uipg\s+postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:5432/);
    session.write('\x1b[B'.repeat(5));
    session.write('\r');
    const screen = await session.waitFor(/uipg · postgres/);
    expect(screen).not.toContain('sekrit');
    await session.waitFor('connected');
    session.write('select current_database() as db;');
    session.write('\r');
    await session.waitFor(/db\s*\n─+\s*\ntest/);
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
