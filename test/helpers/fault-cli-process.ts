// The built CLI as a long-running child: statements fed through stdin one at a time, output polled,
// signals sent. Also tells whether the child holds a TCP connection to a port (from /proc), so a
// test can wait until the CLI is really talking to a server before it freezes or stops it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import { CLI_PATH } from './cli-path.js';
import { baseEnv } from '../noninteractive/run-cli.js';

export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  write(text: string): void;
  end(): void;
  waitForStdout(expected: string | RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
}

export async function pollUntil(check: () => boolean | Promise<boolean>, what: string | (() => string), timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function startCliProcess(args: string[], options: { env?: NodeJS.ProcessEnv; stdoutFd?: number } = {}): CliProcess {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    env: baseEnv(options.env),
    stdio: ['pipe', options.stdoutFd ?? 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.on('error', () => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    write: (text) => {
      child.stdin.write(text);
    },
    end: () => {
      child.stdin.end();
    },
    waitForStdout: (expected, timeoutMs) =>
      pollUntil(
        () => (typeof expected === 'string' ? stdout.includes(expected) : expected.test(stdout)) || child.exitCode !== null,
        () =>
          `stdout shows ${String(expected)} (stdout: ${JSON.stringify(stdout.slice(-400))}, stderr: ${JSON.stringify(stderr.slice(-400))})`,
        timeoutMs,
      ).then(() => {
        const seen = typeof expected === 'string' ? stdout.includes(expected) : expected.test(stdout);
        if (!seen) throw new Error(`the CLI exited (${child.exitCode}) before printing ${String(expected)}; stderr: ${stderr}`);
      }),
    exited,
    kill: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
    },
  };
}

/** Socket inodes of a process (from its fd links). */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]!);
      } catch {
        /* closed meanwhile */
      }
    }
  } catch {
    /* process gone */
  }
  return inodes;
}

/** Whether `pid` has a TCP socket whose remote port is `port` (any state but LISTEN). */
export function hasTcpConnectionTo(pid: number, port: number): boolean {
  const inodes = socketInodes(pid);
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const remotePort = fields[2]!.split(':')[1];
      if (remotePort === hexPort && fields[3] !== '0A' && inodes.has(fields[9]!)) return true;
    }
  }
  return false;
}

/** One `dsnsh: error:` line and at most a hint: no stack trace, no internal error. */
export function isOneClearError(stderr: string): boolean {
  const lines = stderr.trim().split('\n');
  return (
    lines.filter((line) => line.startsWith('dsnsh: error:')).length === 1 &&
    !/internal error|^\s+at .+\(.*:\d+:\d+\)$/m.test(stderr) &&
    lines.every((line) => line.startsWith('dsnsh: error:') || line.startsWith('hint:'))
  );
}
