// Statement history per profile, one JSON file (mode 0600: statements can hold secrets) under the
// XDG state folder. When the folder cannot be written (read-only HOME in a pod), history stays in
// memory and the console says so once.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ResolvedTarget } from '../profiles/target.js';
import { HISTORY_LIMIT } from './state/history.js';

export function historyDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DSNSH_STATE_DIR) return path.resolve(env.DSNSH_STATE_DIR);
  const base =
    env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(env.HOME || os.homedir(), '.local', 'state');
  return path.join(base, 'dsnsh', 'history');
}

/** One file per profile; a DSN given directly gets a file named by a hash of its redacted form. */
export function historyFileName(target: Pick<ResolvedTarget, 'profileName' | 'redacted'>): string {
  const key = target.profileName ?? `dsn-${createHash('sha256').update(target.redacted).digest('hex').slice(0, 16)}`;
  return `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdirSync never returns on some unwritable
 * trees (measured: a HOME under /proc), and a console must not hang on its history.
 */
function ensureDirectory(directory: string): void {
  if (fs.existsSync(directory)) return;
  const parent = path.dirname(directory);
  if (parent !== directory) ensureDirectory(parent);
  fs.mkdirSync(directory, { mode: 0o700 });
}

export class HistoryFile {
  /** Set once writing failed; the console shows it once */
  problem: string | null = null;

  constructor(readonly file: string) {}

  static forTarget(target: Pick<ResolvedTarget, 'profileName' | 'redacted'>, env: NodeJS.ProcessEnv = process.env): HistoryFile {
    return new HistoryFile(path.join(historyDir(env), historyFileName(target)));
  }

  load(): string[] {
    try {
      const data: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      return Array.isArray(data) ? data.filter((entry): entry is string => typeof entry === 'string').slice(-HISTORY_LIMIT) : [];
    } catch {
      return [];
    }
  }

  save(history: readonly string[]): void {
    if (this.problem !== null) return;
    try {
      ensureDirectory(path.dirname(this.file));
      const temporary = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify(history), { mode: 0o600 });
      fs.renameSync(temporary, this.file);
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'write failed';
      this.problem = `History is kept in memory only: cannot write ${this.file} (${reason}).`;
    }
  }
}
