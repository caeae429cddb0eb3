// A throw-away HOME with every XDG folder and TMPDIR inside it, so a test can list every file dsnsh
// wrote during a run and search them for a secret.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface IsolatedHome {
  readonly root: string;
  /** The environment that points dsnsh (and its temp files) into `root` */
  readonly env: Record<string, string>;
  readonly profileFile: string;
  /** Every regular file under root, as absolute paths */
  files(): string[];
  /** The files under root whose bytes contain any of the given strings */
  filesContaining(secrets: string[]): string[];
  remove(): void;
}

export function createIsolatedHome(prefix = 'dsnsh-reliability-home-'): IsolatedHome {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const env = {
    HOME: root,
    XDG_CONFIG_HOME: path.join(root, '.config'),
    XDG_STATE_HOME: path.join(root, '.local', 'state'),
    XDG_DATA_HOME: path.join(root, '.local', 'share'),
    XDG_CACHE_HOME: path.join(root, '.cache'),
    TMPDIR: path.join(root, 'tmp'),
    DSNSH_CONFIG_DIR: '',
    DSNSH_STATE_DIR: '',
  };
  fs.mkdirSync(env.TMPDIR);
  const files = (): string[] => {
    const found: string[] = [];
    const walk = (directory: string) => {
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) found.push(full);
      }
    };
    walk(root);
    return found;
  };
  return {
    root,
    env,
    profileFile: path.join(env.XDG_CONFIG_HOME, 'dsnsh', 'profiles.json'),
    files,
    filesContaining: (secrets) =>
      files().filter((file) => {
        const bytes = fs.readFileSync(file);
        return secrets.some((secret) => bytes.includes(secret));
      }),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** A password nobody would type by accident, so finding it anywhere means it leaked. */
export function distinctiveSecret(label: string): string {
  return `${label}Pw${randomBytes(9).toString('hex')}Zq`;
}

/** The forms a secret can take in output: as is, percent-encoded, base64. */
export function secretForms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])];
}
