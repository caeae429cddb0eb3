// Several statements typed on one line run them all, in order; an error stops the rest of the
// input and says how many statements did not run. Real pty, real servers.
import { describe, expect, it } from 'vitest';
import { type PtySession } from '../helpers/pty.js';
import { privateConsoles } from '../helpers/private-console.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-results-');

function start(args: string[]): PtySession {
  return consoles.start({ args, columns: 120 });
}

const backends = [
  { name: 'PostgreSQL', args: [PG_DSN], temp: 'create temp table', skip: !availability().postgres },
  { name: 'MariaDB', args: [MYSQL_DSN], temp: 'create temporary table', skip: !availability().mysql },
  { name: 'SQLite memory', args: [], temp: 'create temp table', skip: false },
];

describe.each(backends)('typed input with several statements on $name', ({ args, temp, skip }) => {
  it.skipIf(skip)('runs every statement in order', async () => {
    const pty = start(args);
    await pty.waitFor('connected');
    pty.write(
      `${temp} results_multi (i int); insert into results_multi values (1); insert into results_multi values (2); select count(*) as n_rows from results_multi;`,
    );
    pty.write('\r');
    const screen = await pty.waitFor(/n_rows\s*\n[─]+\s*\n\s*2\b/);
    expect(screen).not.toMatch(/ERROR|multiple commands|holds 2/);
    pty.write('select 1 as a; select 2 as b;');
    pty.write('\r');
    await pty.waitFor(/\bb\s*\n[─]+\s*\n\s*2\b/);
  });

  it.skipIf(skip)('stops at an error and says how many statements did not run', async () => {
    const pty = start(args);
    await pty.waitFor('connected');
    pty.write(`${temp} results_stop (i int);`);
    pty.write('\r');
    await pty.waitFor(/CREATE|created|OK|done/i);
    pty.write('insert into results_stop_missing values (1); insert into results_stop values (7); select 99 as later;');
    pty.write('\r');
    const screen = await pty.waitFor('2 statements did not run');
    expect(screen).toMatch(/results_stop_missing/);
    expect(screen).not.toMatch(/later/);
    // The insert after the error never ran.
    pty.write('select count(*) as n_after from results_stop;');
    pty.write('\r');
    await pty.waitFor(/n_after\s*\n[─]+\s*\n\s*0\b/);
  });

  it.skipIf(skip)('one failing statement alone says no "did not run"', async () => {
    const pty = start(args);
    await pty.waitFor('connected');
    pty.write('select * from results_alone_missing;\r');
    await pty.waitFor(/results_alone_missing/);
    // Typed after the error is on screen: once it echoes, the status line has had its say.
    pty.write('select 41 + 1 as after_alone;');
    expect(await pty.waitFor(/sql> select 41 \+ 1 as after_alone;/)).not.toMatch(/did not run/);
    pty.write('\r');
    await pty.waitFor(/after_alone\s*\n[─]+\s*\n\s*42\b/);
  });

  it.skipIf(skip)('a pasted script stops at its first error', async () => {
    const pty = start(args);
    await pty.waitFor('connected');
    pty.write(
      `\x1b[200~${temp} results_paste (i int);\rinsert into results_paste_missing values (1);\rinsert into results_paste values (5);\r\x1b[201~`,
    );
    await pty.waitFor('1 statement did not run');
    pty.write('select count(*) as n_pasted from results_paste;');
    pty.write('\r');
    await pty.waitFor(/n_pasted\s*\n[─]+\s*\n\s*0\b/);
  });
});

describe.skipIf(!availability().postgres)('a read-only refusal in a paste', () => {
  it('stops the rest of the paste', async () => {
    const pty = start([PG_DSN, '--read-only']);
    await pty.waitFor(/READ-ONLY[^]*connected/);
    pty.write("\x1b[200~set session characteristics as transaction read write;\rselect 'ran' as after_refusal;\r\x1b[201~");
    const screen = await pty.waitFor('1 statement did not run');
    expect(screen).toContain('Not run under read-only');
    expect(screen).not.toContain('after_refusal');
  });
});
