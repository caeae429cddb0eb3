// The console in a real pty, ended by SIGTERM, SIGHUP or SIGQUIT: the terminal is restored (raw
// mode off: the shell that started it sees `icanon echo` again; cursor shown; alternate screen
// left), the exit code is 128 + the signal, and a statement running on the server is cancelled
// there first (pg_stat_activity / processlist show it gone).
import fs from 'node:fs';
import xterm from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../source/adapters/adapter.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';
import { CLI_PATH } from '../helpers/cli-path.js';
import { pollUntil } from '../helpers/fault-cli-process.js';
import { childEnv } from '../helpers/pty.js';
import { availability, MYSQL_DSN, PG_DSN } from '../helpers/servers.js';

const SIGNALS = { SIGTERM: 143, SIGHUP: 129, SIGQUIT: 131 } as const;
const ENTER_ALTERNATE = '\x1b[?1049h';
const LEAVE_ALTERNATE = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

interface ShellConsole {
  pty: IPty;
  output(): string;
  /** The console's own pid (the shell's child) */
  consolePid(): number | null;
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<void>;
  kill(): void;
}

/** `sh -c 'dsnsh …; echo EXIT=$?; stty -a'` in a pty: what the shell finds after the console. */
function consoleUnderShell(args: string[]): ShellConsole {
  const terminal = new xterm.Terminal({ cols: 200, rows: 40, allowProposedApi: true });
  const quoted = [process.execPath, CLI_PATH, ...args].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(' ');
  const pty = spawn('/bin/sh', ['-c', `${quoted}; echo "EXIT=$?"; stty -a; echo STTY-DONE`], {
    name: 'xterm-256color',
    cols: 200,
    rows: 40,
    env: childEnv(),
  });
  let raw = '';
  pty.onData((data) => {
    raw += data;
    terminal.write(data);
  });
  return {
    pty,
    output: () => raw,
    consolePid() {
      try {
        const children = fs.readFileSync(`/proc/${pty.pid}/task/${pty.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
        return children.length > 0 ? Number(children[0]) : null;
      } catch {
        return null;
      }
    },
    waitFor: (expected, timeoutMs = 20_000) =>
      pollUntil(
        () => (typeof expected === 'string' ? raw.includes(expected) : expected.test(raw)),
        () => `the pty shows ${String(expected)} (output tail: ${JSON.stringify(raw.slice(-600))})`,
        timeoutMs,
      ),
    kill: () => {
      try {
        pty.kill('SIGKILL');
      } catch {
        /* gone */
      }
    },
  };
}

/** What the shell saw after the console ended: its exit code and the terminal modes. */
async function afterSignal(shell: ShellConsole, signal: NodeJS.Signals): Promise<{ exit: number; afterEnter: string; stty: string }> {
  const pid = shell.consolePid();
  expect(pid).not.toBeNull();
  process.kill(pid!, signal);
  await shell.waitFor('STTY-DONE');
  const raw = shell.output();
  const exit = Number(/EXIT=(\d+)/.exec(raw)?.[1]);
  const afterEnter = raw.slice(raw.lastIndexOf(ENTER_ALTERNATE));
  const stty = raw.slice(raw.indexOf('EXIT='));
  return { exit, afterEnter, stty };
}

describe('console: signals restore the terminal', () => {
  let shell: ShellConsole | null = null;
  afterEach(() => {
    shell?.kill();
    shell = null;
  });

  for (const [signal, code] of Object.entries(SIGNALS) as [keyof typeof SIGNALS, number][]) {
    it(`${signal}: raw mode off, cursor shown, alternate screen left; exit ${code}`, async () => {
      shell = consoleUnderShell(['memory']);
      await shell.waitFor('sql>');
      const { exit, afterEnter, stty } = await afterSignal(shell, signal);
      expect(exit).toBe(code);
      expect(afterEnter).toContain(LEAVE_ALTERNATE);
      expect(afterEnter).toContain(SHOW_CURSOR);
      // The shell's terminal is line-buffered and echoing again.
      expect(stty).toMatch(/(^|\s)icanon(\s|$)/m);
      expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
      expect(stty).not.toMatch(/-icanon|(^|\s)-echo(\s|$)/m);
    }, 40_000);
  }
});

const servers = [
  {
    name: 'postgres',
    enabled: availability().postgres,
    dsn: PG_DSN,
    sleep: (tag: string) => `select pg_sleep(60) as ${tag};`,
    running: (tag: string) =>
      `select count(*) from pg_stat_activity where query like '%as ${tag}%' and state = 'active' and pid <> pg_backend_pid()`,
  },
  {
    name: 'mysql',
    enabled: availability().mysql,
    dsn: MYSQL_DSN,
    sleep: (tag: string) => `select sleep(60) as ${tag};`,
    running: (tag: string) => `select count(*) from information_schema.processlist where info like '%as ${tag}%' and id <> connection_id()`,
  },
] as const;

for (const server of servers) {
  describe.skipIf(!server.enabled)(`console: a signal cancels the running statement (${server.name})`, () => {
    let monitor: Adapter;
    let shell: ShellConsole | null = null;
    beforeAll(async () => {
      monitor = await openAdapter(parseDsn(server.dsn));
    });
    afterAll(async () => {
      await monitor?.close();
    });
    afterEach(() => {
      shell?.kill();
      shell = null;
    });

    for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
      it(`${signal} while a statement runs: gone from the server, terminal restored, exit ${SIGNALS[signal]}`, async () => {
        const tag = `dsnsh_console_${signal.toLowerCase()}_${server.name}`;
        const count = async () => Number((await monitor.run(server.running(tag))).rows[0]![0]);
        shell = consoleUnderShell([server.dsn]);
        await shell.waitFor('sql>');
        shell.pty.write(server.sleep(tag));
        shell.pty.write('\r');
        await pollUntil(async () => (await count()) === 1, 'the statement runs');
        const { exit, afterEnter } = await afterSignal(shell, signal);
        expect(exit).toBe(SIGNALS[signal]);
        expect(afterEnter).toContain(LEAVE_ALTERNATE);
        await pollUntil(async () => (await count()) === 0, 'the statement is gone from the server', 3000);
      }, 40_000);
    }
  });
}
