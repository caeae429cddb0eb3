// Saved profiles in one JSON file (via conf, mode 0600). Reading never creates anything, so a
// read-only or missing HOME only matters when saving; a corrupt file is reported and left as is.
import fs from 'node:fs';
import { configFile } from './config-dir.js';
import { ProfileError } from './profile-error.js';
import { checkProfileName, isBuiltinProfile, MEMORY_PROFILE, type Profile } from './profile.js';
import { readStoreFile, writeStoreFile, type StoreData } from './store-file.js';

export class ProfileStore {
  constructor(readonly file: string = configFile()) {}

  exists(): boolean {
    return fs.existsSync(this.file);
  }

  /** The saved data; an absent file is an empty store. */
  read(): Promise<StoreData> {
    return readStoreFile(this.file);
  }

  /** Every profile, the built-in `memory` first. */
  async list(): Promise<{ profiles: Profile[]; defaultProfile: string | null }> {
    const data = await this.read();
    const saved = Object.entries(data.profiles)
      .sort(([a], [b]) => a.localeCompare(b))
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
    const data = await this.read();
    if (Object.hasOwn(data.profiles, profile.name) && !options.replace) {
      throw new ProfileError('exists', `a profile named "${profile.name}" already exists`, 'pass --replace to overwrite it, or choose another name');
    }
    const { name, ...stored } = profile;
    await this.write({ ...data, profiles: { ...data.profiles, [name]: stored } });
  }

  async remove(name: string): Promise<void> {
    refuseBuiltin(name, 'removed');
    const data = await this.read();
    if (!Object.hasOwn(data.profiles, name)) throw notFound(name);
    const { [name]: _removed, ...profiles } = data.profiles;
    await this.write({ profiles, defaultProfile: data.defaultProfile === name ? null : data.defaultProfile });
  }

  async rename(from: string, to: string): Promise<void> {
    refuseBuiltin(from, 'renamed');
    checkProfileName(to);
    refuseBuiltin(to, 'overwritten');
    const data = await this.read();
    const profile = Object.hasOwn(data.profiles, from) ? data.profiles[from] : undefined;
    if (!profile) throw notFound(from);
    if (Object.hasOwn(data.profiles, to)) throw new ProfileError('exists', `a profile named "${to}" already exists`, `remove it first with \`dsnsh profile rm ${to}\``);
    const { [from]: _old, ...rest } = data.profiles;
    await this.write({ profiles: { ...rest, [to]: profile }, defaultProfile: data.defaultProfile === from ? to : data.defaultProfile });
  }

  /** `null` clears the default (the target then falls back to `memory`). */
  async setDefault(name: string | null): Promise<void> {
    const data = await this.read();
    if (name !== null && !isBuiltinProfile(name) && !Object.hasOwn(data.profiles, name)) throw notFound(name);
    await this.write({ ...data, defaultProfile: name });
  }

  private write(data: StoreData): Promise<void> {
    return writeStoreFile(this.file, data);
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
