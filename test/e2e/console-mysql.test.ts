// The console against MariaDB/MySQL in a real pty: streaming select, writes, describe.
import { afterEach, describe, expect, it } from 'vitest';
import { runStatement, startCli, type PtySession } from '../helpers/pty.js';
import { availability, MYSQL_DSN } from '../helpers/servers.js';

let session: PtySession | null = null;
afterEach(() => {
  session?.kill();
  session = null;
});

describe.skipIf(!availability().mysql)('console on MySQL/MariaDB', () => {
  it('creates, inserts, describes, selects and drops', async () => {
    session = startCli({ args: [MYSQL_DSN], columns: 100, rows: 30, env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    await session.waitFor('connected');
    await runStatement(session, 'drop table if exists ui_console_items;', 'DROP');
    await runStatement(session, 'create table ui_console_items (id int primary key, label varchar(20) null);', 'CREATE');
    await runStatement(session, "insert into ui_console_items values (1, 'één'), (2, NULL);", /2 rows affected/);
    const described = await runStatement(session, '\\d ui_console_items', /"PRIMARY" PRIMARY KEY/);
    expect(described).toMatch(/Column\s+\|\s+Type/);
    expect(described).toMatch(/label\s+\| varchar\(20\)/);
    const selected = await runStatement(session, 'select * from ui_console_items order by id;', /id │ label/);
    expect(selected).toMatch(/2 │ ∅/);
    await runStatement(session, 'drop table ui_console_items;', 'DROP');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});

describe.skipIf(!availability().mysql)('console with a wrong password', () => {
  it('opens with the error and the profile switcher, password never shown', async () => {
    const wrong = MYSQL_DSN.replace('mysql://root@', 'mysql://root:wrongpass@');
    session = startCli({ args: [wrong], columns: 100, rows: 30, env: { DSNSH_STATE_DIR: '/tmp/dsnsh-ui-test-state' } });
    const screen = await session.waitFor('Profiles (');
    expect(screen).toContain('Cannot connect');
    expect(screen).toContain('down');
    expect(session.output()).not.toContain('wrongpass');
    session.write('\x1b');
    session.write('\x04');
    expect(await session.exited).toBe(0);
  });
});
