// Runs inside the worker process. While the main thread is inside a long SQLite call it cannot
// notice that the parent died (no JS runs until the call returns, possibly minutes later), so a
// small thread checks the parent every half second and, once it is gone, removes the memory
// backend's file and kills this process. Without it a killed dsnsh would leave a process burning
// CPU and a private file behind.
import { Worker } from 'node:worker_threads';

const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { rmSync } = require('node:fs');
setInterval(() => {
  if (process.ppid === workerData.parentPid) return;
  try {
    if (workerData.ownedTempDir) rmSync(workerData.ownedTempDir, { recursive: true, force: true });
  } finally {
    process.kill(process.pid, 'SIGKILL');
  }
}, 500);
`;

export function watchParent(ownedTempDir: string | null): void {
  const watchdog = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { parentPid: process.ppid, ownedTempDir } });
  // The watchdog never keeps the worker process alive by itself.
  watchdog.unref();
}
