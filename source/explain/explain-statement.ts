// The EXPLAIN statement to send for `\explain [analyze] SQL`, per dialect; or why it is refused.
// ANALYZE runs the statement, so it is only added when the one classifier calls it read-only.
import { classifierRules } from '../sql/classifier-rules.js';
import { classifyStatement, classifyStatements } from '../sql/classify-statement.js';
import { executableComments } from '../sql/classify-tokens.js';
import type { SqlDialect } from '../sql/dialect.js';

export type ExplainRequest =
  | {
      ok: true;
      sql: string;
      /** characters before the user's statement in `sql` (to place an error) */ offset: number;
      /** where the statement starts in the text given */ start: number;
      analyze: boolean;
      plan: SqlDialect;
    }
  | { ok: false; message: string; hint: string };

const PREFIX: Record<SqlDialect, { plain: string; analyze: string | null }> = {
  postgres: { plain: 'EXPLAIN (FORMAT JSON) ', analyze: 'EXPLAIN (ANALYZE, FORMAT JSON) ' },
  // MariaDB's form; MySQL answers ANALYZE only in its tree format, so the server says it does not know this one.
  mysql: { plain: 'EXPLAIN FORMAT=JSON ', analyze: 'ANALYZE FORMAT=JSON ' },
  sqlite: { plain: 'EXPLAIN QUERY PLAN ', analyze: null },
};

const ALREADY_EXPLAIN = new Set(['EXPLAIN', 'ANALYZE', 'ANALYSE', 'DESCRIBE', 'DESC']);

export function explainStatement(text: string, analyze: boolean, dialect: SqlDialect): ExplainRequest {
  const statements = classifyStatements(text, dialect);
  const [only] = statements;
  if (only === undefined)
    return {
      ok: false,
      message: '\\explain needs a statement.',
      hint: 'Type \\explain SELECT …, or \\explain analyze SELECT … to run it and time each step.',
    };
  if (statements.length > 1)
    return {
      ok: false,
      message: `\\explain explains one statement at a time; this input holds ${statements.length}.`,
      hint: 'Explain each statement on its own.',
    };
  if (only.keyword !== null && ALREADY_EXPLAIN.has(only.keyword))
    return {
      ok: false,
      message: `The statement is already ${only.keyword}.`,
      hint: 'Give \\explain the statement itself: \\explain SELECT …',
    };
  // MySQL runs what a /*! … */ comment holds, and the session takes several statements: a `;`
  // inside one would make EXPLAIN's statement end there and the rest run for real.
  if (executableComments(only.statement.text, classifierRules(dialect).lexical).some((sql) => sql.includes(';'))) {
    return {
      ok: false,
      message: 'The statement holds an executable comment (/*! … */) with a ";": it would run as a statement of its own, not be explained.',
      hint: 'Remove the ";" from the comment (or the comment), then \\explain it.',
    };
  }
  const prefix = PREFIX[dialect];
  if (analyze) {
    if (prefix.analyze === null)
      return {
        ok: false,
        message: 'SQLite has no run-time figures for a plan (EXPLAIN QUERY PLAN only).',
        hint: 'Use \\explain without analyze.',
      };
    // The whole input, executable comments included: the same answer the rest of the console gets.
    const kind = classifyStatement(text, dialect);
    if (!kind.readOnly) {
      const what = kind.changes === 'none' || kind.changes === 'unknown' ? 'may change something' : `changes ${kind.changes}`;
      return {
        ok: false,
        message: `\\explain analyze runs the statement, and this one ${what}: refused, nothing ran.`,
        hint: 'Use \\explain without analyze for the estimated plan (it does not run the statement).',
      };
    }
  }
  const lead = analyze ? (prefix.analyze ?? prefix.plain) : prefix.plain;
  return { ok: true, sql: lead + only.statement.text, offset: lead.length, start: only.statement.start, analyze, plan: dialect };
}
