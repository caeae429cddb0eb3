// Result navigation and history search in the whole console (memory backend, ink-testing-library).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { act } from 'react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/ui/app.js';
import { HistoryFile } from '../../../source/ui/history-file.js';
import type { ResolvedTarget } from '../../../source/profiles/target.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const memory: ResolvedTarget = { dsn: 'memory', redacted: 'memory', profileName: 'memory', source: 'memory', settings: {} };
let instance: ReturnType<typeof render> | null = null;
afterEach(async () => {
  await act(async () => {
    instance?.unmount();
  });
  instance = null;
});
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function until(expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const frame = instance?.lastFrame() ?? '';
    if (typeof expected === 'string' ? frame.includes(expected) : expected.test(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(expected)}. Frame:\n${frame}`);
  }
}

async function send(...writes: string[]): Promise<void> {
  for (const data of writes)
    await act(async () => {
      instance?.stdin.write(data);
    });
}

async function start(history: string[] = [], target: ResolvedTarget = memory): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'dsnsh-ui-nav-'));
  folders.push(folder);
  const file = new HistoryFile(join(folder, 'h.json'));
  file.save(history);
  await act(async () => {
    instance = render(<App target={target} readOnly={false} history={file} onExit={() => undefined} onSwitch={() => undefined} />);
  });
  await until('connected');
}

describe('console navigation', () => {
  it('searches history backwards with Ctrl+R; Enter runs the match, other keys accept it', async () => {
    await start(["select 'first' as which;", "select 'second' as which;", 'select 3;']);
    await send('\x12');
    await send('which');
    await until("(history search) 'which': select 'second' as which;");
    await send('\x12');
    await until("(history search) 'which': select 'first' as which;");
    // Enter accepts the match and runs it, as in bash
    await send('\r');
    await until(/which\s*\n[─]+\s*\nfirst/);
    await send('\x12', 'sec', '\x1b[C');
    await until("sql> select 'second' as which;");
  });

  it('asks before a destructive statement on a production profile', async () => {
    await start([], { ...memory, settings: { production: true } });
    await send('create table ui_prod (id integer);', '\r');
    await until('CREATE');
    await send('delete from ui_prod;', '\r');
    await until('production profile: DELETE without WHERE — press y to run it');
    await send('n');
    await until('not run');
    await until('sql> delete from ui_prod;');
    await send('\r');
    await until('press y to run it');
    await send('y');
    await until('DELETE · 0 rows affected');
  });

  it('scrolls sideways, shows the record view, and moves between rows', async () => {
    await start();
    const wide = Array.from({ length: 8 }, (_, index) => `'${'v'.repeat(15)}${index}' as column_${index}`).join(', ');
    await send(`select ${wide} union all select ${wide.replace(/v/g, 'w')};`, '\r');
    await until('2 rows');
    await send('\x1b[Z'); // focus results
    await send('l', 'l');
    // Scrolled past the first column: no line of the grid (under the block's statement line, `› select …`) shows it.
    const scrolled = (await until('column +16')).split('\n').filter((text) => !text.startsWith('›'));
    expect(scrolled.join('\n')).toContain('column_1');
    expect(scrolled.join('\n')).not.toContain('column_0');
    await send('x');
    const record = await until('RECORD 1');
    expect(record).toMatch(/column_7\s+│ v+7/);
    await send('j');
    expect(await until('RECORD 2')).toMatch(/column_0\s+│ w+0/);
    await send('x', '\x1b');
    await until('sql>');
  });
});
