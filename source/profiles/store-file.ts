// The profile file on disk. Every change is one read-modify-write under a lock file (parallel
// `dsnsh profile add` runs lose nothing), re-reading the file once the lock is held, and lands by
// atomic replace: the new content is written to a temporary file in the same folder (mode 0600,
// flushed to disk) and renamed over the old one, so a reader sees the old file or the new one,
// never half of it, and a full disk leaves the old file as it was. (conf, used before, wrote
// atomically but without a lock: of 50 parallel adds, 1-2 survived.) The file holds DSNs: a file
// found readable by others is made 0600 again, with a warning.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LockTimeoutError, withFileLock } from './file-lock.js';
import { ProfileError } from './profile-error.js';
import type { Profile } from './profile.js';

export interface StoreData {
  profiles: Record<string, Omit<Profile, 'name'>>;
  defaultProfile: string | null;
}

/** Said once when something about the file needed fixing (its mode). */
export type StoreWarning = (message: string) => void;

const FILE_MODE = 0o600;
const LOCK_TIMEOUT_MS = 15_000;

export async function readStoreFile(file: string, warn: StoreWarning = () => undefined): Promise<StoreData> {
  // Reading never creates anything: it must work on a read-only HOME.
  if (!fs.existsSync(file)) return { profiles: {}, defaultProfile: null };
  return validate(file, readRaw(file, warn));
}

/**
 * Applies `change` to the file's current content under the lock and saves the result; `change`
 * may throw (e.g. the name already exists), leaving the file untouched.
 */
export async function updateStoreFile(
  file: string,
  change: (data: StoreData) => StoreData,
  options: { warn?: StoreWarning; lockTimeoutMs?: number | undefined } = {},
): Promise<void> {
  const warn = options.warn ?? (() => undefined);
  const timeoutMs = options.lockTimeoutMs ?? LOCK_TIMEOUT_MS;
  try {
    checkWritable(file);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    await withFileLock(
      `${file}.lock`,
      () => {
        const raw = fs.existsSync(file) ? readRaw(file, warn) : {};
        const next = change(validate(file, raw));
        // Keys dsnsh does not know are kept as they were.
        writeAtomically(
          file,
          `${JSON.stringify({ ...(raw as object), profiles: next.profiles, defaultProfile: next.defaultProfile }, undefined, '\t')}\n`,
        );
      },
      { timeoutMs },
    );
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    if (error instanceof LockTimeoutError) {
      throw new ProfileError(
        'unwritable',
        `cannot save profiles to ${file}: ${error.message}, which did not finish within ${timeoutMs / 1000} s`,
        `if no dsnsh is running, remove the stale lock file ${error.lockFile}`,
        file,
      );
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new ProfileError(
      'unwritable',
      `cannot save profiles to ${file}: ${describeErrno(code, error)}`,
      'set DSNSH_CONFIG_DIR (or XDG_CONFIG_HOME) to a writable folder, or pass the DSN directly / via the DSN environment variable',
      file,
    );
  }
}

function readRaw(file: string, warn: StoreWarning): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw fileError(file, error);
  }
  keepPrivate(file, warn);
  return raw;
}

/** A profile file readable or writable by others is warned about and made 0600. */
function keepPrivate(file: string, warn: StoreWarning): void {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    return;
  }
  if ((mode & 0o077) === 0) return;
  const was = `the profile file ${file} was open to other users (mode ${mode.toString(8).padStart(4, '0')}), and it holds DSNs`;
  try {
    fs.chmodSync(file, FILE_MODE);
    warn(`${was}; it is now 0600`);
  } catch (error) {
    warn(`${was}; it could not be changed to 0600 (${describeErrno((error as NodeJS.ErrnoException).code, error)}): run chmod 600 ${file}`);
  }
}

/** Replaces `file` by a new 0600 file holding `text`, all or nothing (temporary file, fsync, rename). */
export function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', FILE_MODE);
  try {
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Fails fast, with a clear reason, where the folder or file cannot be written. */
function checkWritable(file: string): void {
  let folder = path.dirname(file);
  while (!fs.existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  fs.accessSync(folder, fs.constants.W_OK);
}

function describeErrno(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOENT':
      return 'the folder does not exist and cannot be created';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function fileError(file: string, error: unknown): ProfileError {
  if (error instanceof SyntaxError) {
    return new ProfileError(
      'corrupt_file',
      `the profile file ${file} is not valid JSON (${syntaxProblem(error)}); it was left untouched`,
      'fix or move the file; a DSN given directly, the DSN environment variable and `memory` work without it',
      file,
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  return new ProfileError(
    'unreadable_file',
    `cannot read the profile file ${file}: ${describeErrno(code, error)}`,
    'fix its permissions or set DSNSH_CONFIG_DIR; a DSN given directly, the DSN environment variable and `memory` work without it',
    file,
  );
}

/**
 * JSON.parse's message without the excerpt of the file it quotes: the excerpt can hold part of a
 * password or raw terminal escape sequences.
 */
function syntaxProblem(error: SyntaxError): string {
  const withoutExcerpt = error.message.replace(/,\s*".*" is not valid JSON$/s, '');
  return withoutExcerpt.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validate(file: string, raw: unknown): StoreData {
  const corrupt = (what: string) =>
    new ProfileError(
      'corrupt_file',
      `the profile file ${file} is not a dsnsh profile file: ${what}; it was left untouched`,
      'fix or move the file; a DSN given directly, the DSN environment variable and `memory` work without it',
      file,
    );
  if (!isRecord(raw)) throw corrupt('it does not hold a JSON object');
  const profiles = raw.profiles ?? {};
  if (!isRecord(profiles)) throw corrupt('"profiles" is not an object');
  // No prototype: a key in the file can never reach Object.prototype.
  const result: StoreData['profiles'] = Object.create(null) as StoreData['profiles'];
  for (const [name, value] of Object.entries(profiles)) {
    if (!isRecord(value) || typeof value.dsn !== 'string') throw corrupt(`profile "${name}" has no "dsn" string`);
    const profile: Omit<Profile, 'name'> = { dsn: value.dsn };
    if (typeof value.migrationsDir === 'string') profile.migrationsDir = value.migrationsDir;
    if (typeof value.readOnly === 'boolean') profile.readOnly = value.readOnly;
    if (typeof value.production === 'boolean') profile.production = value.production;
    if (typeof value.confirmDestructive === 'boolean') profile.confirmDestructive = value.confirmDestructive;
    if (typeof value.note === 'string') profile.note = value.note;
    if (typeof value.replicas === 'number' && Number.isInteger(value.replicas) && value.replicas >= 1) profile.replicas = value.replicas;
    result[name] = profile;
  }
  const defaultProfile = raw.defaultProfile ?? null;
  if (defaultProfile !== null && typeof defaultProfile !== 'string') throw corrupt('"defaultProfile" is not a string');
  return { profiles: result, defaultProfile };
}
