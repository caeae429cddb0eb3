// A lock file beside the profile file, held for one read-modify-write, so that parallel
// `dsnsh profile add` runs never lose each other's changes. Created with O_EXCL (only one process
// can create it); it names its holder (process id, host, a random token). A lock whose holder has
// died is taken over; the takeover itself is guarded by a second O_EXCL file so that two
// processes finding the same stale lock cannot both remove it (one might remove the other's fresh
// lock instead).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

interface Holder {
  pid: number;
  host: string;
  token: string;
}

export interface LockOptions {
  /** Give up after this long (another dsnsh is stuck holding it) */
  timeoutMs?: number;
}

/** A lock (or takeover guard) this old whose holder cannot be read is abandoned: creating and naming it takes microseconds. */
const UNNAMED_STALE_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 15_000;

export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
  constructor(
    readonly lockFile: string,
    readonly holder: string,
  ) {
    super(`the profile file is locked by ${holder}`);
  }
}

export async function withFileLock<T>(lockFile: string, work: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const token = await acquire(lockFile, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    return await work();
  } finally {
    release(lockFile, token);
  }
}

async function acquire(lockFile: string, timeoutMs: number): Promise<string> {
  const me: Holder = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    if (tryCreate(lockFile, JSON.stringify(me))) return me.token;
    const seen = readHolder(lockFile);
    if (seen !== null && isAbandoned(seen)) takeOver(lockFile, seen);
    else if (Date.now() > deadline) throw new LockTimeoutError(lockFile, describeHolder(seen));
    else await pause(attempt);
  }
}

function release(lockFile: string, token: string): void {
  // Removed only if it is still ours (it always is, unless someone wrongly judged us dead).
  const holder = readHolder(lockFile);
  if (holder !== null && holder.parsed?.token === token) fs.rmSync(lockFile, { force: true });
}

/** O_EXCL create; false when the file exists. Other errors (a read-only folder) are thrown. */
function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, content);
  } catch (error) {
    // A full disk: the lock must not stay behind, unnamed, for the next run to wait on.
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return true;
}

interface Seen {
  /** The exact text, to tell whether the lock changed meanwhile */
  raw: string;
  parsed: Holder | null;
  mtimeMs: number;
}

/** The lock's holder; null when the lock has gone meanwhile. */
function readHolder(file: string): Seen | null {
  try {
    const raw = fs.readFileSync(file, 'utf8');
    const mtimeMs = fs.statSync(file).mtimeMs;
    return { raw, parsed: parseHolder(raw), mtimeMs };
  } catch {
    return null;
  }
}

function parseHolder(raw: string): Holder | null {
  try {
    const value = JSON.parse(raw) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') return value as Holder;
  } catch {
    // A holder that died between creating and naming its lock: judged by age.
  }
  return null;
}

function isAbandoned(seen: Seen): boolean {
  if (seen.parsed === null) return Date.now() - seen.mtimeMs > UNNAMED_STALE_MS;
  // A holder on another host (a shared home folder) cannot be checked: it is waited for.
  if (seen.parsed.host !== os.hostname()) return false;
  return !isAlive(seen.parsed.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Removes the stale lock, unless it changed meanwhile; one taker at a time. */
function takeOver(lockFile: string, seen: Seen): void {
  const guard = `${lockFile}.takeover`;
  if (!tryCreate(guard, String(process.pid))) {
    const guardSeen = readHolder(guard);
    // A taker that died inside its takeover leaves the guard behind.
    if (guardSeen !== null && Date.now() - guardSeen.mtimeMs > UNNAMED_STALE_MS) fs.rmSync(guard, { force: true });
    return;
  }
  try {
    const now = readHolder(lockFile);
    if (now !== null && now.raw === seen.raw) fs.rmSync(lockFile, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function describeHolder(seen: Seen | null): string {
  if (seen?.parsed) return `process ${seen.parsed.pid} on ${seen.parsed.host}`;
  return 'another process';
}

/** Short, growing, jittered waits: a holder keeps the lock for a few milliseconds. */
function pause(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 + attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
