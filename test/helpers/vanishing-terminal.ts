// A console on a pseudo-terminal that can vanish without a SIGHUP reaching it. The console runs in
// a session of its own (setsid: the pty is not its controlling terminal, so the kernel's hangup
// signal goes elsewhere) with its stdin, stdout and stderr on the pty; a small holder process,
// which ignores SIGHUP, started it and records how it ended. `vanish()` closes the pty's master,
// as a terminal emulator or an exec stream that died without signalling would leave it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';
import { CLI_PATH } from './cli-path.js';
import { childEnv } from './pty.js';

const HOLDER = `
const { spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const [report, ...args] = process.argv.slice(1);
process.on('SIGHUP', () => {});
const child = spawn(process.execPath, args, { stdio: 'inherit', detached: true });
writeFileSync(report + '.pid', String(child.pid));
child.on('exit', (code, signal) => { writeFileSync(report, JSON.stringify({ code, signal })); process.exit(0); });
`;

export interface ConsoleEnd {
  code: number | null;
  signal: string | null;
}

export interface VanishingTerminal {
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<void>;
  write(data: string): void;
  /** Closes the pty's master side; no signal is sent to the console */
  vanish(): void;
  /** How the console ended, or null if it still runs after `withinMs` */
  ended(withinMs: number): Promise<ConsoleEnd | null>;
  /** Kills the console if it still runs and removes its files */
  dispose(): void;
}

export function startOnVanishingTerminal(args: string[], env: Record<string, string | undefined>): VanishingTerminal {
  const dir = mkdtempSync(join(tmpdir(), 'dsnsh-vanish-'));
  const report = join(dir, 'end.json');
  const terminal = new xterm.Terminal({ cols: 120, rows: 30, allowProposedApi: true });
  const pty = spawn(process.execPath, ['-e', HOLDER, report, CLI_PATH, ...args], {
    name: env.TERM ?? 'xterm-256color',
    cols: 120,
    rows: 30,
    env: childEnv({ HOME: dir, XDG_STATE_HOME: join(dir, 'state'), DSNSH_CONFIG_DIR: join(dir, 'config'), DSN: undefined, ...env }),
  });
  let pending = Promise.resolve();
  pty.onData((data) => {
    pending = pending.then(() => new Promise<void>((resolve) => terminal.write(data, resolve)));
  });
  const screen = () => {
    const lines: string[] = [];
    for (let row = 0; row < terminal.rows; row += 1)
      lines.push(terminal.buffer.active.getLine(terminal.buffer.active.viewportY + row)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  const consolePid = () => (existsSync(`${report}.pid`) ? Number(readFileSync(`${report}.pid`, 'utf8')) : null);
  const readEnd = (): ConsoleEnd | null => (existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as ConsoleEnd) : null);
  return {
    async waitFor(expected, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await pending;
        const text = screen();
        if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(expected)}. Screen:\n${text}\n--- end of screen`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    write: (data) => pty.write(data),
    vanish: () => closeMaster(pty),
    async ended(withinMs) {
      const deadline = Date.now() + withinMs;
      while (Date.now() < deadline) {
        const end = readEnd();
        if (end) return end;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return readEnd();
    },
    dispose() {
      const pid = consolePid();
      if (pid !== null && readEnd() === null) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      try {
        closeMaster(pty);
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Closes the pty's master side (node-pty's `destroy`, not in its typings), then sends SIGHUP to
 * the process it started, as a terminal window that closes does.
 */
export function closeMaster(pty: IPty): void {
  (pty as IPty & { destroy(): void }).destroy();
}
