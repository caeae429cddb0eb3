// `\watch` re-runs a statement again and again: only one the statement classifier calls read-only
// (changes no data, schema or session state) may be re-run; anything else is refused, saying why.
import { classifyStatement } from '../../sql/classify-statement.js';
import type { SqlDialect } from '../../sql/dialect.js';
import { oneLine } from './export-result.js';

export type WatchChoice = { ok: true; statement: string } | { ok: false; message: string; hint: string };

/** The statement `\watch` may re-run, or why it may not. */
export function statementToWatch(statement: string | null, dialect: SqlDialect): WatchChoice {
  if (statement === null)
    return {
      ok: false,
      message: 'Nothing to watch yet.',
      hint: 'Run a query first (e.g. select count(*) from jobs;), then \\watch [SECONDS] re-runs it.',
    };
  const kind = classifyStatement(statement, dialect);
  if (kind.readOnly) return { ok: true, statement };
  const what = kind.changes === 'none' || kind.changes === 'unknown' ? 'may change something' : `changes ${kind.changes}`;
  return {
    ok: false,
    message: `\\watch re-runs only a statement that changes nothing; the last one (${oneLine(statement)}) ${what}.`,
    hint: 'Run the read-only query to watch first, then \\watch.',
  };
}
