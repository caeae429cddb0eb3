// The one statement classifier: for every statement of an input, what it is and what running it
// would do. Every caller that must know (streaming a result or not, asking before destructive
// statements, refusing under read-only, a command word for drivers that send none) asks here.
// Built on the shared lexer and splitter, so strings, comments and identifiers never mislead it.
import type { Backend } from '../dsn/types.js';
import { classifierRules } from './classifier-rules.js';
import { executableComments, scanTokens } from './classify-tokens.js';
import type { SqlDialect } from './dialect.js';
import { splitStatements, type Statement } from './split-statements.js';
import { analyseText, mergeClassifications } from './statement-analysis.js';
import { punctAt, wordAt } from './token-scan.js';

export interface Classification {
  /** First keyword, upper-case, after comments, '(' and MySQL executable comments; null if none */
  keyword: string | null;
  /**
   * The statement's command as a server's command tag names it: the main statement of a WITH
   * (INSERT for `WITH … INSERT`), otherwise the keyword; null if none
   */
  command: string | null;
  /** The statement yields a result set (SELECT, WITH … SELECT, VALUES, TABLE, SHOW, EXPLAIN, DESCRIBE,
   *  a reading PRAGMA, DML … RETURNING, FETCH): stream it */
  returnsRows: boolean;
  /** Safe to run again: changes no data, schema, session or read-only state, writes nothing outside
   *  the database (EXPLAIN ANALYZE of DML is NOT read-only) */
  readOnly: boolean;
  /** What it changes besides rows it returns */
  changes: 'none' | 'data' | 'schema' | 'session' | 'unknown';
  /** Why it is destructive (e.g. "DROP TABLE", "DELETE without WHERE", "UPDATE with a WHERE that is always true",
   *  "ALTER … DROP", "TRUNCATE", "DO block with DELETE"), or null */
  destructive: string | null;
  /** Transaction control, or null */
  transaction: 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollback-to' | null;
  /** Why this statement must be refused under read-only (turns read-only off, or writes outside the
   *  database), or null. Ordinary writes are refused by the server's read-only mode, not by this. */
  readOnlyViolation: string | null;
}

export interface ClassifiedStatement extends Classification {
  statement: Statement;
}

/** Every statement of an input (same boundaries as splitStatements), each classified. */
export function classifyStatements(text: string, dialect: Backend | SqlDialect): ClassifiedStatement[] {
  const rules = classifierRules(dialect);
  const statements = splitStatements(text, dialect);
  return statements.map((statement, index) => {
    const own = analyseText(statement.text, rules);
    // MySQL runs an executable comment even where the splitter sees only a comment (after the
    // last word, between statements): what is around a statement counts as part of it.
    const before = index === 0 ? text.slice(0, statement.start) : '';
    const after = text.slice(statement.end, statements[index + 1]?.start ?? text.length);
    const around = [before, after]
      .flatMap((gap) => executableComments(gap, rules.lexical))
      .flatMap((sql) => classifyStatements(sql, dialect));
    if (around.length === 0) return { ...own, statement };
    return { ...mergeClassifications([own, ...around]), keyword: own.keyword, command: own.command, statement };
  });
}

/** One statement's text (if it holds several, the most dangerous answer over all of them wins:
 *  returnsRows of the last, readOnly only if all are, destructive/readOnlyViolation of the first found). */
export function classifyStatement(text: string, dialect: Backend | SqlDialect): Classification {
  const all = classifyStatements(text, dialect);
  if (all.length > 0) return mergeClassifications(all.map(({ statement: _statement, ...classification }) => classification));
  // No statement, but an executable comment still runs on MySQL.
  return mergeClassifications(
    executableComments(text, classifierRules(dialect).lexical).flatMap((sql) => classifyStatements(sql, dialect)),
  );
}

const WITH_MAIN = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'TABLE', 'REPLACE', 'UPSERT']);

/**
 * The command word alone (as `Classification.command`), reading no further than it must: for a
 * driver that sends no command tag, on every statement it runs.
 */
export function statementCommand(text: string, dialect: Backend | SqlDialect): string | null {
  let withDepth = -1;
  let command: string | null = null;
  scanTokens(text, classifierRules(dialect).lexical, (tokens, k) => {
    if (withDepth < 0) {
      if (punctAt(tokens, k, '(')) return false;
      if (wordAt(tokens, k)) command = tokens.text(k);
      if (command !== 'WITH') return true;
      withDepth = tokens.depth(k);
      return false;
    }
    const depth = tokens.depth(k);
    if (depth < withDepth || tokens.kind(k) === 'semicolon') return true;
    if (depth === withDepth && wordAt(tokens, k) && WITH_MAIN.has(tokens.text(k))) {
      command = tokens.text(k);
      return true;
    }
    return false;
  });
  return command;
}
