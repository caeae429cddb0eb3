// The names completion offers, read through a background reader (a connection only when one is
// free) and cached until the console runs DDL. A read that found no free connection is not
// cached (the next Tab asks again) and marks the catalog paused; a read cancelled because the
// prompt changed is not cached either.
import type { Adapter, RunOptions, TableInfo } from '../../adapters/adapter.js';
import { isBusy } from '../../adapters/background-reader.js';
import type { TableRef } from './statement-relations.js';

const NOT_READ = Symbol('not read');

export class CompletionCatalog {
  private tables: TableInfo[] | null = null;
  private schemas: string[] | null = null;
  private readonly columns = new Map<string, string[]>();
  /** Set by the last read that found every connection in use (or was not made: offline) */
  paused = false;
  /** The only connection is held by the user's transaction: answer from the cache only */
  offline = false;

  constructor(private readonly reader: Adapter) {}

  /** After DDL: every name may have changed. */
  invalidate(): void {
    this.tables = null;
    this.schemas = null;
    this.columns.clear();
  }

  private async read<T>(fetch: (options: RunOptions) => Promise<T>, signal: AbortSignal): Promise<T | typeof NOT_READ> {
    if (this.offline) {
      this.paused = true;
      return NOT_READ;
    }
    try {
      return await fetch({ signal });
    } catch (error) {
      if (isBusy(error)) this.paused = true;
      if (isBusy(error) || signal.aborted) return NOT_READ;
      throw error;
    }
  }

  async tableList(signal: AbortSignal): Promise<TableInfo[]> {
    if (this.tables !== null) return this.tables;
    const found = await this.read((options) => this.reader.introspect.tables(undefined, options), signal).catch(() => []);
    if (found === NOT_READ) return [];
    this.tables = found;
    return found;
  }

  async schemaList(signal: AbortSignal): Promise<string[]> {
    if (this.schemas !== null) return this.schemas;
    const found = await this.read((options) => this.reader.introspect.schemas(options), signal).catch(() => []);
    if (found === NOT_READ) return [];
    this.schemas = found.map((schema) => schema.name);
    return this.schemas;
  }

  /** A table's columns; without a schema the server's own resolution (search path, current database). */
  async columnsOf(table: TableRef, signal: AbortSignal): Promise<string[]> {
    const key = JSON.stringify([table.schema, table.name]);
    const cached = this.columns.get(key);
    if (cached) return cached;
    const found = await this.read(
      (options) => this.reader.introspect.columns(table.name, table.schema ?? undefined, options),
      signal,
    ).catch(() => []);
    if (found === NOT_READ) return [];
    const names = found.map((column) => column.name);
    this.columns.set(key, names);
    return names;
  }
}
