// Consoles in a pseudo-terminal with a private HOME each (profiles, config and history inside it)
// and no DSN from the environment; the console is killed and the HOME removed after every test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startCli, type PtyOptions, type PtySession } from './pty.js';

export interface PrivateConsoles {
  /** A fresh private HOME, as environment variables (also for a CLI run without a terminal) */
  env(): Record<string, string | undefined>;
  /** Starts the console; `options` may be built from the new HOME's path */
  start(options?: PtyOptions | ((home: string) => PtyOptions)): PtySession;
}

export function privateConsoles(prefix: string): PrivateConsoles {
  let session: PtySession | null = null;
  const homes: string[] = [];
  afterEach(async () => {
    const ending = session;
    session = null;
    if (ending) {
      // A console still saving its history while its HOME is removed fails the removal (ENOTEMPTY):
      // wait for it to be gone first (bounded), and let rmSync retry what is left.
      ending.kill();
      await Promise.race([ending.exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    }
    for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });
  const newHome = () => {
    const home = mkdtempSync(join(tmpdir(), prefix));
    homes.push(home);
    return home;
  };
  const envFor = (home: string) => ({
    HOME: home,
    DSNSH_CONFIG_DIR: join(home, 'config'),
    XDG_STATE_HOME: join(home, 'state'),
    DSN: undefined,
  });
  return {
    env: () => envFor(newHome()),
    start(options = {}) {
      const home = newHome();
      const chosen = typeof options === 'function' ? options(home) : options;
      session = startCli({ ...chosen, env: { ...envFor(home), ...chosen.env } });
      return session;
    },
  };
}
