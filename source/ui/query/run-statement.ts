// Runs one statement typed at the prompt on the console's session and turns the answer into an
// Outcome. Errors become outcomes too (with the failing position), never throws.
import type { Session } from '../../adapters/adapter.js';
import { AdapterError } from '../../adapters/adapter-error.js';
import { type Outcome, describeWrite } from './outcome.js';
import { ResultSource } from './result-source.js';
import type { Backend } from '../../dsn/types.js';
import { classifyStatement } from '../../sql/classify-statement.js';
import type { SqlDialect } from '../../sql/dialect.js';

export const STREAM_CHUNK = 500;

function errorOutcome(error: unknown, statement: string): Outcome {
  if (error instanceof AdapterError) {
    const message = error.kind === 'cancelled' ? 'Statement cancelled.' : error.message;
    return { kind: 'error', message, hint: error.hint, statement, position: error.position, cause: error };
  }
  return { kind: 'error', message: error instanceof Error ? error.message : String(error), hint: null, statement, position: null };
}

export async function runStatement(
  session: Session,
  statement: string,
  signal: AbortSignal,
  dialect: Backend | SqlDialect,
): Promise<Outcome> {
  const started = performance.now();
  try {
    // Every statement that yields rows streams (WITH, VALUES, SHOW, EXPLAIN, a reading PRAGMA,
    // DML … RETURNING: the stream runs it once, as run() would), so memory stays bounded.
    if (classifyStatement(statement, dialect).returnsRows) {
      const stream = await session.stream(statement, { signal, chunkSize: STREAM_CHUNK });
      const source = ResultSource.fromStream(stream);
      // The first screen appears as soon as the first chunk is in.
      await source.readMore();
      if (source.failure && source.rows.rowCount === 0) return errorOutcome(source.failure, statement);
      return { kind: 'rows', source, elapsedMs: performance.now() - started, statement };
    }
    const result = await session.run(statement, { signal });
    if (result.columns.length > 0) {
      return { kind: 'rows', source: ResultSource.fromRows(result.columns, result.rows), elapsedMs: result.elapsedMs, statement };
    }
    return {
      kind: 'done',
      summary: describeWrite(result.command, result.affectedRows),
      elapsedMs: result.elapsedMs,
      statement,
      ...(result.warnings ? { warnings: result.warnings } : {}),
    };
  } catch (error) {
    if (signal.aborted) return { kind: 'error', message: 'Statement cancelled.', hint: null, statement, position: null };
    return errorOutcome(error, statement);
  }
}
