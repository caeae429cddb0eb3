// Splits a script into statements at `;`, except inside strings, quoted identifiers, comments,
// PostgreSQL dollar quotes, and the BEGIN ... END bodies of triggers and routines (SQLite triggers,
// MySQL procedures, PostgreSQL `BEGIN ATOMIC`). Never throws.
import type { Backend } from '../dsn/types.js';
import { lexicalRules, type SqlDialect } from './dialect.js';
import { lex, type Token } from './lex.js';
import { BlockTracker } from './block-tracker.js';

export interface Statement {
  /** The statement from its first to its last significant character, without the `;` */
  text: string;
  /** Offset of `text` in the script */
  start: number;
  /** Offset just after `text` */
  end: number;
  /** 1-based line of `start` */
  line: number;
  /** 1-based column of `start` */
  column: number;
  /** false for a last statement with no `;` */
  terminated: boolean;
}

export interface ScanResult {
  statements: Statement[];
  /** The input ends inside a string, quoted identifier, dollar quote or block comment */
  endsOpen: boolean;
  /** The input ends inside a routine body (BEGIN without its END yet) */
  endsInBlock: boolean;
  /** Offset just after the last statement-ending `;` (0 when there is none) */
  consumed: number;
}

export function scanScript(sql: string, dialect: Backend | SqlDialect): ScanResult {
  const statements: Statement[] = [];
  let start = -1;
  let end = -1;
  let block = new BlockTracker();
  let endsOpen = false;
  let consumed = 0;
  // Line/column bookkeeping is incremental: `lineAt` is the line of offset `lineFrom`.
  let lineAt = 1;
  let lineFrom = 0;
  let lineStart = 0;
  const position = (offset: number) => {
    for (let i = lineFrom; i < offset; i += 1) {
      if (sql.charCodeAt(i) === 10) {
        lineAt += 1;
        lineStart = i + 1;
      }
    }
    lineFrom = offset;
    return { line: lineAt, column: offset - lineStart + 1 };
  };
  const close = (terminated: boolean) => {
    if (start >= 0) statements.push({ text: sql.slice(start, end), start, end, ...position(start), terminated });
    start = -1;
    block = new BlockTracker();
  };

  for (const token of lex(sql, lexicalRules(dialect)) as Iterable<Token>) {
    endsOpen = token.open;
    if (token.kind === 'space' || token.kind === 'comment') continue;
    if (token.kind === 'semicolon' && !block.inBody()) {
      close(true);
      consumed = token.end;
      continue;
    }
    if (start < 0) start = token.start;
    end = token.end;
    block.see(token, sql);
  }
  const endsInBlock = start >= 0 && block.inBody();
  close(false);
  return { statements, endsOpen, endsInBlock, consumed };
}

/** The statements of a script, in order; empty statements (only `;`, blanks or comments) are skipped. */
export function splitStatements(sql: string, dialect: Backend | SqlDialect): Statement[] {
  return scanScript(sql, dialect).statements;
}
