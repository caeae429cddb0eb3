// The built CLI in a real pseudo-terminal: node-pty runs it, @xterm/headless keeps the screen,
// and `waitFor` polls the screen text (dumping it on failure). CI variables are removed from the
// child's environment because Ink prints only the final frame when CI is set.
// `screen()` is always the terminal's full height (blank rows included): to check what a frame
// looks like (how many rows it drew, whether it ran past the screen or a line past its width)
// use `frame()`.
import xterm from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';
import { CLI_PATH } from './cli-path.js';

const { Terminal } = xterm;

export interface PtySession {
  readonly pty: IPty;
  /** Everything the program wrote, raw (escape sequences included) */
  readonly output: () => string;
  /** The whole screen, one line per terminal row (blank rows at the bottom included) */
  screen(): string;
  /** What the program drew, as tests of a layout need it (see Frame) */
  frame(): Frame;
  write(data: string): void;
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<string>;
  resize(columns: number, rows: number): void;
  exited: Promise<number>;
  kill(): void;
}

export interface Frame {
  /** The screen's rows down to the last one with text: a frame laid out at rows - 1 has rows - 1 */
  rows: string[];
  /**
   * Lines pushed off the top since the session started: a frame taller than the screen scrolls
   * it (counted in the alternate screen too, where xterm keeps no scrollback).
   */
  scrolled: number;
  /** Indexes of rows continuing the row above: a line wider than the terminal wrapped there */
  wrapped: number[];
}

export interface PtyOptions {
  args?: string[];
  columns?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...extra })) {
    if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION' && !key.startsWith('VITEST') && key !== 'NODE_ENV')
      env[key] = value;
  }
  return env;
}

export function startCli(options: PtyOptions = {}): PtySession {
  const columns = options.columns ?? 80;
  const rows = options.rows ?? 24;
  const terminal = new Terminal({ cols: columns, rows, allowProposedApi: true });
  const pty = spawn(process.execPath, [CLI_PATH, ...(options.args ?? [])], {
    // node-pty sets TERM to `name`: a test asking for another TERM (dumb) gets it.
    name: options.env?.TERM ?? 'xterm-256color',
    cols: columns,
    rows,
    cwd: options.cwd ?? process.cwd(),
    env: childEnv(options.env),
  });
  let raw = '';
  let pending = Promise.resolve();
  // xterm reports a scroll for every line pushed off the top, and one more when the program
  // switches between the normal and the alternate screen (not a scroll of the content).
  // xterm also reports scrolls while a resize shrinks the screen: not the program's doing.
  let scrollEvents = 0;
  let bufferSwitches = 0;
  let resizeScrolls = 0;
  terminal.onScroll(() => {
    scrollEvents += 1;
  });
  terminal.buffer.onBufferChange(() => {
    bufferSwitches += 1;
  });
  let lastDataAt = Date.now();
  pty.onData((data) => {
    raw += data;
    lastDataAt = Date.now();
    pending = pending.then(() => new Promise<void>((resolve) => terminal.write(data, resolve)));
  });
  // node-pty can report the exit before the last output has been read from the pty: resolve only
  // once output has been quiet for a moment (at most ~1 s) and the screen has taken all of it.
  const exited = new Promise<number>((resolve) =>
    pty.onExit(({ exitCode }) => {
      const exitAt = Date.now();
      const settle = (): void => {
        const quietSince = Math.max(lastDataAt, exitAt);
        if (Date.now() - quietSince < 100 && Date.now() < exitAt + 1000) setTimeout(settle, 25);
        else void pending.then(() => resolve(exitCode));
      };
      settle();
    }),
  );

  const screen = (): string => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < terminal.rows; row += 1) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    return lines.join('\n');
  };

  const frame = (): Frame => {
    const buffer = terminal.buffer.active;
    const rows: string[] = [];
    const wrapped: number[] = [];
    for (let row = 0; row < terminal.rows; row += 1) {
      const line = buffer.getLine(buffer.viewportY + row);
      rows.push(line?.translateToString(true) ?? '');
      if (line?.isWrapped) wrapped.push(row);
    }
    while (rows.length > 0 && rows[rows.length - 1]!.trim() === '') rows.pop();
    return { rows, scrolled: scrollEvents - bufferSwitches - resizeScrolls, wrapped };
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
    frame,
    write: (data) => pty.write(data),
    waitFor,
    resize: (newColumns, newRows) => {
      pty.resize(newColumns, newRows);
      const before = scrollEvents;
      terminal.resize(newColumns, newRows);
      resizeScrolls += scrollEvents - before;
    },
    exited,
    kill: () => {
      try {
        pty.kill();
      } catch {
        /* already gone */
      }
    },
  };
}

/** Types a statement at the prompt, presses Enter and waits for `expected` on screen. */
export async function runStatement(pty: PtySession, statement: string, expected: string | RegExp): Promise<string> {
  pty.write(statement);
  pty.write('\r');
  return pty.waitFor(expected);
}
