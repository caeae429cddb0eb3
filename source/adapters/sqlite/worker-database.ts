// The database as the worker process drives it: better-sqlite3 calls, synchronous by nature,
// which is why they run in their own process and never in the console's event loop.
import type BetterSqlite3 from 'better-sqlite3';
import type { Column, Row, Value } from '../adapter.js';
import { bindableParam, normaliseValue } from './normalise-value.js';
import { splitStatements, type Statement as ScriptStatement } from '../../sql/split-statements.js';
import { statementCommand } from '../../sql/classify-statement.js';
import { applyTxlock } from './txlock.js';
import { jsonRowsQuery, rowsCanBeJson } from './json-rows-query.js';
import type {
  RowEncoding,
  WorkerChunk,
  WorkerErrorInfo,
  WorkerOpenConfig,
  WorkerStatementResult,
  WorkerStreamOpened,
} from './worker-protocol.js';

type Driver = typeof BetterSqlite3;
type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** Statements whose affected-row count is meaningful. */
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'WITH']);

/** An Error carrying the extra facts the parent needs to build its AdapterError. */
export class WorkerFailure extends Error {
  constructor(readonly info: WorkerErrorInfo) {
    super(info.message);
  }
}

/** Any failure as the protocol's error info (a driver error keeps its SQLite code). */
export function failureInfo(error: unknown): WorkerErrorInfo {
  if (error instanceof WorkerFailure) return error.info;
  const code = (error as { code?: unknown }).code;
  return { code: typeof code === 'string' ? code : null, message: error instanceof Error ? error.message : String(error) };
}

function columnsOf(statement: Statement): Column[] {
  return statement.columns().map((column) => ({ name: column.name, type: column.type ?? '' }));
}

/**
 * In place (each raw row is a fresh array): strings, numbers and NULL are kept as they are, and
 * integers (BigInt, read with safeIntegers) converted here rather than through normaliseValue:
 * this runs for every integer of a streamed result.
 */
function normaliseRow(row: unknown[]): Row {
  for (let i = 0; i < row.length; i += 1) {
    const value = row[i];
    if (typeof value === 'bigint') {
      const number = Number(value);
      row[i] = Number.isSafeInteger(number) ? number : value.toString();
    } else if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      row[i] = normaliseValue(value);
    }
  }
  return row as Row;
}

/** Up to `limit` items of an iterator: the last `keep` of them in order, how many came before, whether it ended. */
function lastOf<T>(items: IterableIterator<T>, keep: number, limit: number): { kept: T[]; skipped: number; ended: boolean } {
  const ring: T[] = [];
  let seen = 0;
  let ended = false;
  while (seen < limit) {
    const next = items.next();
    if (next.done) {
      ended = true;
      break;
    }
    if (keep > 0) ring[seen % keep] = next.value;
    seen += 1;
  }
  const count = Math.min(seen, keep);
  const start = seen - count;
  const kept = Array.from({ length: count }, (_, index) => ring[(start + index) % keep]!);
  return { kept, skipped: start, ended };
}

/** Safe to splice into `PRAGMA name = value`: the DSN parser validated them, this double-checks. */
function pragmaStatement(name: string, value: string): string {
  if (!/^[A-Za-z_]+$/.test(name) || !/^[A-Za-z0-9_+-]+$/.test(value)) {
    throw new WorkerFailure({ code: null, message: `PRAGMA ${name} = ${value} is not a plain pragma setting.`, pragma: name });
  }
  return `${name} = ${value}`;
}

/** An open stream: raw rows of values, or (json) one JSON array text per row. */
type OpenStream = { json: false; rows: IterableIterator<unknown[]> } | { json: true; rows: IterableIterator<string> };

export class WorkerDatabase {
  private readonly streams = new Map<number, OpenStream>();
  private nextStreamId = 1;

  private constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly txlock: WorkerOpenConfig['txlock'],
  ) {}

  /** Opens the file and applies the DSN's pragmas in order. */
  static open(driver: Driver, config: WorkerOpenConfig): { database: WorkerDatabase; version: string } {
    const db = new driver(config.path, { readonly: config.readonly, fileMustExist: config.fileMustExist });
    try {
      // Reading the header first makes "not a database" a connect error, not the first statement's.
      db.pragma('schema_version');
      const version = String(db.prepare('SELECT sqlite_version()').pluck().get());
      // better-sqlite3 opens in SQLite's defensive mode, which ignores writable_schema; the Go
      // drivers do not, so a DSN asking for it gets it (unsafe mode only lifts defensive mode and
      // the "no statement while iterating" guard).
      if (config.pragmas.some((pragma) => pragma.name === 'writable_schema' && pragma.value === '1')) db.unsafeMode(true);
      // SQLite's own default page cache (2 MB), as documented for _cache_size and as the Go
      // drivers have it; better-sqlite3 raises it to 16 MB, all of which a long scan fills.
      db.pragma('cache_size = -2000');
      // Pragmas last: defer_foreign_keys is reset by SQLite at the end of every transaction,
      // autocommit statements included, so nothing may run between it and the caller.
      for (const { name, value } of config.pragmas) {
        try {
          db.pragma(pragmaStatement(name, value));
        } catch (error) {
          if (error instanceof WorkerFailure) throw error;
          const message = error instanceof Error ? error.message : String(error);
          throw new WorkerFailure({ code: (error as { code?: string }).code ?? null, message, pragma: `${name} = ${value}` });
        }
      }
      db.defaultSafeIntegers(true);
      return { database: new WorkerDatabase(db, config.txlock), version };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  get inTransaction(): boolean {
    return this.db.open && this.db.inTransaction;
  }

  /** Usually one statement; given several, all run and the last one's result is returned (as on PostgreSQL). */
  run(sql: string, params: Value[]): WorkerStatementResult {
    return this.script(sql, params).at(-1) ?? { columns: [], rows: [], affectedRows: null, command: null, elapsedMs: 0 };
  }

  script(sql: string, params: Value[]): WorkerStatementResult[] {
    const statements = splitStatements(sql, 'sqlite');
    if (params.length > 0 && statements.length > 1) {
      throw new WorkerFailure({ code: null, message: 'Parameters can only be bound to a single statement, not to a script.' });
    }
    return statements.map((statement, index) =>
      this.withPosition(statement, index, statements.length, () => this.execute(statement.text, params)),
    );
  }

  /** `encoding` json: SQLite renders the rows as JSON text where it can (see json-rows-query.ts). */
  streamOpen(sql: string, params: Value[], encoding: RowEncoding = 'values'): WorkerStreamOpened {
    const statements = splitStatements(sql, 'sqlite');
    if (statements.length !== 1) {
      throw new WorkerFailure({ code: null, message: `A stream reads one statement, but the text holds ${statements.length}.` });
    }
    const statement = statements[0]!;
    return this.withPosition(statement, 0, 1, () => {
      const prepared = this.prepare(statement.text);
      const bound = params.map(bindableParam);
      if (!prepared.reader) {
        prepared.run(...bound);
        return { streamId: 0, columns: [], ranWithoutRows: true, json: false };
      }
      const streamId = this.nextStreamId++;
      const asJson = encoding === 'json' ? this.jsonRowsStatement(prepared, statement.text) : null;
      if (asJson) {
        this.streams.set(streamId, { json: true, rows: asJson.iterate(...bound) as IterableIterator<string> });
      } else {
        prepared.raw(true);
        this.streams.set(streamId, { json: false, rows: prepared.iterate(...bound) as IterableIterator<unknown[]> });
      }
      return { streamId, columns: columnsOf(prepared), ranWithoutRows: false, json: asJson !== null };
    });
  }

  /** Up to chunkSize rows; memory stays bounded by the chunk, whatever the result size. */
  streamNext(streamId: number, chunkSize: number): WorkerChunk {
    const stream = this.streams.get(streamId);
    if (!stream) return { rows: [], done: true };
    if (stream.json) return this.nextJsonChunk(streamId, stream.rows, chunkSize);
    const rows: Row[] = [];
    while (rows.length < chunkSize) {
      const next = stream.rows.next();
      if (next.done) {
        this.streams.delete(streamId);
        return { rows, done: true };
      }
      rows.push(normaliseRow(next.value));
    }
    return { rows, done: false };
  }

  /**
   * Reads up to `limit` more rows, returning only the last `keep` of them: the console following
   * a result to its end keeps no more than that, so the rows before them need not cross to it.
   */
  streamTail(streamId: number, keep: number, limit: number): WorkerChunk {
    const stream = this.streams.get(streamId);
    if (!stream) return { rows: [], done: true, skipped: 0 };
    const { kept, skipped, ended } = lastOf(stream.rows as IterableIterator<unknown>, keep, limit);
    if (ended) this.streams.delete(streamId);
    if (!stream.json) return { rows: (kept as unknown[][]).map(normaliseRow), done: ended, skipped };
    if (kept.length === 0) return { rows: [], done: ended, skipped };
    return { rows: [], done: ended, skipped, json: `[${(kept as string[]).join(',')}]`, rowCount: kept.length, bySqlite: true };
  }

  streamClose(streamId: number): void {
    this.streams.get(streamId)?.rows.return?.();
    this.streams.delete(streamId);
  }

  close(): void {
    for (const id of [...this.streams.keys()]) this.streamClose(id);
    if (this.db.open) this.db.close();
  }

  private nextJsonChunk(streamId: number, rows: IterableIterator<string>, chunkSize: number): WorkerChunk {
    const texts: string[] = [];
    let done = false;
    while (texts.length < chunkSize) {
      const next = rows.next();
      if (next.done) {
        this.streams.delete(streamId);
        done = true;
        break;
      }
      texts.push(next.value);
    }
    return texts.length === 0
      ? { rows: [], done }
      : { rows: [], done, json: `[${texts.join(',')}]`, rowCount: texts.length, bySqlite: true };
  }

  /** The statement wrapped to return JSON rows, or null when it cannot or should not be. */
  private jsonRowsStatement(prepared: Statement, text: string): Statement | null {
    const columns = prepared.columns();
    if (!rowsCanBeJson(columns)) return null;
    let wrapped: Statement;
    try {
      wrapped = this.prepare(jsonRowsQuery(text, columns));
    } catch {
      return null; // e.g. a statement that cannot be a CTE body: the values path serves it
    }
    return wrapped.reader && wrapped.columns().length === 1 ? wrapped.pluck(true) : null;
  }

  private prepare(text: string): Statement {
    return this.db.prepare(applyTxlock(text, this.txlock));
  }

  private execute(text: string, params: Value[]): WorkerStatementResult {
    const started = performance.now();
    const statement = this.prepare(text);
    const bound = params.map(bindableParam);
    // The statement's command word (WITH … INSERT is an INSERT): SQLite reports none.
    const command = statementCommand(text, 'sqlite');
    const counts = command !== null && WRITES.has(command);
    if (statement.reader) {
      statement.raw(true);
      const rows = (statement.all(...bound) as unknown[][]).map(normaliseRow);
      return {
        columns: columnsOf(statement),
        rows,
        affectedRows: counts ? rows.length : null,
        command,
        elapsedMs: performance.now() - started,
      };
    }
    const info = statement.run(...bound);
    return { columns: [], rows: [], affectedRows: counts ? Number(info.changes) : null, command, elapsedMs: performance.now() - started };
  }

  /** Tags a failure with the statement it came from, so the parent can place the error. */
  private withPosition<T>(statement: ScriptStatement, index: number, count: number, action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (error instanceof WorkerFailure) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const code = (error as { code?: unknown }).code;
      throw new WorkerFailure({
        code: typeof code === 'string' ? code : null,
        message,
        statementIndex: index,
        statementCount: count,
        statementOffset: statement.start,
      });
    }
  }
}
