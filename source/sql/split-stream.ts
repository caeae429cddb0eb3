// Statements from text that arrives in pieces (stdin of `kubectl exec -i`, a pipe): each
// statement is yielded as soon as its `;` has arrived, so results show while the input is still
// being typed or sent. Offsets, lines and columns are those of the whole input.
import type { Backend } from '../dsn/types.js';
import type { SqlDialect } from './dialect.js';
import { scanScript, type Statement } from './split-statements.js';

export async function* splitStream(chunks: AsyncIterable<string>, dialect: Backend | SqlDialect): AsyncGenerator<Statement> {
  let buffer = '';
  // Position of buffer[0] in the whole input.
  let baseOffset = 0;
  let baseLine = 1;
  let baseColumn = 1;

  const place = (statement: Statement): Statement => ({
    ...statement,
    start: statement.start + baseOffset,
    end: statement.end + baseOffset,
    line: statement.line + baseLine - 1,
    column: statement.line === 1 ? statement.column + baseColumn - 1 : statement.column,
  });

  for await (const chunk of chunks) {
    buffer += chunk;
    // Only a `;` can complete a statement; skip rescanning a long statement for every piece.
    if (!chunk.includes(';')) continue;
    const { statements, consumed } = scanScript(buffer, dialect);
    if (consumed === 0) continue;
    for (const statement of statements) {
      if (statement.end > consumed) break;
      yield place(statement);
    }
    const done = buffer.slice(0, consumed);
    const newlines = done.split('\n').length - 1;
    baseLine += newlines;
    baseColumn = newlines === 0 ? baseColumn + consumed : consumed - done.lastIndexOf('\n');
    baseOffset += consumed;
    buffer = buffer.slice(consumed);
  }
  for (const statement of scanScript(buffer, dialect).statements) yield place(statement);
}
