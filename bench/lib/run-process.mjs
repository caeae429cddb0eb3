// Runs one command to completion and measures it: wall time from spawn to exit, peak RSS
// (GNU time's %M when /usr/bin/time exists, else polling /proc/<pid>/status VmHWM), exit code,
// and optionally the number of output lines (to check a tool really produced every row).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SCRATCH_DIR, childEnv } from './environment.mjs';
import { peakRssKb } from './proc-stat.mjs';

export const GNU_TIME = '/usr/bin/time';
export const haveGnuTime = () => existsSync(GNU_TIME);

let counter = 0;

/**
 * @returns {Promise<{ms:number, rssKb:number|null, code:number|null, signal:string|null, lines:number|null, stdout:string, stderr:string}>}
 */
export function runMeasured(
  command,
  args,
  { env = childEnv(), countLines = false, captureStdout = false, timeoutMs = 180_000, stdin = 'ignore' } = {},
) {
  const useTime = haveGnuTime();
  const rssFile = join(SCRATCH_DIR, `rss-${process.pid}-${++counter}.txt`);
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  return new Promise((resolvePromise) => {
    const started = performance.now();
    // Own process group, so a timeout can stop the tool and GNU time together (by our pid only).
    const child = spawn(file, argv, { env, stdio: [stdin, countLines || captureStdout ? 'pipe' : 'ignore', 'pipe'], detached: true });
    let lines = countLines ? 0 : null;
    let stderr = '';
    let stdout = '';
    let polledPeak = null;
    if (countLines)
      child.stdout.on('data', (chunk) => {
        for (const byte of chunk) if (byte === 10) lines++;
      });
    if (captureStdout)
      child.stdout.on('data', (chunk) => {
        if (stdout.length < 1_000_000) stdout += chunk;
      });
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    const poller = useTime
      ? null
      : setInterval(() => {
          polledPeak = Math.max(polledPeak ?? 0, peakRssKb(child.pid) ?? 0);
        }, 5);
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      resolvePromise({
        ms: performance.now() - started,
        rssKb: null,
        code: null,
        signal: null,
        lines,
        stdout,
        stderr: String(error.message),
      });
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      let rssKb = polledPeak;
      let exitCode = code;
      if (useTime && existsSync(rssFile)) {
        // GNU time writes "Command exited with non-zero status N" before the figure on failure.
        const text = readFileSync(rssFile, 'utf8').trim().split('\n');
        rssKb = Number(text.at(-1)) || null;
        rmSync(rssFile, { force: true });
      }
      resolvePromise({ ms, rssKb, code: exitCode, signal, lines, stdout, stderr: stderr.trim() });
    });
  });
}

/** First line of a command's output, for version strings; null when the command is missing. */
export function firstLineOf(command, args) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', () => {
      clearTimeout(timer);
      resolvePromise(null);
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolvePromise(out.trim().split('\n')[0] || null);
    });
  });
}
