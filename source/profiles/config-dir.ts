// Where the profile file lives: $DSNSH_CONFIG_DIR, else the platform's config folder + dsnsh
// (~/.config/dsnsh on Linux, following XDG_CONFIG_HOME).
import os from 'node:os';
import path from 'node:path';

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DSNSH_CONFIG_DIR) return path.resolve(env.DSNSH_CONFIG_DIR);
  if (process.platform === 'win32') return path.join(env.APPDATA || path.join(os.homedir(), 'AppData', 'Roaming'), 'dsnsh');
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'dsnsh');
}

export const CONFIG_FILE_NAME = 'profiles.json';

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), CONFIG_FILE_NAME);
}
