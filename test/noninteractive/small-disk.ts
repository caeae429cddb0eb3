// A real, tiny file system that fills up: a tmpfs mounted for the test (needs root, as the test
// machine and CI run; elsewhere the suites that need it skip, saying why).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  /** A file on the disk, truncated to empty, opened for writing: its descriptor */
  open(name: string): { fd: number; file: string };
  unmount(): void;
}

export const canMount = process.getuid?.() === 0 && process.platform === 'linux';

export function mountSmallDisk(sizeKb: number): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsnsh-out-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  const fds: number[] = [];
  return {
    dir,
    open(name) {
      const file = path.join(dir, name);
      const fd = fs.openSync(file, 'w');
      fds.push(fd);
      return { fd, file };
    },
    unmount() {
      for (const fd of fds.splice(0)) fs.closeSync(fd);
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
