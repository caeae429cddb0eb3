// Runs one statement typed at the prompt on the console's session (session/run-on-session.ts
// decides how) and turns the answer into an Outcome: a stream becomes the result view's source.
// Errors become outcomes too (with the failing position), never throws.
import type { Session } from '../../adapters/adapter.js';
import { AdapterError } from '../../adapters/adapter-error.js';
import { type Outcome, describeWrite } from './outcome.js';
import { ResultSource } from './result-source.js';
import type { Backend } from '../../dsn/types.js';
import type { SqlDialect } from '../../sql/dialect.js';
import { runOnSession } from '../../session/run-on-session.js';

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
    const answer = await runOnSession(session, statement, { dialect, signal, chunkSize: STREAM_CHUNK });
    if (answer.kind === 'stream') {
      const source = ResultSource.fromStream(answer.stream);
      // The first screen appears as soon as the first chunk is in.
      await source.readMore();
      if (source.failure && source.rows.rowCount === 0) return errorOutcome(source.failure, statement);
      return { kind: 'rows', source, elapsedMs: performance.now() - started, statement };
    }
    const { result } = answer;
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
