// Lock waits are server-wide: `dsnsh locks` and the console's lock line list every wait on the
// server, so two test files that each set one up on the shared server (and count them) must not
// run at the same time. This takes a lock between test processes (a folder, created atomically)
// for a describe block: call it first in the block. A holder that died is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const WAIT_MS = 180_000;

function holderAlive(folder: string): boolean {
  try {
    process.kill(Number(fs.readFileSync(path.join(folder, 'pid'), 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

export function serverWideLock(name: string): void {
  const folder = path.join(os.tmpdir(), 'dsnsh-test-server-locks', name);
  beforeAll(async () => {
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    const until = Date.now() + WAIT_MS;
    for (;;) {
      try {
        fs.mkdirSync(folder);
        fs.writeFileSync(path.join(folder, 'pid'), String(process.pid));
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // Its holder may not have written its pid yet: only a folder a second old is judged.
        const found = fs.statSync(folder, { throwIfNoEntry: false });
        if (found && Date.now() - found.mtimeMs > 1000 && !holderAlive(folder)) fs.rmSync(folder, { recursive: true, force: true });
      }
      if (Date.now() > until) throw new Error(`another test process held ${folder} for ${WAIT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, WAIT_MS + 5_000);
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
}
