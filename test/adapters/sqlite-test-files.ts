// Private files for the SQLite tests: one folder per test file, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Adapter } from '../../source/adapters/adapter.js';
import { AdapterError } from '../../source/adapters/adapter-error.js';
import { openAdapter } from '../../source/adapters/open-adapter.js';
import { parseDsn } from '../../source/dsn/parse-dsn.js';

export function sqliteTestFolder(): { file(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'dsnsh-sqlite-test-'));
  return { file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openDsn(dsn: string): Promise<Adapter> {
  return openAdapter(parseDsn(dsn));
}

/** The value of the single cell a statement returns. */
export async function scalar(adapter: Adapter, sql: string): Promise<unknown> {
  return (await adapter.run(sql)).rows[0]?.[0];
}

export async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  const outcome = await promise.then(
    () => new Error('expected a failure, got success'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof AdapterError)) throw outcome;
  return outcome;
}
