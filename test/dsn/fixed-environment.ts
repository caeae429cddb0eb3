// A DsnEnvironment made of plain data, so PostgreSQL DSN tests never depend on this machine's
// PG* variables, home directory or socket directories.
import type { DsnEnvironment } from '../../source/dsn/dsn-environment.js';

export interface FixedEnvironmentOptions {
  env?: Record<string, string>;
  /** path → text; their parent directories exist too */
  files?: Record<string, string>;
  /** directories that exist (e.g. /var/run/postgresql) */
  directories?: string[];
  osUser?: string | null;
  homeDir?: string | null;
}

export function fixedEnvironment(options: FixedEnvironmentOptions = {}): DsnEnvironment {
  const files = options.files ?? {};
  const directories = new Set(options.directories ?? []);
  return {
    env: options.env ?? {},
    osUser: options.osUser === undefined ? 'osuser' : options.osUser,
    homeDir: options.homeDir === undefined ? '/home/osuser' : options.homeDir,
    readFile: (path) => files[path] ?? null,
    exists: (path) => path in files || directories.has(path),
  };
}
