// What the prompt hands over (a typed line, a pasted statement) becomes the statements to run,
// split by the one splitter: `select 1; select 2;` runs two statements, in order.
import { splitStatements } from '../../sql/split-statements.js';
import type { SqlDialect } from '../../sql/dialect.js';
import { isBackslashCommand } from '../sql/backslash-commands.js';

export function statementsOfInput(text: string, dialect: SqlDialect): string[] {
  // A backslash command is the whole line (its argument may hold a `;`).
  if (isBackslashCommand(text)) return [text];
  const statements = splitStatements(text, dialect);
  // One statement runs exactly as typed, byte for byte (comments and `;` included).
  if (statements.length <= 1) return text.trim() === '' ? [] : [text];
  return statements.map((statement) => statement.text + (statement.terminated ? ';' : ''));
}

/** Said when a statement failed and the rest of its input was dropped */
export function stoppedNotice(notRun: number): string {
  return `stopped at the error: ${notRun} statement${notRun === 1 ? '' : 's'} did not run`;
}

/** The queue's items for one input: first the question about its destructive statements, then each statement. */
export type QueuedInput = { kind: 'confirm'; text: string; statements: string[] } | { kind: 'run'; statement: string };

export function queuedInput(text: string, statements: string[]): QueuedInput[] {
  return [{ kind: 'confirm', text, statements }, ...statements.map((statement) => ({ kind: 'run' as const, statement }))];
}
