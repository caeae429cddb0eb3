// Saved profiles in one JSON file (mode 0600; see store-file.ts for the locking and the atomic
// replace). Reading never creates anything, so a read-only or missing HOME only matters when
// saving; a corrupt file is reported and left as is. Every change is decided on the file's
// content as it is under the lock, not as an earlier read saw it.
import fs from 'node:fs';
import { configFile } from './config-dir.js';
import { ProfileError } from './profile-error.js';
import { checkProfileName, isBuiltinProfile, MEMORY_PROFILE, type Profile } from './profile.js';
import { readStoreFile, updateStoreFile, type StoreData, type StoreWarning } from './store-file.js';

/** By default a warning (a profile file open to other users, now fixed) goes to stderr. */
const toStderr: StoreWarning = (message) => {
  process.stderr.write(`dsnsh: warning: ${message}\n`);
};

export class ProfileStore {
  private warned = false;

  private readonly warn: StoreWarning;
  private readonly lockTimeoutMs: number | undefined;

  /** `lockTimeoutMs`: how long a change waits for another process's lock (default 15 s) */
  constructor(
    readonly file: string = configFile(),
    options: { warn?: StoreWarning; lockTimeoutMs?: number } = {},
  ) {
    this.warn = options.warn ?? toStderr;
    this.lockTimeoutMs = options.lockTimeoutMs;
  }

  /** Each warning is said once per store. */
  private readonly warnOnce: StoreWarning = (message) => {
    if (this.warned) return;
    this.warned = true;
    this.warn(message);
  };

  exists(): boolean {
    return fs.existsSync(this.file);
  }

  /** The saved data; an absent file is an empty store. */
  read(): Promise<StoreData> {
    return readStoreFile(this.file, this.warnOnce);
  }

  /** Every profile, the built-in `memory` first. */
  async list(): Promise<{ profiles: Profile[]; defaultProfile: string | null }> {
    const data = await this.read();
    const { compare } = new Intl.Collator();
    const saved = Object.entries(data.profiles)
      .sort(([a], [b]) => compare(a, b))
      .map(([name, profile]) => ({ ...profile, name }));
    return { profiles: [MEMORY_PROFILE, ...saved], defaultProfile: data.defaultProfile };
  }

  async get(name: string): Promise<Profile> {
    if (isBuiltinProfile(name)) return MEMORY_PROFILE;
    const data = await this.read();
    const profile = Object.hasOwn(data.profiles, name) ? data.profiles[name] : undefined;
    if (!profile) throw notFound(name);
    return { ...profile, name };
  }

  async defaultProfile(): Promise<string | null> {
    return (await this.read()).defaultProfile;
  }

  async add(profile: Profile, options: { replace?: boolean } = {}): Promise<void> {
    checkProfileName(profile.name);
    refuseBuiltin(profile.name, 'overwritten');
    const { name, ...stored } = profile;
    await this.update((data) => {
      if (Object.hasOwn(data.profiles, name) && !options.replace) {
        throw new ProfileError(
          'exists',
          `a profile named "${name}" already exists`,
          'pass --replace to overwrite it, or choose another name',
        );
      }
      return { ...data, profiles: { ...data.profiles, [name]: stored } };
    });
  }

  async remove(name: string): Promise<void> {
    refuseBuiltin(name, 'removed');
    await this.update((data) => {
      if (!Object.hasOwn(data.profiles, name)) throw notFound(name);
      const { [name]: _removed, ...profiles } = data.profiles;
      return { profiles, defaultProfile: data.defaultProfile === name ? null : data.defaultProfile };
    });
  }

  async rename(from: string, to: string): Promise<void> {
    refuseBuiltin(from, 'renamed');
    checkProfileName(to);
    refuseBuiltin(to, 'overwritten');
    await this.update((data) => {
      const profile = Object.hasOwn(data.profiles, from) ? data.profiles[from] : undefined;
      if (!profile) throw notFound(from);
      if (Object.hasOwn(data.profiles, to))
        throw new ProfileError('exists', `a profile named "${to}" already exists`, `remove it first with \`dsnsh profile rm ${to}\``);
      const { [from]: _old, ...rest } = data.profiles;
      return { profiles: { ...rest, [to]: profile }, defaultProfile: data.defaultProfile === from ? to : data.defaultProfile };
    });
  }

  /** `null` clears the default (the target then falls back to `memory`). */
  async setDefault(name: string | null): Promise<void> {
    await this.update((data) => {
      if (name !== null && !isBuiltinProfile(name) && !Object.hasOwn(data.profiles, name)) throw notFound(name);
      return { ...data, defaultProfile: name };
    });
  }

  private update(change: (data: StoreData) => StoreData): Promise<void> {
    return updateStoreFile(this.file, change, { warn: this.warnOnce, lockTimeoutMs: this.lockTimeoutMs });
  }
}

function notFound(name: string): ProfileError {
  return new ProfileError(
    'not_found',
    `no profile named "${name}"`,
    '`dsnsh profile list` shows the saved profiles; a DSN needs its scheme (postgres://, mysql://, sqlite://, memory)',
  );
}

function refuseBuiltin(name: string, what: string): void {
  if (isBuiltinProfile(name)) {
    throw new ProfileError('builtin', `the built-in "${name}" profile cannot be ${what}`, 'choose another name');
  }
}
