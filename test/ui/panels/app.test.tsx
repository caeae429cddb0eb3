// The whole console on the memory backend, driven through ink-testing-library's stdin.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { act } from 'react';
import { afterAll, describe, expect, it } from 'vitest';
import { App } from '../../../source/ui/app.js';
import { HistoryFile } from '../../../source/ui/history-file.js';
import type { ResolvedTarget } from '../../../source/profiles/target.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const memory: ResolvedTarget = { dsn: 'memory', redacted: 'memory', profileName: 'memory', source: 'memory', settings: {} };

async function until(read: () => string | undefined, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const frame = read() ?? '';
    if (typeof expected === 'string' ? frame.includes(expected) : expected.test(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(expected)}. Frame:\n${frame}`);
  }
}

const historyFolder = mkdtempSync(join(tmpdir(), 'dsnsh-ui-history-'));
afterAll(() => rmSync(historyFolder, { recursive: true, force: true }));

describe('console app', () => {
  it('runs statements typed fast and pasted, keeps history in a 0600 file, quits on \\q', async () => {
    const file = join(historyFolder, 'memory.json');
    const history = new HistoryFile(file);
    let exitCode: number | null = null;
    let instance!: ReturnType<typeof render>;
    await act(async () => {
      instance = render(
        <App
          target={memory}
          readOnly={false}
          history={history}
          onExit={(code) => {
            exitCode = code;
          }}
          onSwitch={() => undefined}
        />,
      );
    });
    await until(instance.lastFrame, 'connected');
    await act(async () => {
      instance.stdin.write('select 12345 as n');
    });
    await act(async () => {
      instance.stdin.write('\r');
    });
    await until(instance.lastFrame, /12345\s*\n/);
    await act(async () => {
      instance.stdin.write("select 'a' as x,\r'b' as y;\r");
    });
    const frame = await until(instance.lastFrame, /a\s+│\s+b/);
    expect(frame).toContain('1 row');
    expect(history.load()).toEqual(['select 12345 as n', "select 'a' as x,\n'b' as y;"]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await act(async () => {
      instance.stdin.write('\\q');
    });
    await act(async () => {
      instance.stdin.write('\r');
    });
    await until(() => (exitCode === null ? '' : 'exited'), 'exited');
    expect(exitCode).toBe(0);
    await act(async () => {
      instance.unmount();
    });
  });
});
