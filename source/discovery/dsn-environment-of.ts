// The environment a DSN found with --pid is read in, in the shape the DSN parser takes
// (`DsnEnvironment` of source/dsn/dsn-environment.ts: env, OS user, home directory, files): the service's PG* variables, its user as its own /etc/passwd names it
// (pgx asks os/user), and files such as ~/.pgpass or sslrootcert read through its root. This is
// what makes `dsnsh --pid 1` connect as the service does when its DSN leaves host, user or
// password to PGHOST, PGUSER, PGPASSWORD or a pgpass file.
import { existsSync } from 'node:fs';
import { PathInRootError, readInRoot, resolveInRoot } from './path-in-root.js';
import type { ProcessEnvironment } from './process-target.js';
import type { DsnEnvironment } from '../dsn/dsn-environment.js';

export function dsnEnvironmentOf(environment: ProcessEnvironment): DsnEnvironment {
  const { root, cwd } = environment;
  const readFile = (path: string): string | null => {
    try {
      return readInRoot(root, path, cwd);
    } catch {
      return null;
    }
  };
  // Go's os/user reads /etc/passwd (its own, in its root); without an entry it falls back to $USER and $HOME.
  const entry = environment.uid === null ? null : passwdEntry(readFile('/etc/passwd'), environment.uid);
  return {
    env: environment.env,
    osUser: entry?.name ?? environment.env.USER ?? null,
    homeDir: entry?.home ?? environment.env.HOME ?? null,
    readFile,
    exists(path) {
      try {
        return existsSync(resolveInRoot(root, path, cwd));
      } catch (error) {
        if (error instanceof PathInRootError) return false;
        throw error;
      }
    },
  };
}

export function passwdEntry(passwd: string | null, uid: number): { name: string; home: string } | null {
  for (const line of (passwd ?? '').split('\n')) {
    const fields = line.split(':');
    if (fields.length >= 6 && fields[2] === String(uid)) return { name: fields[0]!, home: fields[5]! };
  }
  return null;
}
