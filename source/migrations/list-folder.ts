// Lists the files of a migrations folder and its subfolders, as popx walks its embedded folder,
// with two differences popx cannot have (an embedded folder has no links): a symbolic link to a
// file is followed, and one file reached by two paths (a Kubernetes ConfigMap mount links each
// name to `..data/name`) is listed once, under its plainer path.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface FolderEntry {
  /** Path relative to the folder */
  relative: string;
  /** The path to read */
  path: string;
}

export interface FolderListing {
  entries: FolderEntry[];
  /** Links skipped, each with why */
  warnings: string[];
}

export type ListResult = { ok: true; listing: FolderListing } | { ok: false; error: string };

export function describeReadError(dir: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `the migrations folder ${dir} does not exist; check --migrations`;
  if (code === 'ENOTDIR') return `${dir} is not a folder; --migrations takes the folder holding the .sql files`;
  if (code === 'EACCES') return `cannot read the migrations folder ${dir} (permission denied)`;
  return `cannot read the migrations folder ${dir}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Path segments starting with a dot (`..data`, `..2024_01_01_00_00_00.1`) count against a path. */
function hiddenSegments(path: string): number {
  return path.split(sep).filter((segment) => segment.startsWith('.')).length;
}

function plainer(a: FolderEntry, b: FolderEntry): FolderEntry {
  const byHidden = hiddenSegments(a.relative) - hiddenSegments(b.relative);
  if (byHidden !== 0) return byHidden < 0 ? a : b;
  if (a.relative.length !== b.relative.length) return a.relative.length < b.relative.length ? a : b;
  return a.relative < b.relative ? a : b;
}

/**
 * Every file whose name passes `wanted`, sorted by relative path. A link to a folder is not
 * followed (it could loop); a broken link with a wanted name is an error, since a migration the
 * service has would be missing.
 */
export async function listFolder(dir: string, wanted: (name: string) => boolean): Promise<ListResult> {
  let dirents: Dirent[];
  try {
    if (!(await stat(dir)).isDirectory())
      return { ok: false, error: describeReadError(dir, Object.assign(new Error(), { code: 'ENOTDIR' })) };
    dirents = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    return { ok: false, error: describeReadError(dir, error) };
  }
  const warnings: string[] = [];
  const byRealPath = new Map<string, FolderEntry>();
  // Only links can make two paths one file; without any, a path is its own key (no realpath calls).
  const anyLinks = dirents.some((d) => d.isSymbolicLink());
  for (const dirent of dirents) {
    if (!wanted(dirent.name) || !(dirent.isFile() || dirent.isSymbolicLink())) continue;
    const path = join(dirent.parentPath, dirent.name);
    const entry = { relative: relative(dir, path), path };
    let real = path;
    if (dirent.isSymbolicLink()) {
      try {
        const target = await stat(path);
        if (!target.isFile()) {
          warnings.push(
            `skipped ${entry.relative}: it links to a folder, which is not followed; pass that folder with another --migrations`,
          );
          continue;
        }
        real = await realpath(path);
      } catch {
        return { ok: false, error: `${entry.relative} in ${dir} is a symbolic link to a file that does not exist; fix or remove the link` };
      }
    } else if (anyLinks) {
      real = await realpath(path).catch(() => path);
    }
    const seen = byRealPath.get(real);
    byRealPath.set(real, seen === undefined ? entry : plainer(seen, entry));
  }
  const entries = [...byRealPath.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return { ok: true, listing: { entries, warnings } };
}
