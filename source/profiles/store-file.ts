// The profile file on disk, through conf: the only module that imports it (lazily: commands that
// never touch profiles do not pay for loading it). conf's options matter: dotted profile names must
// stay flat keys, a corrupt file must never be cleared, and the file holds DSNs so it is 0600.
import fs from 'node:fs';
import path from 'node:path';
import { ProfileError } from './profile-error.js';
import type { Profile } from './profile.js';

export interface StoreData {
  profiles: Record<string, Omit<Profile, 'name'>>;
  defaultProfile: string | null;
}

type ConfInstance = { store: Record<string, unknown>; set(key: string, value: unknown): void; path: string };

async function openConf(file: string): Promise<ConfInstance> {
  const { default: Conf } = await import('conf');
  return new Conf<Record<string, unknown>>({
    projectName: 'dsnsh',
    cwd: path.dirname(file),
    configName: path.basename(file, '.json'),
    fileExtension: 'json',
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  }) as unknown as ConfInstance;
}

export async function readStoreFile(file: string): Promise<StoreData> {
  // conf creates the folder when the file is missing; reading must work on a read-only HOME.
  if (!fs.existsSync(file)) return { profiles: {}, defaultProfile: null };
  // Read directly (conf's reader is JSON.parse too, but hides a top-level array or null as `{}`,
  // which a later save would then overwrite).
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw fileError(file, error);
  }
  return validate(file, raw);
}

/** Fails fast where conf's atomic writer would retry permission errors for a second first. */
function checkWritable(file: string): void {
  let folder = path.dirname(file);
  while (!fs.existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  fs.accessSync(fs.existsSync(file) ? file : folder, fs.constants.W_OK);
}

export async function writeStoreFile(file: string, data: StoreData): Promise<void> {
  try {
    checkWritable(file);
    const conf = await openConf(file);
    conf.set('profiles', data.profiles);
    conf.set('defaultProfile', data.defaultProfile);
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof SyntaxError) throw fileError(file, error);
    throw new ProfileError(
      'unwritable',
      `cannot save profiles to ${file}: ${describeErrno(code, error)}`,
      'set DSNSH_CONFIG_DIR (or XDG_CONFIG_HOME) to a writable folder, or pass the DSN directly / via the DSN environment variable',
      file,
    );
  }
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
    new ProfileError('corrupt_file', `the profile file ${file} is not a dsnsh profile file: ${what}; it was left untouched`,
      'fix or move the file; a DSN given directly, the DSN environment variable and `memory` work without it', file);
  if (!isRecord(raw)) throw corrupt('it does not hold a JSON object');
  const profiles = raw.profiles ?? {};
  if (!isRecord(profiles)) throw corrupt('"profiles" is not an object');
  const result: StoreData['profiles'] = {};
  for (const [name, value] of Object.entries(profiles)) {
    if (!isRecord(value) || typeof value.dsn !== 'string') throw corrupt(`profile "${name}" has no "dsn" string`);
    const profile: Omit<Profile, 'name'> = { dsn: value.dsn };
    if (typeof value.migrationsDir === 'string') profile.migrationsDir = value.migrationsDir;
    if (typeof value.readOnly === 'boolean') profile.readOnly = value.readOnly;
    if (typeof value.production === 'boolean') profile.production = value.production;
    if (typeof value.confirmDestructive === 'boolean') profile.confirmDestructive = value.confirmDestructive;
    if (typeof value.note === 'string') profile.note = value.note;
    result[name] = profile;
  }
  const defaultProfile = raw.defaultProfile ?? null;
  if (defaultProfile !== null && typeof defaultProfile !== 'string') throw corrupt('"defaultProfile" is not a string');
  return { profiles: result, defaultProfile };
}
