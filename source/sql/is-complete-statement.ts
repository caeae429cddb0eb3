// The console's Enter key: does the buffer hold at least one statement ended by `;`, with nothing
// left open (a string, comment, dollar quote or routine body) and nothing after it but blanks
// and comments? Then Enter runs it; otherwise Enter inserts a newline.
import type { Backend } from '../dsn/types.js';
import type { SqlDialect } from './dialect.js';
import { scanScript } from './split-statements.js';

export function isCompleteStatement(text: string, dialect: Backend | SqlDialect): boolean {
  const { statements, endsOpen, endsInBlock } = scanScript(text, dialect);
  if (endsOpen || endsInBlock || statements.length === 0) return false;
  return statements.every((statement) => statement.terminated);
}
