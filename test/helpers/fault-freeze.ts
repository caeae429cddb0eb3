// Freezes a server with SIGSTOP (the process and every descendant, found through /proc, so a
// PostgreSQL postmaster's backends freeze too) and thaws it with SIGCONT. Only the processes of a
// server the test started itself are ever signalled.
import fs from 'node:fs';
import path from 'node:path';

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i += 1) all.push(...childrenOf(all[i]!));
  return all;
}

export interface Frozen {
  thaw(): void;
}

export function freezeProcessTree(pid: number): Frozen {
  const pids = processTree(pid);
  for (const each of pids) {
    try {
      process.kill(each, 'SIGSTOP');
    } catch {
      /* gone */
    }
  }
  let thawed = false;
  const thaw = () => {
    if (thawed) return;
    thawed = true;
    process.off('exit', thaw);
    // Thaw every process of the tree, including any forked while it was frozen.
    for (const each of new Set([...pids, ...processTree(pid)])) {
      try {
        process.kill(each, 'SIGCONT');
      } catch {
        /* gone */
      }
    }
  };
  // A test that dies while the server is frozen must not leave it stopped.
  process.once('exit', thaw);
  return { thaw };
}

/** The postmaster of a throw-away PostgreSQL cluster (first line of postmaster.pid). */
export function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** The mariadbd of a throw-away MariaDB instance (its pid file sits beside its socket). */
export function mariadbPid(socket: string): number {
  return Number(fs.readFileSync(path.join(path.dirname(socket), 'mysqld.pid'), 'utf8').trim());
}
