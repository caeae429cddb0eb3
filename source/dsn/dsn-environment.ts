// What a DSN may draw on besides its own text: environment variables, the OS user and files in
// their home directory (pgx reads PG* variables, ~/.pgpass, ~/.pg_service.conf and the
// certificates in ~/.postgresql). Passed to the parser, so tests give their own.
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

export interface DsnEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  /** The OS user's name (pgx: os/user Current().Username); null when unknown */
  osUser: string | null;
  /** The OS user's home directory from the user database, as os/user gives it to pgx */
  homeDir: string | null;
  /** A file's text; null when it does not exist or cannot be read */
  readFile(path: string): string | null;
  exists(path: string): boolean;
}

export function processEnvironment(): DsnEnvironment {
  let user: { username: string; homedir: string } | null = null;
  try {
    user = userInfo();
  } catch {
    user = null;
  }
  return {
    env: process.env,
    osUser: user?.username ?? null,
    homeDir: user?.homedir ?? null,
    readFile(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    exists: (path) => existsSync(path),
  };
}
