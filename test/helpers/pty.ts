// The built CLI in a real pseudo-terminal: node-pty runs it, @xterm/headless keeps the screen,
// and `waitFor` polls the screen text (dumping it on failure). CI variables are removed from the
// child's environment because Ink prints only the final frame when CI is set.
import xterm from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';
import { CLI_PATH } from './cli-path.js';

const { Terminal } = xterm;

export interface PtySession {
  readonly pty: IPty;
  /** Everything the program wrote, raw (escape sequences included) */
  readonly output: () => string;
  screen(): string;
  write(data: string): void;
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<string>;
  resize(columns: number, rows: number): void;
  exited: Promise<number>;
  kill(): void;
}

export interface PtyOptions { args?: string[]; columns?: number; rows?: number; env?: Record<string, string | undefined>; cwd?: string }

export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...extra })) {
    if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION' && !key.startsWith('VITEST') && key !== 'NODE_ENV') env[key] = value;
  }
  return env;
}

export function startCli(options: PtyOptions = {}): PtySession {
  const columns = options.columns ?? 80;
  const rows = options.rows ?? 24;
  const terminal = new Terminal({ cols: columns, rows, allowProposedApi: true });
  const pty = spawn(process.execPath, [CLI_PATH, ...(options.args ?? [])], {
    name: 'xterm-256color', cols: columns, rows, cwd: options.cwd ?? process.cwd(), env: childEnv(options.env),
  });
  let raw = '';
  let pending = Promise.resolve();
  let lastDataAt = Date.now();
  pty.onData((data) => {
    raw += data;
    lastDataAt = Date.now();
    pending = pending.then(() => new Promise<void>((resolve) => terminal.write(data, resolve)));
  });
  // node-pty can report the exit before the last output has been read from the pty: resolve only
  // once output has been quiet for a moment (at most ~1 s) and the screen has taken all of it.
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => {
    const exitAt = Date.now();
    const settle = (): void => {
      const quietSince = Math.max(lastDataAt, exitAt);
      if (Date.now() - quietSince < 100 && Date.now() < exitAt + 1000) setTimeout(settle, 25);
      else void pending.then(() => resolve(exitCode));
    };
    settle();
  }));

  const screen = (): string => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < terminal.rows; row += 1) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    return lines.join('\n');
  };

  const waitFor = async (expected: string | RegExp, timeoutMs = 10_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await pending;
      const text = screen();
      if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
      if (Date.now() > deadline) {
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(expected)}. Screen:\n${text}\n--- end of screen`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  return {
    pty,
    output: () => raw,
    screen,
    write: (data) => pty.write(data),
    waitFor,
    resize: (newColumns, newRows) => { pty.resize(newColumns, newRows); terminal.resize(newColumns, newRows); },
    exited,
    kill: () => { try { pty.kill(); } catch { /* already gone */ } },
  };
}

/** Types a statement at the prompt, presses Enter and waits for `expected` on screen. */
export async function runStatement(pty: PtySession, statement: string, expected: string | RegExp): Promise<string> {
  pty.write(statement);
  pty.write('\r');
  return pty.waitFor(expected);
}
