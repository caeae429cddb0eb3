// The built CLI as another (unprivileged) user can run it. A clean clone may sit below a folder
// only its owner can enter (CI clones into a 0700 home or mktemp folder), and then `nobody`
// cannot even load dist/cli.js. In that case this copies what the CLI loads at run time (dist/
// and the native SQLite driver with its run-time dependencies) into a world-readable folder
// under /tmp, once per test file, so the test exercises dsnsh and not the checkout's location.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI_PATH } from './cli-path.js';

/** What dist/ loads from node_modules at run time (esbuild's externals and their dependencies). */
const RUNTIME_PACKAGES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

/** True when `uid` can read `file` (checked by that user, so every parent folder counts). */
export function readableBy(uid: number, file: string): boolean {
  const result = spawnSync('setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', 'test', '-r', file]);
  return result.status === 0;
}

/** A folder under /tmp that `uid` can enter and read, removed by the caller. */
export function worldReadableFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join('/tmp', prefix));
  fs.chmodSync(folder, 0o755);
  return folder;
}

/**
 * The CLI path `uid` can run: CLI_PATH itself when it is readable by that user, otherwise a copy
 * in `into` (a folder from worldReadableFolder). Throws when neither works, naming why: a test that
 * needs another user must not pass by running nothing.
 */
export function cliPathFor(uid: number, into: string): string {
  if (readableBy(uid, CLI_PATH)) return CLI_PATH;
  const distDir = path.dirname(CLI_PATH);
  const projectModules = path.join(distDir, '..', 'node_modules');
  const copy = path.join(into, 'dsnsh');
  fs.cpSync(distDir, path.join(copy, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(distDir, '..', 'package.json'), path.join(copy, 'package.json'));
  for (const name of RUNTIME_PACKAGES) {
    const source = path.join(projectModules, name);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(copy, 'node_modules', name), { recursive: true, dereference: true });
  }
  makeReadableByAll(copy);
  const copied = path.join(copy, 'dist', path.basename(CLI_PATH));
  if (!readableBy(uid, copied)) throw new Error(`uid ${uid} cannot read ${copied} even after copying the build there`);
  return copied;
}

function makeReadableByAll(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeReadableByAll(full);
    else fs.chmodSync(full, fs.statSync(full).mode | 0o444);
  }
}
