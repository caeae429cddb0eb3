// Named queries (pgcli's `\ns NAME SQL`), saved per user in named-queries.json beside the profile
// file. Changes go through the profile store's lock and atomic replace (store-file.ts,
// file-lock.ts): parallel consoles saving queries lose nothing; the file is 0600 (SQL can quote
// data). Reading never creates anything, so a read-only HOME only matters when saving.
import fs from 'node:fs';
import path from 'node:path';
import { configDir } from './config-dir.js';
import { LockTimeoutError, withFileLock } from './file-lock.js';
import { ProfileError } from './profile-error.js';
import { writeAtomically } from './store-file.js';

export const NAMED_QUERIES_FILE_NAME = 'named-queries.json';
const LOCK_TIMEOUT_MS = 15_000;
const NAME = /^[\p{L}\p{N}_.-]+$/u;

export class NamedQueryStore {
  constructor(readonly file: string = path.join(configDir(), NAMED_QUERIES_FILE_NAME)) {}

  /** Every saved query by name (sorted); an absent file is an empty store. Read synchronously: the file is small. */
  list(): Array<{ name: string; sql: string }> {
    const { compare } = new Intl.Collator();
    return Object.entries(this.read())
      .sort(([a], [b]) => compare(a, b))
      .map(([name, sql]) => ({ name, sql }));
  }

  get(name: string): string | null {
    const queries = this.read();
    return Object.hasOwn(queries, name) ? (queries[name] ?? null) : null;
  }

  /** Saves (or replaces) a query. */
  async save(name: string, sql: string): Promise<void> {
    if (!NAME.test(name))
      throw new ProfileError('bad_name', `"${name}" is not a usable name for a query`, 'use letters, digits, _ . and -');
    await this.update((queries) => ({ ...queries, [name]: sql }));
  }

  async remove(name: string): Promise<void> {
    await this.update((queries) => {
      if (!Object.hasOwn(queries, name)) throw new ProfileError('not_found', `no named query "${name}"`, '\\n lists the saved queries');
      const { [name]: _removed, ...rest } = queries;
      return rest;
    });
  }

  private read(): Record<string, string> {
    if (!fs.existsSync(this.file)) return Object.create(null) as Record<string, string>;
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch (error) {
      const what =
        error instanceof SyntaxError ? 'is not valid JSON' : `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      throw new ProfileError(
        'corrupt_file',
        `the named query file ${this.file} ${what}; it was left untouched`,
        'fix or move the file',
        this.file,
      );
    }
    const queries = (raw as { namedQueries?: unknown } | null)?.namedQueries ?? {};
    if (typeof queries !== 'object' || queries === null || Array.isArray(queries)) {
      throw new ProfileError(
        'corrupt_file',
        `the named query file ${this.file} has no "namedQueries" object; it was left untouched`,
        'fix or move the file',
        this.file,
      );
    }
    // No prototype: a key in the file can never reach Object.prototype.
    const result = Object.create(null) as Record<string, string>;
    for (const [name, sql] of Object.entries(queries)) if (typeof sql === 'string') result[name] = sql;
    return result;
  }

  private async update(change: (queries: Record<string, string>) => Record<string, string>): Promise<void> {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      await withFileLock(
        `${this.file}.lock`,
        () => {
          writeAtomically(this.file, `${JSON.stringify({ namedQueries: change(this.read()) }, undefined, '\t')}\n`);
        },
        { timeoutMs: LOCK_TIMEOUT_MS },
      );
    } catch (error) {
      if (error instanceof ProfileError) throw error;
      const reason =
        error instanceof LockTimeoutError
          ? `it stayed locked by ${error.holder}`
          : ((error as NodeJS.ErrnoException).code ?? String(error));
      throw new ProfileError(
        'unwritable',
        `cannot save named queries to ${this.file}: ${reason}`,
        'set DSNSH_CONFIG_DIR (or XDG_CONFIG_HOME) to a writable folder',
        this.file,
      );
    }
  }
}
