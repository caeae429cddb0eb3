// What /proc says about a running process: its command line, its environment as it was started,
// its owner, and where its root and working directory are (files it names are read through them).
import { readFileSync, readlinkSync } from 'node:fs';
import { DiscoveryError, errnoOf, errnoText } from './discovery-error.js';

export interface ProcessInfo {
  pid: number;
  /** argv as the process was started (/proc/PID/cmdline) */
  argv: string[];
  /** The environment it was started with, in order (/proc/PID/environ) */
  env: Array<[string, string]>;
  /** Real uid (/proc/PID/status), null when unknown */
  uid: number | null;
  /** Its root directory as this process can open it: /proc/PID/root */
  root: string;
  /** Its working directory inside its root (readlink /proc/PID/cwd), null when unreadable */
  cwd: string | null;
}

export const PROC = '/proc';

export function parsePid(text: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(text) || Number(text) > 4194304) {
    throw new DiscoveryError(
      'bad_pid',
      `--pid expects a process id (a positive number), got "${text}"`,
      "find the service's pid with `ps -e -o pid,args` (in a debug container it is often 1)",
    );
  }
  return Number(text);
}

/** NUL-separated entries of /proc/PID/cmdline or /proc/PID/environ. */
export function splitNul(text: string): string[] {
  const parts = text.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

export function parseEnviron(text: string): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const entry of splitNul(text)) {
    const eq = entry.indexOf('=');
    // An entry without "=" is not a variable (Go's os.Environ keeps it; koanf would split it to nothing).
    if (eq > 0) entries.push([entry.slice(0, eq), entry.slice(eq + 1)]);
  }
  return entries;
}

export function readProcess(pid: number, proc = PROC): ProcessInfo {
  const base = `${proc}/${pid}`;
  const cmdline = readProcFile(pid, `${base}/cmdline`);
  const environ = readProcFile(pid, `${base}/environ`);
  const argv = splitNul(cmdline);
  if (argv.length === 0) {
    throw new DiscoveryError(
      'unreadable',
      `pid ${pid} has no command line: it is a kernel thread or a process that is exiting (a zombie)`,
      'give the pid of the service process itself (`ps -e -o pid,args`)',
    );
  }
  return { pid, argv, env: parseEnviron(environ), uid: readUid(base), root: `${base}/root`, cwd: readCwd(base) };
}

function readProcFile(pid: number, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw procError(pid, path, error);
  }
}

export function procError(pid: number, path: string, error: unknown): DiscoveryError {
  const code = errnoOf(error);
  if (code === 'ENOENT' || code === 'ESRCH') {
    return new DiscoveryError(
      'no_such_process',
      `no process with pid ${pid} is visible here (${path}: ${errnoText(error)})`,
      "check the pid with `ps -e -o pid,args`; in Kubernetes a debug container sees the service's processes only with `kubectl debug --target=CONTAINER` (or shareProcessNamespace: true)",
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    const owner = readUid(`${PROC}/${pid}`);
    const whose = owner === null ? '' : `: it belongs to uid ${owner} and dsnsh runs as uid ${process.getuid?.() ?? '?'}`;
    return new DiscoveryError(
      'permission',
      `cannot read ${path}: ${errnoText(error)}${whose}`,
      "run dsnsh as the service's user, or with CAP_SYS_PTRACE (kubectl debug --profile=general); reading another user's environment needs it even as root in a container",
    );
  }
  return new DiscoveryError('unreadable', `cannot read ${path}: ${errnoText(error)}`, 'check that /proc is mounted and the pid is right');
}

function readUid(base: string): number | null {
  try {
    const match = /^Uid:\s+(\d+)/m.exec(readFileSync(`${base}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function readCwd(base: string): string | null {
  try {
    const cwd = readlinkSync(`${base}/cwd`);
    return cwd.startsWith('/') ? cwd.replace(/ \(deleted\)$/, '') : null;
  } catch {
    return null;
  }
}
