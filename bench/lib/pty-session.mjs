// A program in a real pseudo-terminal (node-pty) whose output is rendered by a headless xterm,
// so we can ask "does the screen show X yet?" and time keystrokes to the frame they cause.
// The terminal answers the program's queries (cursor position, device attributes), as a real
// terminal emulator would; prompt_toolkit consoles wait for those answers.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { childEnv } from './environment.mjs';

// Loaded here rather than imported, so a machine where node-pty did not build still runs the
// cases that need no terminal; the console cases then say why they skip.
const require = createRequire(import.meta.url);
let pty = null;
let Terminal = null;
let loadError = null;
try {
  pty = require('node-pty');
  ({ Terminal } = require('@xterm/headless'));
} catch (error) {
  loadError = `node-pty or @xterm/headless unavailable (npm install): ${String(error.message).split('\n')[0]}`;
}

/** Why console cases cannot run here, or null. */
export const ptyUnavailable = () => loadError;

export class PtySession {
  constructor(command, args, { cols = 120, rows = 40, env = childEnv(), cwd = process.cwd() } = {}) {
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
    this.startedAt = performance.now();
    this.lastOutputAt = null;
    this.bytes = 0;
    this.exited = null;
    this.pending = Promise.resolve();
    this.watchers = new Set();
    this.proc = pty.spawn(command, args, { name: 'xterm-256color', cols, rows, cwd, env: { ...env, TERM: 'xterm-256color' } });
    this.pid = this.proc.pid;
    this.term.onData((reply) => {
      if (!this.exited) this.proc.write(reply);
    });
    this.proc.onData((data) => {
      const at = performance.now();
      this.lastOutputAt = at;
      this.bytes += data.length;
      this.pending = new Promise((resolve) => this.term.write(data, resolve)).then(() => this.notify(at));
    });
    this.proc.onExit(({ exitCode, signal }) => {
      const at = performance.now();
      // node-pty may deliver the last output after the exit event: let it land on screen first.
      setTimeout(
        () =>
          this.pending.then(() => {
            this.exited = { exitCode, signal, at };
            this.notify(performance.now());
          }),
        50,
      );
    });
  }

  notify(at) {
    for (const watcher of [...this.watchers]) watcher(at);
  }

  screen() {
    const buffer = this.term.buffer.active;
    const lines = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Resolves with the time (ms since spawn) of the output that made the screen match, or rejects on timeout/exit. */
  waitForScreen(pattern, timeoutMs = 15_000) {
    return new Promise((resolve, reject) => {
      const check = (at) => {
        if (pattern.test(this.screen())) return finish(() => resolve(at - this.startedAt));
        if (this.exited) return finish(() => reject(new ExitedError(this)));
        return undefined;
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}; screen:\n${this.screen()}`))),
        timeoutMs,
      );
      const finish = (action) => {
        clearTimeout(timer);
        this.watchers.delete(check);
        action();
      };
      this.watchers.add(check);
      this.pending.then(() => check(this.lastOutputAt ?? performance.now()));
    });
  }

  /**
   * Writes `data` and waits for the frame it causes: until `changed(screen)` holds (by default:
   * any output at all), then until output has stayed quiet for `quietMs`. Returns the latency
   * from the write to the last byte of that frame, or null when the change never came.
   */
  async keystroke(data, { changed = null, quietMs = 40, timeoutMs = 10_000 } = {}) {
    const before = this.bytes;
    const sentAt = performance.now();
    this.proc.write(data);
    const deadline = sentAt + timeoutMs;
    let seen = false;
    while (performance.now() < deadline && !this.exited) {
      await sleep(2);
      if (!seen) {
        await this.pending;
        seen = this.bytes > before && (changed === null || changed(this.screen()));
      }
      if (seen && performance.now() - this.lastOutputAt >= quietMs) break;
    }
    await this.pending;
    return seen ? this.lastOutputAt - sentAt : null;
  }

  write(data) {
    this.proc.write(data);
  }

  /** Stops the program (by its own pid) and waits for it to exit. */
  async stop() {
    if (!this.exited) {
      try {
        this.proc.kill('SIGKILL');
      } catch {
        /* gone */
      }
      const until = performance.now() + 3000;
      while (!this.exited && performance.now() < until) await sleep(10);
    }
    this.term.dispose();
  }
}

export class ExitedError extends Error {
  constructor(session) {
    const lastLines = session
      .screen()
      .split('\n')
      .filter((l) => l.trim())
      .slice(-3)
      .join(' | ');
    super(`exited (code ${session.exited.exitCode}) before the expected screen: ${lastLines || 'no output'}`);
    this.lastLines = lastLines;
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
