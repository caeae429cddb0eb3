// Reading a process's figures from /proc: CPU ticks (utime+stime) and peak resident memory.
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

let clockTicks = null;
/** Kernel clock ticks per second (USER_HZ), usually 100. */
export function ticksPerSecond() {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

function statFields(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: split after the last ')'.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** utime+stime of one process (all its threads), in ticks. */
export function cpuTicks(pid) {
  const f = statFields(pid);
  // After ')': state(0) ppid(1) ... utime(11) stime(12)
  return f ? Number(f[11]) + Number(f[12]) : null;
}

/** The process and every live descendant. */
export function processTree(rootPid) {
  const children = new Map();
  let pids;
  try {
    pids = readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return [rootPid];
  }
  for (const pid of pids) {
    const f = statFields(pid);
    if (!f) continue;
    const ppid = Number(f[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const tree = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export function treeCpuTicks(rootPid) {
  return processTree(rootPid).reduce((sum, pid) => sum + (cpuTicks(pid) ?? 0), 0);
}

/** VmHWM (peak RSS) of one process in KB, or null when it has gone. */
export function peakRssKb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Sum of the peaks of the process tree (an upper bound when children peaked at different times). */
export function treePeakRssKb(rootPid) {
  const peaks = processTree(rootPid)
    .map(peakRssKb)
    .filter((v) => v !== null);
  return peaks.length ? peaks.reduce((a, b) => a + b, 0) : null;
}
