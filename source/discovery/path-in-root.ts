// A path as another process sees it, opened through /proc/PID/root. The kernel resolves an
// absolute symbolic link against *our* root, not the process's: Kubernetes mounts ConfigMaps and
// Secrets as links (kratos.yml -> ..data/kratos.yml), and an absolute one would lead outside the
// container. So links are followed here, one component at a time, anchored at the process's root
// (what openat2's RESOLVE_IN_ROOT does), and ".." never climbs above it.
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';

const MAX_LINKS = 40;

export class PathInRootError extends Error {
  constructor(
    readonly errno: string,
    readonly at: string,
  ) {
    super(`${at}: ${errno}`);
  }
}

/** Lexical clean as Go's filepath.Clean (Ory cleans the config path before opening it). */
export function cleanPath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out.at(-1) !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

/**
 * The host path of `path` (absolute in the process's root, or relative to `cwd` there) with
 * every link resolved inside `root`. Throws PathInRootError with the errno and the path as the
 * process names it.
 */
export function resolveInRoot(root: string, path: string, cwd: string): string {
  const start = path.startsWith('/') ? path : `${cwd}/${path}`;
  let pending = start.split('/').filter((part) => part !== '' && part !== '.');
  let resolved: string[] = [];
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    resolved.push(part);
    const host = `${root}/${resolved.join('/')}`;
    let isLink: boolean;
    try {
      isLink = lstatSync(host).isSymbolicLink();
    } catch (error) {
      throw new PathInRootError(errno(error), `/${resolved.join('/')}`);
    }
    if (!isLink) continue;
    links += 1;
    if (links > MAX_LINKS) throw new PathInRootError('ELOOP', `/${resolved.join('/')}`);
    const target = readlinkSync(host);
    resolved.pop();
    if (target.startsWith('/')) resolved = [];
    pending = [...target.split('/').filter((p) => p !== '' && p !== '.'), ...pending];
  }
  return `${root}/${resolved.join('/')}`;
}

export function readInRoot(root: string, path: string, cwd: string): string {
  const host = resolveInRoot(root, cleanPath(path), cwd);
  try {
    return readFileSync(host, 'utf8');
  } catch (error) {
    throw new PathInRootError(errno(error), path);
  }
}

function errno(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : String(error);
}
