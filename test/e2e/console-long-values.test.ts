// Long values and messages can be read in full: grid cells use the room the screen has, a viewer
// (v) shows the focused row's whole values wrapped and scrollable (JSON pretty-printed), the
// record view and error messages wrap. Real pty, real PostgreSQL.
import { describe, expect, it } from 'vitest';
import { runStatement, type PtySession } from '../helpers/pty.js';
import { privateConsoles } from '../helpers/private-console.js';
import { availability, PG_DSN } from '../helpers/servers.js';

const consoles = privateConsoles('dsnsh-long-');

function start(columns: number, rows = 30): PtySession {
  return consoles.start({ args: [PG_DSN], columns, rows });
}

const F6 = '\x1b[17~';
/** 30 numbered words, 299 characters: the last ones never fit a 140-column line */
const LONG_VALUE = "select string_agg(lpad(i::text, 9, '0'), ' ') as long_value from generate_series(1, 30) i;";

describe.skipIf(!availability().postgres)('long values on PostgreSQL', () => {
  it('a single column uses the whole width of a 140-column screen', async () => {
    const pty = start(140);
    await pty.waitFor('connected');
    const screen = await runStatement(pty, "select repeat('a', 120) as wide;", /wide\s*\n/);
    expect(screen).toContain('a'.repeat(120));
  });

  it('an EXPLAIN plan of a join is not cut at 40 columns', async () => {
    const pty = start(140);
    await pty.waitFor('connected');
    await runStatement(pty, 'explain select * from pg_class c join pg_namespace n on n.oid = c.relnamespace;', /QUERY PLAN/);
    const screen = await pty.waitFor(/Hash Join/);
    expect(screen).toMatch(/Hash Join\s+\(cost=[\d.]+ rows=\d+ width=\d+\)/);
    expect(screen).toMatch(/Hash Cond: \(c\.relnamespace = n\.oid\)/);
  });

  it('v opens the whole value wrapped and scrollable; Esc closes it', async () => {
    const pty = start(140, 24);
    await pty.waitFor('connected');
    const grid = await runStatement(pty, LONG_VALUE, /long_value\s*\n/);
    expect(grid).not.toContain('000000030');
    pty.write(F6);
    pty.write('v');
    const viewer = await pty.waitFor('000000030');
    expect(viewer).toContain('000000001');
    expect(viewer).toMatch(/long_value/);
    pty.write('\x1b');
    expect(await pty.waitFor(/long_value\s*\n─+/)).not.toContain('000000030');
  });

  it('the viewer pretty-prints a jsonb value', async () => {
    const pty = start(100);
    await pty.waitFor('connected');
    await runStatement(pty, `select '{"name":"alice","tags":["a","b"],"nested":{"k":1}}'::jsonb as doc;`, /doc\s*\n/);
    pty.write(F6);
    pty.write('v');
    const viewer = await pty.waitFor(/^\s*"name": "alice",\s*$/m);
    expect(viewer).toMatch(/^\s*"k": 1\s*$/m);
  });

  it('the viewer scrolls a value taller than the screen', async () => {
    const pty = start(80, 20);
    await pty.waitFor('connected');
    await runStatement(pty, "select string_agg('line' || i, chr(10)) as tall from generate_series(1, 60) i;", /tall\s*\n/);
    pty.write(F6);
    pty.write('v');
    await pty.waitFor(/^\s*line1\s*$/m);
    expect(pty.screen()).not.toMatch(/^\s*line60\s*$/m);
    for (let page = 0; page < 10; page += 1) pty.write('\x1b[6~');
    await pty.waitFor(/^\s*line60\s*$/m);
  });

  it('the record view wraps a long value instead of cutting it', async () => {
    const pty = start(140);
    await pty.waitFor('connected');
    await runStatement(pty, LONG_VALUE, /long_value\s*\n/);
    pty.write(F6);
    pty.write('x');
    const screen = await pty.waitFor('RECORD 1');
    expect(screen).toContain('000000030');
  });

  it('a long error message wraps over several lines', async () => {
    const pty = start(100);
    await pty.waitFor('connected');
    await runStatement(pty, "do $$ begin raise exception 'long message: %', repeat('m', 150) || upper('the_end'); end $$;", /ERROR/);
    // The statement on screen holds no THE_END: only the wrapped message does.
    await pty.waitFor('THE_END');
  });
});
