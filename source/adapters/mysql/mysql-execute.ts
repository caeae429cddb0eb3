// Runs one query string (one or several statements) on a pooled connection and returns each
// statement's result in order, normalised.
import type { FieldPacket, ResultSetHeader } from 'mysql2';
import type { StatementResult, Value } from '../adapter.js';
import { AdapterError } from '../adapter-error.js';
import { queryRaw } from './mysql-connect.js';
import type { MysqlContext } from './mysql-context.js';
import { cancelledError, toAdapterError } from './mysql-errors.js';
import { statementCommand } from '../../sql/classify-statement.js';
import type { PooledConnection } from './mysql-pool.js';
import { StatementGuard } from './mysql-statement-guard.js';
import { makeRowNormaliser } from './mysql-values.js';

const IN_TRANSACTION = 0x0001;

export interface Execution {
  results: StatementResult[];
  /** From the last OK packet's status flags; null when the last result was a row set */
  inTransaction: boolean | null;
}

/** The statement text as it will be sent, checked against maxAllowedPacket like the Go driver. */
export function prepareSql(connection: PooledConnection, context: MysqlContext, sql: string, params?: Value[]): string {
  const text = params && params.length > 0 ? connection.raw.format(sql, params) : sql;
  const limit = context.maxAllowedPacket;
  const size = Buffer.byteLength(text) + 1;
  if (limit > 0 && size > limit) {
    throw new AdapterError('other', 'mysql', `The statement is ${size} bytes, more than maxAllowedPacket (${limit} bytes) allows.`, {
      code: 'packet_too_large',
      hint: "Raise ?maxAllowedPacket= in the DSN (0 reads the server's max_allowed_packet), or send smaller statements.",
    });
  }
  return text;
}

function isHeader(value: unknown): value is ResultSetHeader {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'affectedRows' in value;
}

function toResult(rows: unknown, fields: FieldPacket[] | undefined, context: MysqlContext, elapsedMs: number): StatementResult {
  if (Array.isArray(rows) && Array.isArray(fields)) {
    const normaliser = makeRowNormaliser(fields, context.formatDateTime);
    return {
      columns: normaliser.columns,
      rows: (rows as unknown[][]).map((row) => normaliser.normalise(row)),
      affectedRows: null,
      command: 'SELECT',
      elapsedMs,
    };
  }
  const header = isHeader(rows) ? rows : null;
  const result: StatementResult = { columns: [], rows: [], affectedRows: header ? header.affectedRows : null, command: null, elapsedMs };
  warningCounts.set(result, header?.warningStatus ?? 0);
  return result;
}

/** The OK packet's warning count of each result, until its warnings are read. */
const warningCounts = new WeakMap<StatementResult, number>();

/**
 * Runs `sql`; when the server reported warnings for a statement that did not return rows (an
 * INSERT whose value became NULL, a string cut to its column), asks for them (`SHOW WARNINGS`, on
 * the same connection, only then: no extra round trip otherwise) so that they are shown, not lost.
 */
export async function executeQuery(
  connection: PooledConnection,
  context: MysqlContext,
  sql: string,
  options: { signal?: AbortSignal; params?: Value[] },
): Promise<Execution> {
  const execution = await executeOnce(connection, context, sql, options);
  const warned = execution.results.filter((result) => (warningCounts.get(result) ?? 0) > 0);
  const last = execution.results.at(-1);
  for (const result of warned) {
    const count = warningCounts.get(result)!;
    // The server keeps the diagnostics of the last statement only.
    result.warnings =
      result === last && !connection.dead
        ? await readWarnings(connection, count)
        : [`${count} ${count === 1 ? 'warning' : 'warnings'} (the server keeps only the last statement's: run this one alone to see them)`];
  }
  return execution;
}

async function readWarnings(connection: PooledConnection, count: number): Promise<string[]> {
  try {
    const rows = (await queryRaw(connection.raw, 'SHOW WARNINGS')) as unknown[][];
    const shown = rows.map(([level, code, message]) => `${String(level)} ${String(code)}: ${String(message)}`);
    if (count > shown.length) shown.push(`${count - shown.length} more (max_error_count limits how many the server keeps)`);
    return shown;
  } catch (error) {
    return [
      `${count} ${count === 1 ? 'warning' : 'warnings'}; reading them failed: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
}

function executeOnce(
  connection: PooledConnection,
  context: MysqlContext,
  sql: string,
  options: { signal?: AbortSignal; params?: Value[] },
): Promise<Execution> {
  if (options.signal?.aborted) return Promise.reject(cancelledError());
  const text = prepareSql(connection, context, sql, options.params);
  return new Promise((resolve, reject) => {
    const guard = new StatementGuard(connection, context, options.signal);
    let settled = false;
    const finish = (error: AdapterError | null, execution?: Execution) => {
      if (settled) return;
      settled = true;
      void guard.quiesce().then(() => {
        guard.dispose();
        if (error) reject(error);
        else resolve(execution as Execution);
      });
    };
    guard.onForcedEnd = (error) => finish(error);
    const started = performance.now();
    const marks: number[] = [];
    const query = connection.raw.query({ sql: text, rowsAsArray: true }, (error, rows, fields) => {
      const verdict = guard.verdict();
      if (verdict) return finish(verdict);
      if (error) {
        const adapted = toAdapterError(error, { ...context.errorContext, sql: text });
        // mysql2 counts the results that ended before the failing one (an error can also cut a
        // row set short, so counting 'fields' events would be off by one).
        const completed = (query as unknown as { _resultIndex?: number })._resultIndex ?? 0;
        if (completed > 0) adapted.message += ` (statement ${completed + 1} of the script; the ones before it ran)`;
        if ((error as { fatal?: boolean }).fatal) connection.dead = true;
        return finish(adapted);
      }
      const ended = performance.now();
      const boundaries = [started, ...marks.slice(1), ended];
      const elapsed = (index: number) => (boundaries[index + 1] ?? ended) - (boundaries[index] ?? started);
      const multi = marks.length > 1;
      const results = multi
        ? (rows as unknown as unknown[]).map((result, index) =>
            toResult(result, (fields as unknown as Array<FieldPacket[] | undefined>)?.[index], context, elapsed(index)),
          )
        : [toResult(rows, fields, context, ended - started)];
      const last = multi ? (rows as unknown as unknown[]).at(-1) : rows;
      const inTransaction = isHeader(last) ? Boolean(last.serverStatus & IN_TRANSACTION) : null;
      finish(null, { results, inTransaction });
    });
    query.on('fields', () => marks.push(performance.now()));
    guard.io.armRead();
    guard.io.checkWrite();
  });
}

/**
 * What run() reports for a string that produced several results: the last row set if there is
 * one (a CALL ends with an OK packet after its rows), else the last result.
 */
export function mainResult(results: StatementResult[], sql: string): StatementResult {
  const rowSets = results.filter((result) => result.columns.length > 0);
  const main = (rowSets.at(-1) ?? results.at(-1)) as StatementResult;
  return { ...main, command: statementCommand(sql, 'mysql') ?? main.command };
}
