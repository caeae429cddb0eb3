// A stand-in for an Ory service process: a tiny static program that only waits for a signal,
// started under the service's name ("kratos") with its argv, environment and working directory,
// so /proc/PID/cmdline, environ, cwd and root look exactly as for the real service. Optionally
// in its own root (chroot, as a container sees its image) or as pid 1 of a new PID namespace
// (unshare), the view a `kubectl debug --target` container has.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SOURCE = '#include <unistd.h>\nint main(void) { for (;;) pause(); }\n';

let built: string | null = null;

/** Compiles the waiting program once per test process (a static binary, so it runs in a chroot too). */
export function idleProgram(): string {
  if (built !== null) return built;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ory-idle-'));
  fs.writeFileSync(path.join(dir, 'idle.c'), SOURCE);
  execFileSync('cc', ['-static', '-O2', '-o', path.join(dir, 'idle'), path.join(dir, 'idle.c')], { stdio: 'pipe' });
  built = path.join(dir, 'idle');
  return built;
}

export interface StandIn {
  /** Its pid as this test sees it */
  pid: number;
  stop(): Promise<void>;
}

export interface StandInOptions {
  /** Program name as argv[0] shows it (the file is created under that name) */
  name: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  /** Run chrooted in this directory: the program is copied to /<name> inside it */
  root?: string;
  /** Run as pid 1 of a new PID namespace with its own /proc (unshare --pid --fork --mount-proc) */
  pidNamespace?: boolean;
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const program = idleProgram();
  let command: string;
  let args: string[];
  if (options.root !== undefined) {
    fs.copyFileSync(program, path.join(options.root, options.name));
    fs.chmodSync(path.join(options.root, options.name), 0o755);
    command = findProgram('chroot');
    args = [options.root, `/${options.name}`, ...options.args];
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-ory-bin-'));
    fs.copyFileSync(program, path.join(dir, options.name));
    fs.chmodSync(path.join(dir, options.name), 0o755);
    command = path.join(dir, options.name);
    args = options.args;
    if (options.pidNamespace) {
      args = ['--pid', '--fork', '--mount-proc', '--', command, ...args];
      command = findProgram('unshare');
    }
  }
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });
  const pid = options.pidNamespace ? await childOf(child.pid!) : child.pid!;
  await until(() => readArgv0(pid)?.endsWith(`/${options.name}`) === true);
  return { pid, stop: () => stop(child, pid) };
}

/** The stand-in's environment has no PATH: tools are found with the test's own. */
export function findProgram(name: string): string {
  for (const dir of (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} is not installed (needed to stand in for a container)`);
}

function readArgv0(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? null;
  } catch {
    return null;
  }
}

/** The forked child of unshare: pid 1 inside the namespace. */
async function childOf(parent: number): Promise<number> {
  let found = 0;
  await until(() => {
    try {
      const children = fs.readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim();
      found = Number(children.split(' ')[0]);
      return found > 0;
    } catch {
      return false;
    }
  });
  return found;
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the stand-in service did not start');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Kills the service itself (pid 1 of a namespace takes the namespace with it) and waits for the child. */
function stop(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  });
}
